import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconArrowsMaximize } from '@tabler/icons-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneCard } from './phone-card';
import { QrCode } from './QrCode';
import { QrCountdown } from './QrCountdown';
import classes from './UnionCard.module.css';
import { useLivePresentation } from './use-live-presentation';

const FullScreenQr = lazy(() => import('./FullScreenQr').then((m) => ({ default: m.FullScreenQr })));

/** The QR this phone makes with its own key, new every 30 seconds, with a full-screen view for scanning. */
export function LiveCardQr({ phoneCard }: { phoneCard: PhoneCard & { key: NonNullable<PhoneCard['key']> } }) {
  const { t } = useTranslation();
  const { card, key } = phoneCard;
  const { presentation, secondsLeft, failed } = useLivePresentation(card.credential, key.privateKey);
  const [fullScreen, setFullScreen] = useState(false);
  const enlarge = useRef<HTMLButtonElement>(null);
  const closeFullScreen = () => {
    setFullScreen(false);
    enlarge.current?.focus();
  };
  const label = t('myCard.qrLabel', { name: card.holder.fullName });

  if (failed && !presentation) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('myCard.signFailed')}
      </Alert>
    );
  }
  if (!presentation) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="xl" role="status">
        {t('myCard.making')}
      </Text>
    );
  }
  return (
    <>
      <QrCode text={presentation} label={label} />
      <QrCountdown secondsLeft={secondsLeft} />
      <Button
        ref={enlarge}
        fullWidth
        mt="sm"
        h={48}
        leftSection={<IconArrowsMaximize size={20} aria-hidden />}
        onClick={() => setFullScreen(true)}
      >
        {t('myCard.fullScreen')}
      </Button>
      {fullScreen && (
        <Suspense fallback={null}>
          <FullScreenQr
            presentation={presentation}
            label={label}
            holderName={card.holder.fullName}
            secondsLeft={secondsLeft}
            onClose={closeFullScreen}
          />
        </Suspense>
      )}
    </>
  );
}

/** Where the phone cannot sign: the server's short-lived QR, refreshed by the card query before it expires. */
export function ServerCardQr({ phoneCard }: { phoneCard: PhoneCard }) {
  const { t } = useTranslation();
  const { card } = phoneCard;
  return (
    <Stack gap="xs">
      <img
        className={classes.qrImage}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qr.svg)}`}
        alt={t('myCard.qrLabel', { name: card.holder.fullName })}
      />
      <Text size="sm" c="dimmed">
        {t('myCard.serverQr')}
      </Text>
    </Stack>
  );
}
