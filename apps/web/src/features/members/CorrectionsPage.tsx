import { Button, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CorrectionDto, type DecideCorrectionBody, REASON_MAX } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { optional, useForm } from '../../app/use-form';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { type CorrectionStatus, decideCorrection } from './api';
import { CorrectionChanges } from './components/CorrectionChanges';
import { CorrectionItem } from './components/CorrectionItem';
import { useCorrections, useMemberMutation } from './queries';

type Decision = DecideCorrectionBody['decision'];

const CORRECTION_STATUSES: readonly CorrectionStatus[] = ['pending', 'approved', 'rejected'];

function DecideCorrectionForm({
  correction,
  decision,
  onClose,
}: {
  correction: CorrectionDto;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ reason: '' });
  const decide = useMemberMutation((body: DecideCorrectionBody) => decideCorrection(correction.id, body));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    decide.mutate(
      { decision, reason: optional(form.values.reason) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(`members.corrections.decided.${decision}`, { name: correction.fullName }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t(`members.corrections.decideText.${decision}`)}</Text>
        <CorrectionChanges changes={correction.changes} />
        <Textarea
          label={t('members.corrections.reason')}
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          {...form.field('reason')}
        />
        <FormErrorAlert message={decide.error ? errorMessage(decide.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t(`members.corrections.${decision}`)}
          loading={decide.isPending}
          danger={decision === 'reject'}
        />
      </Stack>
    </form>
  );
}

function CorrectionList({ status }: { status: CorrectionStatus }) {
  const { t } = useTranslation();
  const corrections = useCorrections(status);
  const [deciding, setDeciding] = useState<{ correction: CorrectionDto; decision: Decision } | null>(null);
  const items = corrections.data?.pages.flatMap((page) => page.items) ?? [];

  if (corrections.isPending) return <LoadingState />;
  if (corrections.isError)
    return (
      <ErrorState message={errorMessage(corrections.error)} onRetry={() => void corrections.refetch()} />
    );
  if (items.length === 0) return <EmptyMessage title={t('members.corrections.empty')} />;

  return (
    <Stack gap="sm">
      <Stack component="ul" gap="xs" p={0} m={0}>
        {items.map((correction) => (
          <CorrectionItem
            key={correction.id}
            correction={correction}
            onDecide={(decision) => setDeciding({ correction, decision })}
          />
        ))}
      </Stack>
      {corrections.hasNextPage && (
        <Button
          variant="light"
          style={{ alignSelf: 'center' }}
          loading={corrections.isFetchingNextPage}
          onClick={() => void corrections.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={
          deciding
            ? t(`members.corrections.decideTitle.${deciding.decision}`, {
                name: deciding.correction.fullName,
              })
            : ''
        }
      >
        {deciding && (
          <DecideCorrectionForm
            correction={deciding.correction}
            decision={deciding.decision}
            onClose={() => setDeciding(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

export function CorrectionsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('status');
  const status = CORRECTION_STATUSES.find((candidate) => candidate === requested) ?? 'pending';

  return (
    <>
      <PageHeader title={t('members.corrections.title')} description={t('members.corrections.intro')} />
      <Stack gap="md">
        <SegmentedControl
          value={status}
          onChange={(value) =>
            setSearchParams(value === 'pending' ? {} : { status: value }, { replace: true })
          }
          data={CORRECTION_STATUSES.map((value) => ({
            value,
            label: t(`members.corrections.statuses.${value}`),
          }))}
          style={{ alignSelf: 'flex-start' }}
        />
        <CorrectionList key={status} status={status} />
      </Stack>
    </>
  );
}
