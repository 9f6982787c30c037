import { bytesToBase64Url } from './encoding.js';
import { presentationOf, proofMessage, proofWindowAt } from './presentation.js';

/** WebCrypto's key type, named so both the DOM and Node typings accept it. */
export type DeviceKey = Parameters<typeof globalThis.crypto.subtle.sign>[1];

/**
 * The phone's side: signs the current window with its own key (made by WebCrypto, not extractable, kept
 * in IndexedDB), giving the string to draw as the QR code. Works offline.
 */
export async function presentWithDeviceKey(
  credential: string,
  privateKey: DeviceKey,
  nowMs = Date.now(),
): Promise<{ presentation: string; window: number }> {
  const window = proofWindowAt(nowMs);
  const signature = await globalThis.crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    privateKey,
    proofMessage(credential, window) as Uint8Array<ArrayBuffer>,
  );
  return {
    presentation: presentationOf(credential, {
      window,
      signature: bytesToBase64Url(new Uint8Array(signature)),
    }),
    window,
  };
}
