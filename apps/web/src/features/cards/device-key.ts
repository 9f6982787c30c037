import { DevicePublicKey } from '@union/contracts/cards';
import { calculateJwkThumbprint } from 'jose';
import { type DeviceKey, readDeviceKey, writeDeviceKey } from './card-storage';

let pending: Promise<DeviceKey | null> | undefined;

async function makeDeviceKey(): Promise<DeviceKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const publicJwk = DevicePublicKey.parse(await crypto.subtle.exportKey('jwk', pair.publicKey));
  const key: DeviceKey = {
    privateKey: pair.privateKey,
    publicJwk,
    thumbprint: await calculateJwkThumbprint(publicJwk),
  };
  await writeDeviceKey(key);
  // Read back: a browser that cannot keep a CryptoKey (some private modes) must not bind a key it forgets.
  const kept = await readDeviceKey();
  if (kept?.thumbprint !== key.thumbprint) throw new Error('the device key was not kept');
  return key;
}

/**
 * This phone's key, made on first use. `null` where WebCrypto ECDSA or IndexedDB is missing (an
 * old browser, a page served over plain HTTP): the card then shows the server's short-lived QR.
 */
export function deviceKey(): Promise<DeviceKey | null> {
  pending ??= (async () => {
    if (typeof indexedDB === 'undefined' || !globalThis.crypto?.subtle) return null;
    try {
      return (await readDeviceKey()) ?? (await makeDeviceKey());
    } catch {
      return null;
    }
  })().finally(() => (pending = undefined));
  return pending;
}

/** The stored key only, never a new one: what an offline start may use. */
export async function storedDeviceKey(): Promise<DeviceKey | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return (await readDeviceKey()) ?? null;
  } catch {
    return null;
  }
}
