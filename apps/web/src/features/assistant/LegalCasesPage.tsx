import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { LegalCaseSummaryDto } from '@union/contracts/assistant';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage } from '../../ui/states';
import type { CaseFilters } from './api';
import { useAssistantTranslation } from './assistant-i18n';
import { caseStatusOptions, isCaseStatus } from './assistant-labels';
import { CaseStatusBadge } from './components/AssistantBadges';
import { PagedList } from './components/PagedList';
import { useLegalCases } from './queries';

function CaseCard({ item }: { item: LegalCaseSummaryDto }) {
  const { t } = useAssistantTranslation();
  return (
    <Paper component="li" withBorder p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap={6}>
          <CaseStatusBadge status={item.status} />
          <Text size="sm" fw={600}>
            {t('cases.caseNumber', { id: item.id })}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`cases.requester.${item.requester}`)}
          </Text>
        </Group>
        <Anchor
          component={Link}
          to={`/legal-cases/${String(item.id)}`}
          fw={600}
          lineClamp={3}
          style={{ overflowWrap: 'anywhere' }}
        >
          {item.question}
        </Anchor>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {item.handlingUnitName} ·{' '}
          {item.assigneeName ? t('cases.assignee', { name: item.assigneeName }) : t('cases.unassigned')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('cases.openedAt', { at: formatDateTime(item.openedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** "Tư vấn pháp luật": the questions handed to the adviser's unions; filters live in the address. */
export function LegalCasesPage() {
  const { t } = useAssistantTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status');
  const filters: CaseFilters = {
    status: isCaseStatus(status) ? status : undefined,
    mine: searchParams.get('mine') === 'true' || undefined,
  };
  const set = (name: 'status' | 'mine', value: string | null) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const list = useLegalCases(filters);

  return (
    <>
      <PageHeader title={t('cases.title')} description={t('cases.description')} />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t('cases.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('cases.status')}
            placeholder={t('cases.all')}
            data={caseStatusOptions(t)}
            value={filters.status ?? null}
            onChange={(value) => set('status', value)}
            clearable
          />
          <Group align="flex-end" pb={6}>
            <Switch
              label={t('cases.mine')}
              checked={filters.mine ?? false}
              onChange={(event) => set('mine', event.currentTarget.checked ? 'true' : null)}
            />
          </Group>
        </SimpleGrid>
      </Paper>
      <PagedList
        list={list}
        label={t('cases.title')}
        empty={<EmptyMessage title={t('cases.empty')} description={t('cases.emptyHint')} />}
        render={(item) => <CaseCard key={item.id} item={item} />}
      />
    </>
  );
}
