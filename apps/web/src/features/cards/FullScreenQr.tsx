import { Button, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode';
import { QrCountdown } from './QrCountdown';

/** Keeps the screen on while the code is shown full screen, where the browser allows it. */
function useScreenWakeLock() {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | undefined;
    let released = false;
    navigator.wakeLock.request('screen').then(
      (sentinel) => {
        if (released) void sentinel.release();
        else lock = sentinel;
      },
      () => undefined, // refused (battery saver, no focus): the code still shows
    );
    return () => {
      released = true;
      void lock?.release();
    };
  }, []);
}

/**
 * The QR as large as the screen allows, black on pure white and nothing else around it: the easiest
 * target for a scanner in poor light. Loaded when first opened.
 */
export function FullScreenQr({
  presentation,
  label,
  holderName,
  secondsLeft,
  onClose,
}: {
  presentation: string;
  label: string;
  holderName: string;
  secondsLeft: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  useScreenWakeLock();
  const size = 'min(100%, 78vh)';
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={t('myCard.fullScreenTitle')}
      closeButtonProps={{ 'aria-label': t('myCard.close') }}
      styles={{ content: { background: '#fff', color: '#000' }, header: { background: '#fff' } }}
    >
      <Stack align="center" gap="sm">
        <QrCode text={presentation} label={label} style={{ width: size }} />
        <Text fw={700} size="lg" ta="center" style={{ overflowWrap: 'anywhere' }}>
          {holderName}
        </Text>
        <div style={{ width: size }}>
          <QrCountdown secondsLeft={secondsLeft} />
        </div>
        <Button variant="default" h={48} onClick={onClose}>
          {t('myCard.close')}
        </Button>
      </Stack>
    </Modal>
  );
}
