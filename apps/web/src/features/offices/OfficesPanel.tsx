import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import type { OfficeDto } from '@union/contracts/accounts';
import type { UnitDto } from '@union/contracts/units';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { formatDate, todayIsoDate } from '../../ui/dates';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { compareVietnameseNames } from '../../ui/vietnamese-names';
import { AssignOfficeModal } from './AssignOfficeModal';
import { EndOfficeModal } from './EndOfficeModal';
import { useUnitOffices } from './queries';

function byCurrentThenName(a: OfficeDto, b: OfficeDto): number {
  return Number(b.current) - Number(a.current) || compareVietnameseNames(a.fullName, b.fullName);
}

function OfficeItem({ office, onEnd }: { office: OfficeDto; onEnd?: () => void }) {
  const { t } = useTranslation();
  const term = office.termEnd
    ? t('offices.term', { start: formatDate(office.termStart), end: formatDate(office.termEnd) })
    : t('offices.termOpen', { start: formatDate(office.termStart) });
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {office.fullName}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" radius="sm" tt="none">
              {t(`role.${office.role}`)}
            </Badge>
            <Badge variant="dot" color={office.current ? 'green' : 'gray'} radius="sm" tt="none">
              {office.current ? t('offices.current') : t('offices.past')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {term}
          </Text>
        </Stack>
        {onEnd && (
          <Button size="xs" variant="light" color="red" onClick={onEnd}>
            {t('offices.end.action')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** A term that can still be ended: current and not already set to end today. */
const isOpenTerm = (office: OfficeDto): boolean =>
  office.current && (office.termEnd === null || office.termEnd > todayIsoDate());

export function OfficesPanel({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const offices = useUnitOffices(unit.id);
  const [assignOpened, assignModal] = useDisclosure(false);
  const [ending, setEnding] = useState<OfficeDto | null>(null);
  const canManage = unit.can.manageOffices;

  return (
    <Stack gap="md">
      {canManage && (
        <Group justify="flex-end">
          <Button leftSection={<IconUserPlus size={18} />} onClick={assignModal.open}>
            {t('offices.assign.action')}
          </Button>
          <AssignOfficeModal unit={unit} opened={assignOpened} onClose={assignModal.close} />
          <EndOfficeModal office={ending} onClose={() => setEnding(null)} />
        </Group>
      )}
      {offices.isPending ? (
        <LoadingState />
      ) : offices.isError ? (
        <ErrorState message={errorMessage(offices.error)} onRetry={() => void offices.refetch()} />
      ) : offices.data.length === 0 ? (
        <EmptyMessage title={t('offices.empty')} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0}>
          {[...offices.data].sort(byCurrentThenName).map((office) => (
            <OfficeItem
              key={office.id}
              office={office}
              onEnd={canManage && isOpenTerm(office) ? () => setEnding(office) : undefined}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
