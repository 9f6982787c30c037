import { Button, Group, Paper, Select, SimpleGrid, Switch } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage } from '../../ui/states';
import type { VoiceFilters } from './api';
import { VoiceItemList } from './components/VoiceItemList';
import { useVoiceItems } from './queries';
import { useVoiceTranslation } from './voice-i18n';
import {
  categoryOptions,
  isVoiceCategory,
  isVoiceKind,
  isVoiceStatus,
  kindOptions,
  statusOptions,
} from './voice-labels';

const FILTER_KEYS = ['status', 'category', 'kind', 'overdue'] as const;

/** The filters live in the address: a filtered inbox can be bookmarked, and Back restores it. */
function useInboxFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status');
  const category = searchParams.get('category');
  const kind = searchParams.get('kind');
  const filters: VoiceFilters = {
    view: 'inbox',
    status: isVoiceStatus(status) ? status : undefined,
    category: isVoiceCategory(category) ? category : undefined,
    kind: isVoiceKind(kind) ? kind : undefined,
    overdue: searchParams.get('overdue') === 'true' || undefined,
  };
  const set = (name: (typeof FILTER_KEYS)[number], value: string | null) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const clear = () => setSearchParams({}, { replace: true });
  return { filters, set, clear };
}

/** "Hộp thư ý kiến": what the officer's units must handle, the nearest deadline first. */
export function VoiceInboxPage() {
  const { t } = useVoiceTranslation();
  const { filters, set: setFilter, clear } = useInboxFilters();
  const list = useVoiceItems(filters);
  const filtered = FILTER_KEYS.some((key) => filters[key] !== undefined);

  return (
    <>
      <PageHeader title={t('inbox.title')} description={t('inbox.description')} />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t('inbox.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
          <Select
            label={t('inbox.status')}
            placeholder={t('inbox.all')}
            data={statusOptions(t)}
            value={filters.status ?? null}
            onChange={(value) => setFilter('status', value)}
            clearable
          />
          <Select
            label={t('inbox.category')}
            placeholder={t('inbox.all')}
            data={categoryOptions(t)}
            value={filters.category ?? null}
            onChange={(value) => setFilter('category', value)}
            clearable
          />
          <Select
            label={t('inbox.kind')}
            placeholder={t('inbox.all')}
            data={kindOptions(t)}
            value={filters.kind ?? null}
            onChange={(value) => setFilter('kind', value)}
            clearable
          />
          <Group align="flex-end" pb={6}>
            <Switch
              label={t('inbox.overdueOnly')}
              checked={filters.overdue ?? false}
              onChange={(event) => setFilter('overdue', event.currentTarget.checked ? 'true' : null)}
              color="red"
            />
          </Group>
        </SimpleGrid>
        {filtered && (
          <Button variant="subtle" size="xs" mt="sm" onClick={clear}>
            {t('inbox.clear')}
          </Button>
        )}
      </Paper>
      <VoiceItemList
        list={list}
        audience="officer"
        label={t('inbox.title')}
        empty={<EmptyMessage title={t('inbox.empty')} description={t('inbox.emptyHint')} />}
      />
    </>
  );
}
