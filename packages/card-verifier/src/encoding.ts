/** base64url without padding, as JOSE writes it; the same code runs in browsers and Node. */
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Canonical base64url only: the bits past the last byte must be zero, so no two texts decode to the
 * same bytes and a changed character is always a changed presentation.
 */
export function isBase64Url(text: string): boolean {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return false;
  const spareBits = { 0: 0, 2: 4, 3: 2 }[(text.length % 4) as 0 | 2 | 3];
  return spareBits === 0 || (ALPHABET.indexOf(text.at(-1)!) & ((1 << spareBits) - 1)) === 0;
}

export function base64UrlToBytes(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);
