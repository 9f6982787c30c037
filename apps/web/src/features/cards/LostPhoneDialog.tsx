import { Alert, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { DialogActions } from '../../ui/DialogActions';
import { useReportLostPhone } from './queries';

/** What reporting a lost phone does, and the confirmation. Loaded when first opened. */
export function LostPhoneDialog({ onClose, onReported }: { onClose: () => void; onReported: () => void }) {
  const { t } = useTranslation();
  const report = useReportLostPhone();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate(undefined, { onSuccess: onReported });
  };
  return (
    <Modal opened onClose={onClose} title={t('myCard.lost.title')} centered>
      <Stack component="form" gap="sm" onSubmit={submit}>
        <Text size="sm">{t('myCard.lost.text')}</Text>
        <Text size="sm">{t('myCard.lost.thisPhone')}</Text>
        {report.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(report.error)}
          </Alert>
        )}
        <DialogActions
          onCancel={onClose}
          submitLabel={t('myCard.lost.confirm')}
          loading={report.isPending}
          danger
        />
      </Stack>
    </Modal>
  );
}
