import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMapOff size={28} />}
      title={t('errors.notFoundTitle')}
      description={t('errors.notFoundText')}
      py="xl"
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="light">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
