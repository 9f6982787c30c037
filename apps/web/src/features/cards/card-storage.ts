import type { DevicePublicKey, MyCardDto } from '@union/contracts/cards';
import { createStore, del, get, set } from 'idb-keyval';

/**
 * What the phone keeps so the card opens offline, in IndexedDB (a CryptoKey can be stored there,
 * structured-cloned, and never leaves the browser as bytes): the phone's key and the last card.
 */
const store = createStore('cong-doan-so-card', 'card');

const DEVICE_KEY = 'device-key';
const CARD = 'card';

/** The phone's own key: the private half is not extractable, so no script can copy it off the phone. */
export interface DeviceKey {
  privateKey: CryptoKey;
  publicJwk: DevicePublicKey;
  /** RFC 7638 thumbprint of `publicJwk`, as the server names the key the card is bound to. */
  thumbprint: string;
}

export interface StoredCard {
  card: MyCardDto;
  /** When the server last answered with this card (ISO instant). */
  savedAt: string;
}

export const readDeviceKey = () => get<DeviceKey>(DEVICE_KEY, store);
export const writeDeviceKey = (key: DeviceKey) => set(DEVICE_KEY, key, store);
export const forgetDeviceKey = () => del(DEVICE_KEY, store);

export const readStoredCard = () => get<StoredCard>(CARD, store);
export const writeStoredCard = (card: MyCardDto) =>
  set(CARD, { card, savedAt: new Date().toISOString() } satisfies StoredCard, store);

/** On sign-out the card leaves the device; the key stays, so signing in again needs no new binding. */
export async function forgetStoredCard(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await del(CARD, store);
}
