import { Alert, Box, Button, Group, Stack, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHistory, IconPlus } from '@tabler/icons-react';
import { CHILD_TYPES, type UnitDto } from '@union/contracts/units';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { DateField } from '../../../ui/DateField';
import { formatDate, todayIsoDate } from '../../../ui/dates';
import { EmptyMessage, ErrorState, LoadingState } from '../../../ui/states';
import { useUnitChildren } from '../queries';
import { CreateUnitModal } from './CreateUnitModal';
import { UnitListItem } from './UnitListItem';

export function ChildUnitsPanel({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const today = todayIsoDate();
  const [date, setDate] = useState('');
  const [includeClosed, setIncludeClosed] = useState(false);
  // Only an earlier day is the past; today (or a future date, refused below) is the live structure.
  const pastDate = date !== '' && date < today ? date : undefined;
  const children = useUnitChildren(unit.id, { at: pastDate, includeClosed });
  const [createOpened, createModal] = useDisclosure(false);
  // The structure as it stood is history: nothing can be added to it.
  const canCreate = !pastDate && unit.can.createChild && CHILD_TYPES[unit.type].length > 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <DateField
          label={t('units.children.at')}
          maxDate={today}
          clearable={false}
          value={date}
          onChange={setDate}
          error={date > today ? t('units.children.futureDate') : undefined}
          inputContainer={(input) => (
            <Group gap="xs" wrap="nowrap">
              <Box w={170}>{input}</Box>
              <Button variant="default" disabled={date === ''} onClick={() => setDate('')}>
                {t('units.children.today')}
              </Button>
            </Group>
          )}
        />
        {canCreate && (
          <>
            <Button leftSection={<IconPlus size={18} />} onClick={createModal.open}>
              {t('units.children.add')}
            </Button>
            <CreateUnitModal parent={unit} opened={createOpened} onClose={createModal.close} />
          </>
        )}
      </Group>
      {pastDate ? (
        <Alert
          color="blue"
          variant="light"
          role="status"
          icon={<IconHistory size={18} />}
          title={t('units.children.pastNotice', { date: formatDate(pastDate) })}
        >
          {t('units.children.pastNoticeHint')}
        </Alert>
      ) : (
        <Switch
          label={t('units.children.includeClosed')}
          checked={includeClosed}
          onChange={(event) => setIncludeClosed(event.currentTarget.checked)}
        />
      )}
      {children.isPending ? (
        <LoadingState />
      ) : children.isError ? (
        <ErrorState message={errorMessage(children.error)} onRetry={() => void children.refetch()} />
      ) : children.data.pages[0]?.items.length === 0 ? (
        <EmptyMessage title={t(pastDate ? 'units.children.emptyAt' : 'units.children.empty')} />
      ) : (
        <>
          <Stack component="ul" gap="xs" p={0} m={0}>
            {children.data.pages.flatMap((page) =>
              page.items.map((child) => <UnitListItem key={child.id} unit={child} />),
            )}
          </Stack>
          {children.hasNextPage && (
            <Button
              variant="light"
              style={{ alignSelf: 'center' }}
              loading={children.isFetchingNextPage}
              onClick={() => void children.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
