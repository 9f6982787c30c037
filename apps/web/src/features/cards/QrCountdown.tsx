import { Progress, Stack, Text } from '@mantine/core';
import { PROOF_WINDOW_SECONDS } from '@union/contracts/cards';
import { useTranslation } from 'react-i18next';

/** How long the shown QR has left before the phone makes the next one. */
export function QrCountdown({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt="sm">
      <Progress
        value={(secondsLeft / PROOF_WINDOW_SECONDS) * 100}
        size="sm"
        radius="xl"
        transitionDuration={900}
        aria-label={t('myCard.countdown')}
      />
      <Text size="sm" c="dimmed" ta="center">
        {t('myCard.refreshIn', { count: secondsLeft })}
      </Text>
    </Stack>
  );
}
