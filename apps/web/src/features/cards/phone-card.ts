import type { MyCardDto } from '@union/contracts/cards';
import { ApiError } from '../../app/api-client';
import { bindDevice, fetchMyCard, isNetworkError } from './api';
import {
  type DeviceKey,
  forgetStoredCard,
  readStoredCard,
  type StoredCard,
  writeStoredCard,
} from './card-storage';
import { deviceKey, storedDeviceKey } from './device-key';

/** The card as the page shows it, and where it came from. */
export interface PhoneCard {
  card: MyCardDto;
  /** This phone's key: with it the QR is made here every 30 s, offline too. Without it, the server's QR. */
  key: DeviceKey | null;
  /** The server could not be reached: this is the copy kept on the phone. */
  fromDevice: boolean;
  /** When the server last answered with this card (ISO instant). */
  savedAt: string;
}

async function storedCard(): Promise<StoredCard | undefined> {
  try {
    return await readStoredCard();
  } catch {
    return undefined;
  }
}

/** The kept card, when it still matches the phone's key (a card bound to another key is no use here). */
async function keptPhoneCard(): Promise<PhoneCard | null> {
  const [stored, key] = await Promise.all([storedCard(), storedDeviceKey()]);
  if (!stored || !key || stored.card.deviceKeyThumbprint !== key.thumbprint) return null;
  return { card: stored.card, key, fromDevice: true, savedAt: stored.savedAt };
}

/** A network failure with nothing kept on the phone: the first card needs the network. */
export class CardNeedsNetworkError extends Error {}

/**
 * Opens the member's card. Online: asks the server for a freshly signed credential and binds this
 * phone's key when the card is bound to none or to another phone (binding a new phone retires the old
 * one's card), then keeps the card on the phone. Offline, or when the server cannot be reached: the
 * kept card.
 */
export async function loadPhoneCard(signal?: AbortSignal): Promise<PhoneCard> {
  if (!navigator.onLine) {
    const kept = await keptPhoneCard();
    if (kept) return kept;
    throw new CardNeedsNetworkError();
  }
  try {
    const key = await deviceKey();
    let card = await fetchMyCard(signal);
    if (key && card.deviceKeyThumbprint !== key.thumbprint) card = await bindDevice(key.publicJwk, signal);
    if (key) await writeStoredCard(card).catch(() => undefined);
    return { card, key, fromDevice: false, savedAt: new Date().toISOString() };
  } catch (error) {
    // No longer a member (or never was): nothing may stay on the phone to show offline.
    if (isNoMemberRecord(error)) await forgetStoredCard().catch(() => undefined);
    if (!isNetworkError(error)) throw error;
    const kept = await keptPhoneCard();
    if (kept) return kept;
    throw new CardNeedsNetworkError();
  }
}

/** The account has no member record behind it: there is no card to show. */
export const isNoMemberRecord = (error: unknown) =>
  error instanceof ApiError && error.code === 'member.no_own_record';
