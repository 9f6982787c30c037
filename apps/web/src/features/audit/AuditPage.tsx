import { Button, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useMe } from '../auth/session';
import { type UnitChoice, UnitPicker } from '../units/components/UnitPicker';
import { AUDIT_ACTIONS, type AuditAction } from './audit-actions';
import { AuditEntries } from './AuditEntries';
import { useAuditEntries } from './queries';

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const officeUnits: UnitChoice[] = [
    ...new Map(
      me.offices.map((office) => [
        office.unitId,
        { id: office.unitId, name: office.unitName, type: office.unitType },
      ]),
    ).values(),
  ];
  const [unit, setUnit] = useState<UnitChoice | null>(officeUnits[0] ?? null);
  const [action, setAction] = useState<AuditAction | null>(null);
  const audit = useAuditEntries(unit ? { unitId: unit.id, action: action ?? undefined } : null);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <UnitPicker
            label={t('audit.unit')}
            required
            value={unit}
            onChange={setUnit}
            suggestions={officeUnits}
          />
          <Select<AuditAction>
            label={t('audit.action')}
            placeholder={t('audit.allActions')}
            leftSection={<IconFilter size={16} />}
            data={AUDIT_ACTIONS.map((known) => ({ value: known, label: t(`auditAction.${known}`) }))}
            value={action}
            onChange={setAction}
            searchable
            clearable
          />
        </SimpleGrid>
        {!unit ? (
          <EmptyMessage title={t('audit.pickUnit')} />
        ) : audit.isPending ? (
          <LoadingState />
        ) : audit.isError ? (
          <ErrorState message={errorMessage(audit.error)} onRetry={() => void audit.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyMessage title={t('audit.empty')} />
        ) : (
          <>
            <AuditEntries entries={entries} />
            {audit.hasNextPage && (
              <Button
                variant="light"
                style={{ alignSelf: 'center' }}
                loading={audit.isFetchingNextPage}
                onClick={() => void audit.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
