import {
  importTrustedKeys,
  readStatusList,
  StatusListError,
  type StatusBits,
  type TrustedKeys,
  webCryptoVerifier,
} from '@union/card-verifier';
import type { JSONWebKeySet } from 'jose';
import { fetchPublishedKeys, fetchStatusListJwt } from './api';

/**
 * What a verifier needs to check cards with no network: the platform's published keys and the signed
 * status list, kept in localStorage (both are public). Each is checked again when read back, so a list
 * edited on the device fails its signature instead of being believed.
 */
const STORAGE_KEY = 'congdoanso.cardVerifier';

interface StoredTrust {
  jwks: JSONWebKeySet;
  statusListJwt: string;
  /** When this device last fetched the list (ISO instant): what "updated at" means to the checker. */
  fetchedAt: string;
}

export interface OfflineTrust {
  keys: TrustedKeys;
  statusList: StatusBits;
  fetchedAt: number;
}

export class UntrustedListError extends Error {}
/** The browser's WebCrypto has no Ed25519 (Chrome before 137, older Safari): offline checks cannot run. */
export class OfflineUnsupportedError extends Error {}

async function trustOf(stored: StoredTrust): Promise<OfflineTrust> {
  let keys: TrustedKeys;
  try {
    keys = await importTrustedKeys(stored.jwks, webCryptoVerifier);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError')
      throw new OfflineUnsupportedError();
    throw error;
  }
  try {
    const statusList = await readStatusList(stored.statusListJwt, keys, webCryptoVerifier);
    return { keys, statusList, fetchedAt: Date.parse(stored.fetchedAt) };
  } catch (error) {
    if (error instanceof StatusListError || error instanceof SyntaxError) throw new UntrustedListError();
    throw error;
  }
}

/** The kept keys and list, or `null` when this device has none (or they no longer check out). */
export async function loadOfflineTrust(): Promise<OfflineTrust | null> {
  const text = localStorage.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    return await trustOf(JSON.parse(text) as StoredTrust);
  } catch {
    return null;
  }
}

/** Fetches the keys and the list, checks the list's signature, and keeps both. */
export async function refreshOfflineTrust(): Promise<OfflineTrust> {
  const [jwks, statusListJwt] = await Promise.all([fetchPublishedKeys(), fetchStatusListJwt()]);
  const stored: StoredTrust = { jwks, statusListJwt, fetchedAt: new Date().toISOString() };
  const trust = await trustOf(stored);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or refused (a private window): the list still serves this visit.
  }
  return trust;
}
