import { Button, Container, EmptyState } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Last resort when a screen throws while rendering; a reload starts from a clean state. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <EmptyState
        icon={<IconBug size={28} />}
        title={t('errors.crashTitle')}
        description={t('errors.crashText')}
      >
        <EmptyState.Actions>
          <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Container>
  );
}
