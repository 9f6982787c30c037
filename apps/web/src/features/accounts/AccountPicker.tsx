import { ACCOUNT_SEARCH_MIN } from '@union/contracts/accounts';
import { useDebouncedValue } from '@mantine/hooks';
import type { AccountDto } from '@union/contracts/accounts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect } from '../../ui/SearchSelect';
import { searchAccounts } from './api';

type AccountPickerProps = {
  label: string;
  required?: boolean;
  error?: string;
  value: AccountDto | null;
  onChange: (account: AccountDto | null) => void;
};

/** Finds an account by name, username, e-mail or phone. */
export function AccountPicker({ value, onChange, ...inputProps }: AccountPickerProps) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const [query] = useDebouncedValue(searchValue.trim(), 300);
  const searching = query.length >= ACCOUNT_SEARCH_MIN && query !== value?.fullName;
  const search = useQuery({
    queryKey: ['accounts', 'search', query],
    queryFn: ({ signal }) => searchAccounts(query, signal),
    enabled: searching,
    placeholderData: keepPreviousData,
  });

  return (
    <SearchSelect
      {...inputProps}
      placeholder={t('accounts.picker.placeholder')}
      description={t('accounts.picker.hint')}
      value={value}
      onChange={onChange}
      items={searching ? (search.data?.items ?? []) : []}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      loading={search.isFetching}
      nothingFound={
        !searching
          ? t('accounts.picker.typeMore', { min: ACCOUNT_SEARCH_MIN })
          : search.isError
            ? t('accounts.picker.failed')
            : t('accounts.picker.nothingFound')
      }
      itemLabel={(account) => account.fullName}
      itemDescription={(account) =>
        [account.username, account.email, account.phone].filter(Boolean).join(' · ')
      }
    />
  );
}
