import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserDown } from '@tabler/icons-react';
import type { DecideTransferBody } from '@union/contracts/members';
import { REASON_MAX, type TransferDto, TRANSFER_STATUSES, TransferListQuery } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { optional, useForm } from '../../app/use-form';
import { formatDate, formatDateTime } from '../../ui/dates';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { decideTransfer, type TransferFilter } from './api';
import { TransferInModal } from './components/TransferInModal';
import { useMemberMutation, useTransfers } from './queries';

type Direction = TransferFilter['direction'];
type TransferStatus = TransferDto['status'];
type Decision = DecideTransferBody['decision'];

const STATUS_COLORS: Record<TransferStatus, string> = {
  pending: 'blue',
  accepted: 'green',
  rejected: 'red',
  cancelled: 'gray',
};

function DecideTransferForm({
  transfer,
  decision,
  onClose,
}: {
  transfer: TransferDto;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ reason: '' });
  const decide = useMemberMutation((body: DecideTransferBody) => decideTransfer(transfer.id, body));
  const names = { name: transfer.fullName, from: transfer.fromUnitName, to: transfer.toUnitName };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    decide.mutate(
      { decision, reason: optional(form.values.reason) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`members.transfers.decided.${decision}`, names) });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t(`members.transfers.decideText.${decision}`, names)}</Text>
        <Textarea
          label={t('members.transfers.decisionReason')}
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          data-autofocus
          {...form.field('reason')}
        />
        <FormErrorAlert message={decide.error ? errorMessage(decide.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t(`members.transfers.${decision}`)}
          loading={decide.isPending}
          danger={decision !== 'accept'}
        />
      </Stack>
    </form>
  );
}

/** The member's record is the user's to open on the side that holds it: before leaving, or after arriving. */
const holdsRecord = (direction: Direction, transfer: TransferDto) =>
  direction === 'outgoing' ? transfer.status !== 'accepted' : transfer.status === 'accepted';

function TransferItem({
  transfer,
  direction,
  onDecide,
}: {
  transfer: TransferDto;
  direction: Direction;
  onDecide: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          {holdsRecord(direction, transfer) ? (
            <Anchor component={Link} to={`/members/${transfer.memberId}`} fw={600}>
              {transfer.fullName}
            </Anchor>
          ) : (
            <Text fw={600}>{transfer.fullName}</Text>
          )}
          <Badge variant="light" color={STATUS_COLORS[transfer.status]} radius="sm" tt="none">
            {t(`members.transfers.statuses.${transfer.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {[transfer.memberCode, formatDate(transfer.birthDate)].join(' · ')}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('members.transfers.route', { from: transfer.fromUnitName, to: transfer.toUnitName })}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            t('members.transfers.requestedOn', { date: formatDate(transfer.requestedOn) }),
            t('members.transfers.effectiveOn', { date: formatDate(transfer.effectiveOn) }),
            transfer.requestedBy === 'sending'
              ? t('members.transfers.requestedBySending')
              : t('members.transfers.requestedByReceiving'),
          ].join(' · ')}
        </Text>
        {transfer.reason && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('members.transfers.reason', { reason: transfer.reason })}
          </Text>
        )}
        {transfer.decidedAt && (
          <Text size="xs" c="dimmed">
            {t('members.transfers.decidedAt', { at: formatDateTime(transfer.decidedAt) })}
          </Text>
        )}
        {(transfer.canDecide || transfer.canCancel) && (
          <Group gap="xs" mt={4}>
            {transfer.canDecide && (
              <>
                <Button size="xs" onClick={() => onDecide('accept')}>
                  {t('members.transfers.accept')}
                </Button>
                <Button size="xs" variant="light" color="red" onClick={() => onDecide('reject')}>
                  {t('members.transfers.reject')}
                </Button>
              </>
            )}
            {transfer.canCancel && (
              <Button size="xs" variant="default" onClick={() => onDecide('cancel')}>
                {t('members.transfers.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function TransferList({ direction, status }: { direction: Direction; status: TransferStatus }) {
  const { t } = useTranslation();
  const transfers = useTransfers({ direction, status });
  const [deciding, setDeciding] = useState<{ transfer: TransferDto; decision: Decision } | null>(null);
  const items = transfers.data?.pages.flatMap((page) => page.items) ?? [];

  if (transfers.isPending) return <LoadingState />;
  if (transfers.isError)
    return <ErrorState message={errorMessage(transfers.error)} onRetry={() => void transfers.refetch()} />;
  if (items.length === 0) return <EmptyMessage title={t('members.transfers.empty')} />;

  return (
    <Stack gap="sm">
      <Stack component="ul" gap="xs" p={0} m={0}>
        {items.map((transfer) => (
          <TransferItem
            key={transfer.id}
            transfer={transfer}
            direction={direction}
            onDecide={(decision) => setDeciding({ transfer, decision })}
          />
        ))}
      </Stack>
      {transfers.hasNextPage && (
        <Button
          variant="light"
          style={{ alignSelf: 'center' }}
          loading={transfers.isFetchingNextPage}
          onClick={() => void transfers.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding ? t(`members.transfers.decideTitle.${deciding.decision}`) : ''}
      >
        {deciding && (
          <DecideTransferForm
            transfer={deciding.transfer}
            decision={deciding.decision}
            onClose={() => setDeciding(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

export function TransfersPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = TransferListQuery.pick({ direction: true, status: true }).safeParse({
    direction: searchParams.get('direction') ?? 'incoming',
    status: searchParams.get('status') ?? undefined,
  });
  const { direction, status } = parsed.success
    ? parsed.data
    : { direction: 'incoming' as const, status: 'pending' as const };
  const [transferInOpened, setTransferInOpened] = useState(false);

  const show = (next: { direction?: Direction; status?: TransferStatus }) =>
    setSearchParams(
      { direction: next.direction ?? direction, status: next.status ?? status },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('members.transfers.title')}
        description={t('members.transfers.intro')}
        actions={
          <Button leftSection={<IconUserDown size={18} />} onClick={() => setTransferInOpened(true)}>
            {t('members.transfers.transferIn')}
          </Button>
        }
      />
      <Tabs value={direction} onChange={(value) => value && show({ direction: value as Direction })}>
        <Group justify="space-between" align="flex-end" gap="sm" mb="md">
          <Tabs.List>
            <Tabs.Tab value="incoming">{t('members.transfers.incoming')}</Tabs.Tab>
            <Tabs.Tab value="outgoing">{t('members.transfers.outgoing')}</Tabs.Tab>
          </Tabs.List>
          <Select<TransferStatus>
            label={t('members.transfers.status')}
            data={TRANSFER_STATUSES.map((value) => ({
              value,
              label: t(`members.transfers.statuses.${value}`),
            }))}
            value={status}
            onChange={(value) => value && show({ status: value })}
            allowDeselect={false}
            w={180}
          />
        </Group>
        <Tabs.Panel value="incoming">
          {direction === 'incoming' && <TransferList direction="incoming" status={status} />}
        </Tabs.Panel>
        <Tabs.Panel value="outgoing">
          {direction === 'outgoing' && <TransferList direction="outgoing" status={status} />}
        </Tabs.Panel>
      </Tabs>
      <TransferInModal opened={transferInOpened} onClose={() => setTransferInOpened(false)} />
    </>
  );
}
