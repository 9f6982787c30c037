import { Button, CloseButton, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowsTransferUp, IconSearch } from '@tabler/icons-react';
import { UNIT_SEARCH_MIN } from '@union/contracts/units';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { UnitListItem } from './components/UnitListItem';
import { UnitTree } from './components/UnitTree';
import { useRootUnits, useUnitSearch } from './queries';

function UnitSearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const search = useUnitSearch(query);

  if (search.isPending) return <LoadingState label={t('units.search.searching')} />;
  if (search.isError)
    return <ErrorState message={errorMessage(search.error)} onRetry={() => void search.refetch()} />;
  if (search.data.items.length === 0) return <EmptyMessage title={t('units.search.empty', { query })} />;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('units.search.results')}>
      {search.data.items.map((unit) => (
        <UnitListItem key={unit.id} unit={unit} />
      ))}
    </Stack>
  );
}

function RootUnits() {
  const { t } = useTranslation();
  const roots = useRootUnits();

  if (roots.isPending) return <LoadingState />;
  if (roots.isError)
    return <ErrorState message={errorMessage(roots.error)} onRetry={() => void roots.refetch()} />;
  if (roots.data.length === 0)
    return <EmptyMessage title={t('units.tree.empty')} description={t('units.tree.emptyHint')} />;
  return (
    <Paper withBorder p="sm">
      <UnitTree roots={roots.data} />
    </Paper>
  );
}

export function UnitTreePage() {
  const { t } = useTranslation();
  const canMove = useCan('units.move');
  const [searchText, setSearchText] = useState('');
  const [query] = useDebouncedValue(searchText.trim(), 300);
  const tooShort = searchText.trim().length > 0 && searchText.trim().length < UNIT_SEARCH_MIN;

  return (
    <>
      <PageHeader
        title={t('units.tree.title')}
        description={t('units.tree.intro')}
        actions={
          canMove && (
            <Button
              component={Link}
              to="/units/bulk-move"
              variant="light"
              leftSection={<IconArrowsTransferUp size={18} />}
            >
              {t('nav.bulkMove')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <TextInput
          type="search"
          label={t('units.search.label')}
          placeholder={t('units.search.placeholder')}
          leftSection={<IconSearch size={16} />}
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          description={tooShort ? t('units.search.minChars', { min: UNIT_SEARCH_MIN }) : undefined}
          rightSection={
            searchText && (
              <CloseButton aria-label={t('units.search.clear')} onClick={() => setSearchText('')} />
            )
          }
        />
        {query.length >= UNIT_SEARCH_MIN ? (
          <UnitSearchResults query={query} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('units.tree.hint')}
            </Text>
            <RootUnits />
          </>
        )}
      </Stack>
    </>
  );
}
