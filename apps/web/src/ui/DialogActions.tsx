import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and confirm, right-aligned, as every dialog ends. */
export function DialogActions({
  onCancel,
  submitLabel,
  loading,
  danger = false,
}: {
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={danger ? 'red' : undefined} loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}
