import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { IconDeviceMobileOff } from '@tabler/icons-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LostPhoneDialog = lazy(() => import('./LostPhoneDialog').then((m) => ({ default: m.LostPhoneDialog })));

/** How a card moves to a new phone (by itself) and how a lost phone's card is turned off. */
export function LostPhoneSection({ onReported }: { onReported: () => void }) {
  const { t } = useTranslation();
  const { online } = useNetwork();
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setConfirming(false);
    opener.current?.focus();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="card-help">
      <Title order={2} size="h4" mb="xs" id="card-help">
        {t('myCard.help.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('myCard.help.newPhone')}</Text>
        <Text size="sm">{t('myCard.help.lostPhone')}</Text>
        <Button
          ref={opener}
          color="red"
          variant="light"
          h={48}
          leftSection={<IconDeviceMobileOff size={20} aria-hidden />}
          onClick={() => setConfirming(true)}
          disabled={!online}
          fullWidth
        >
          {t('myCard.lost.button')}
        </Button>
        {!online && (
          <Text size="xs" c="dimmed">
            {t('myCard.lost.needsNetwork')}
          </Text>
        )}
      </Stack>
      {confirming && (
        <Suspense fallback={null}>
          <LostPhoneDialog
            onClose={close}
            onReported={() => {
              setConfirming(false);
              onReported();
            }}
          />
        </Suspense>
      )}
    </Paper>
  );
}
