import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconCameraOff } from '@tabler/icons-react';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './QrScanner.module.css';

/** The browser's own QR reader, where it has one (Android Chrome, Safari): not yet in TypeScript's DOM types. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

/** About eight looks a second: quick to catch a code, light on a phone's battery. */
const FRAME_INTERVAL_MS = 125;
/** Frames are scaled down to this width for jsQR: a phone's QR needs no more, and it decodes faster. */
const DECODE_WIDTH = 640;

type Reader = (video: HTMLVideoElement) => Promise<string | null>;

async function makeReader(): Promise<Reader> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector && (await Detector.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  // Elsewhere jsQR reads canvas frames; fetched only by the browsers that need it.
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

type ScannerError = 'denied' | 'unsupported';

/**
 * The rear camera, read for a QR code until one is found; `onCode` then gets its text and the camera
 * stops. The parent mounts it to scan and unmounts it to stop.
 */
export function QrScanner({ onCode, onStop }: { onCode: (text: string) => void; onStop: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<ScannerError | null>(null);
  const [starting, setStarting] = useState(true);
  const found = useEffectEvent(onCode);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no camera', 'NotSupportedError');
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
      const element = video.current;
      if (stopped || !element) return;
      element.srcObject = stream;
      await element.play();
      const read = await makeReader();
      setStarting(false);
      const look = async () => {
        if (stopped) return;
        const text = await read(element).catch(() => null);
        if (stopped) return;
        if (text) {
          stopped = true;
          found(text);
          return;
        }
        timer = window.setTimeout(() => void look(), FRAME_INTERVAL_MS);
      };
      void look();
    })().catch((failure: unknown) => {
      if (stopped) return;
      setStarting(false);
      const name = failure instanceof DOMException ? failure.name : '';
      setError(name === 'NotSupportedError' || name === 'NotFoundError' ? 'unsupported' : 'denied');
    });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  if (error) {
    return (
      <Alert color="orange" variant="light" icon={<IconCameraOff size={20} aria-hidden />} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t(`verifyCard.scan.${error}`)}</Text>
          <Button size="xs" variant="white" color="orange" onClick={onStop}>
            {t('common.cancel')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <div className={classes.viewport}>
        <video
          ref={video}
          className={classes.video}
          muted
          playsInline
          aria-label={t('verifyCard.scan.video')}
        />
        <div className={classes.frame} aria-hidden />
      </div>
      <Text size="sm" c="dimmed" role="status">
        {starting ? t('verifyCard.scan.starting') : t('verifyCard.scan.hint')}
      </Text>
      <Button variant="default" h={48} onClick={onStop} fullWidth>
        {t('verifyCard.scan.stop')}
      </Button>
    </Stack>
  );
}
