import { PROOF_WINDOW_SECONDS } from '@union/contracts/cards';
import { presentWithDeviceKey, proofWindowAt } from '@union/card-verifier';
import { useEffect, useState } from 'react';

export interface LivePresentation {
  /** What the QR carries now: the credential, the window and this phone's proof for it. */
  presentation: string | undefined;
  /** Seconds until the next window, when a new QR is made. */
  secondsLeft: number;
  failed: boolean;
}

const secondsLeftAt = (nowMs: number) =>
  PROOF_WINDOW_SECONDS - (Math.floor(nowMs / 1000) % PROOF_WINDOW_SECONDS);

/**
 * Signs the current 30-second window with the phone's key, again as each window begins: a QR that is
 * photographed or forwarded stops verifying a minute or so later. Works offline.
 */
export function useLivePresentation(
  credential: string | undefined,
  privateKey: CryptoKey | undefined,
): LivePresentation {
  const [signed, setSigned] = useState<string | undefined>();
  const [secondsLeft, setSecondsLeft] = useState(() => secondsLeftAt(Date.now()));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!credential || !privateKey) return;
    let cancelled = false;
    let window = -1;
    const tick = () => {
      const now = Date.now();
      setSecondsLeft(secondsLeftAt(now));
      if (proofWindowAt(now) === window) return;
      window = proofWindowAt(now);
      presentWithDeviceKey(credential, privateKey, now).then(
        ({ presentation }) => {
          if (cancelled) return;
          setSigned(presentation);
          setFailed(false);
        },
        () => {
          if (cancelled) return;
          window = -1; // try again on the next tick
          setFailed(true);
        },
      );
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [credential, privateKey]);

  // A fresh credential from the server replaces the shown code once signed: the old one, still valid,
  // stays up meanwhile rather than the QR blinking out.
  return { presentation: signed, secondsLeft, failed };
}
