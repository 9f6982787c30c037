import { useDebouncedValue } from '@mantine/hooks';
import { MEMBER_SEARCH_MIN } from '@union/contracts/members';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect } from '../../../ui/SearchSelect';
import type { TransferDestinationDto } from '@union/contracts/members';
import { useTransferDestinations } from '../queries';

type TransferDestinationPickerProps = {
  label: string;
  required?: boolean;
  error?: string;
  value: TransferDestinationDto | null;
  onChange: (unit: TransferDestinationDto | null) => void;
};

/** Grassroots unions anywhere in the country, found by name or code: a transfer may go beyond the user's scope. */
export function TransferDestinationPicker({
  value,
  onChange,
  ...inputProps
}: TransferDestinationPickerProps) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const [query] = useDebouncedValue(searchValue.trim(), 300);
  const searching = query.length >= MEMBER_SEARCH_MIN && query !== value?.name;
  const search = useTransferDestinations(searching ? query : '');

  return (
    <SearchSelect
      {...inputProps}
      placeholder={t('members.transfer.destinationPlaceholder')}
      value={value}
      onChange={onChange}
      items={searching ? (search.data ?? []) : []}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      loading={search.isFetching}
      nothingFound={
        !searching
          ? t('members.transfer.typeMore', { min: MEMBER_SEARCH_MIN })
          : search.isError
            ? t('members.transfer.failed')
            : t('members.transfer.nothingFound')
      }
      itemLabel={(unit) => unit.name}
      itemDescription={(unit) => unit.code}
    />
  );
}
