import { Button, CloseButton, Group, Pill, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { MEMBER_SEARCH_MIN } from '@union/contracts/members';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { formatDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import type { MemberFilters } from './api';
import { ExportMenu } from './components/ExportMenu';
import { MemberFiltersDrawer } from './components/MemberFiltersDrawer';
import { MemberTable } from './components/MemberTable';
import { activeFilterCount, filtersFromParams, filtersToParams } from './member-filters';
import { useUnitChoice } from './member-units';
import { useMembers } from './queries';

type FilterKey = Exclude<keyof MemberFilters, 'q'>;

/** The filters in use as removable pills, so the user sees why the list is short. */
function ActiveFilters({
  filters,
  unitName,
  onRemove,
}: {
  filters: MemberFilters;
  unitName: string | undefined;
  onRemove: (key: FilterKey) => void;
}) {
  const { t } = useTranslation();
  const labels: Array<[FilterKey, string]> = [];
  if (filters.unitId) labels.push(['unitId', unitName ?? t('members.unitChoice', { id: filters.unitId })]);
  if (filters.status) labels.push(['status', t(`memberStatus.${filters.status}`)]);
  if (filters.sex) labels.push(['sex', t(`sex.${filters.sex}`)]);
  if (filters.ageBand) labels.push(['ageBand', t(`ageBand.${filters.ageBand}`)]);
  if (filters.employer) labels.push(['employer', filters.employer]);
  if (filters.joinedFrom)
    labels.push([
      'joinedFrom',
      t('members.filters.joinedFromChip', { date: formatDate(filters.joinedFrom) }),
    ]);
  if (filters.joinedTo)
    labels.push(['joinedTo', t('members.filters.joinedToChip', { date: formatDate(filters.joinedTo) })]);
  if (labels.length === 0) return null;

  return (
    <Group gap="xs" aria-label={t('members.filters.active')} role="group">
      {labels.map(([key, label]) => (
        <Pill
          key={key}
          size="md"
          withRemoveButton
          onRemove={() => onRemove(key)}
          removeButtonProps={{ 'aria-label': t('members.filters.remove', { label }) }}
          style={{ maxWidth: '100%' }}
        >
          {label}
        </Pill>
      ))}
    </Group>
  );
}

function MemberResults({ filters }: { filters: MemberFilters }) {
  const { t } = useTranslation();
  const members = useMembers(filters);
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  const narrowed = filters.q !== undefined || activeFilterCount(filters) > 0;

  if (members.isPending) return <LoadingState />;
  if (members.isError)
    return <ErrorState message={errorMessage(members.error)} onRetry={() => void members.refetch()} />;
  if (items.length === 0)
    return narrowed ? (
      <EmptyMessage title={t('members.list.noMatch')} description={t('members.list.noMatchHint')} />
    ) : (
      <EmptyMessage title={t('members.list.empty')} description={t('members.list.emptyHint')} />
    );

  return (
    <Stack gap="sm" aria-busy={members.isFetching}>
      <Text size="sm" c="dimmed" role="status">
        {t('members.list.shown', { count: items.length })}
      </Text>
      <MemberTable members={items} />
      {members.hasNextPage && (
        <Button
          variant="light"
          style={{ alignSelf: 'center' }}
          loading={members.isFetchingNextPage}
          onClick={() => void members.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

export function MemberListPage() {
  const { t } = useTranslation();
  const canAdmit = useCan('members.admit');
  const canExport = useCan('members.export');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromParams(searchParams);
  const unit = useUnitChoice(filters.unitId);
  const [drawerOpened, drawer] = useDisclosure(false);

  const [searchText, setSearchText] = useState(filters.q ?? '');
  const tooShort = searchText.trim().length > 0 && searchText.trim().length < MEMBER_SEARCH_MIN;

  const apply = (next: MemberFilters) => setSearchParams(filtersToParams(next), { replace: true });

  // The typed search reaches the address (and so the list) once the user pauses.
  const applySearch = useDebouncedCallback((text: string) => {
    const trimmed = text.trim();
    const q = trimmed.length >= MEMBER_SEARCH_MIN ? trimmed : undefined;
    if (q !== filters.q) apply({ ...filters, q });
  }, 350);
  const changeSearch = (text: string) => {
    setSearchText(text);
    applySearch(text);
  };

  const filterCount = activeFilterCount(filters);

  return (
    <>
      <PageHeader
        title={t('members.list.title')}
        description={t('members.list.intro')}
        actions={
          <>
            {canExport && <ExportMenu filters={filters} />}
            {canAdmit && (
              <Button component={Link} to="/members/new" leftSection={<IconUserPlus size={18} />}>
                {t('members.list.admit')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            type="search"
            label={t('members.list.search')}
            placeholder={t('members.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={searchText}
            onChange={(event) => changeSearch(event.currentTarget.value)}
            description={tooShort ? t('members.list.minChars', { min: MEMBER_SEARCH_MIN }) : undefined}
            inputWrapperOrder={['label', 'input', 'description']}
            rightSection={
              searchText && (
                <CloseButton aria-label={t('members.list.searchClear')} onClick={() => changeSearch('')} />
              )
            }
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            variant={filterCount > 0 ? 'light' : 'default'}
            leftSection={<IconAdjustmentsHorizontal size={18} />}
            onClick={drawer.open}
            style={{ alignSelf: tooShort ? 'center' : 'flex-end' }}
          >
            {filterCount > 0
              ? t('members.list.filtersCount', { count: filterCount })
              : t('members.list.filters')}
          </Button>
        </Group>
        <ActiveFilters
          filters={filters}
          unitName={unit?.name}
          onRemove={(key) => apply({ ...filters, [key]: undefined })}
        />
        <MemberResults filters={filters} />
      </Stack>
      <MemberFiltersDrawer
        opened={drawerOpened}
        filters={filters}
        unit={unit}
        onApply={(next) => {
          apply(next);
          drawer.close();
        }}
        onClose={drawer.close}
      />
    </>
  );
}
