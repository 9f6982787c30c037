import { useDebouncedValue } from '@mantine/hooks';
import { UNIT_SEARCH_MIN, type UnitDto, type UnitSummaryDto } from '@union/contracts/units';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect } from '../../../ui/SearchSelect';
import { useUnitSearch } from '../queries';

/** What a picker needs to show a unit; office units from /me carry no code or path. */
export type UnitChoice = Pick<UnitSummaryDto, 'id' | 'name' | 'type'> &
  Partial<Pick<UnitSummaryDto, 'code' | 'path'>>;

type UnitPickerProps = {
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  value: UnitChoice | null;
  onChange: (unit: UnitChoice | null) => void;
  /** Offered before the user types, e.g. the units where the user holds office. */
  suggestions?: readonly UnitChoice[];
  /** Hides search results the action cannot use (the unit itself, its own subtree, closed units…). */
  accepts?: (unit: UnitDto) => boolean;
};

export function UnitPicker({ value, onChange, suggestions = [], accepts, ...inputProps }: UnitPickerProps) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const [query] = useDebouncedValue(searchValue.trim(), 300);
  const searching = query.length >= UNIT_SEARCH_MIN && query !== value?.name;
  const search = useUnitSearch(searching ? query : '');

  const found = search.data?.items ?? [];
  const items: readonly UnitChoice[] = searching ? (accepts ? found.filter(accepts) : found) : suggestions;

  return (
    <SearchSelect
      {...inputProps}
      placeholder={t('units.picker.placeholder', { min: UNIT_SEARCH_MIN })}
      value={value}
      onChange={onChange}
      items={items}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      loading={search.isFetching}
      nothingFound={
        !searching
          ? t('units.picker.typeMore', { min: UNIT_SEARCH_MIN })
          : search.isError
            ? t('units.picker.failed')
            : t('units.picker.nothingFound')
      }
      itemLabel={(unit) => unit.name}
      itemDescription={(unit) => [t(`unitType.${unit.type}`), unit.code].filter(Boolean).join(' · ')}
    />
  );
}
