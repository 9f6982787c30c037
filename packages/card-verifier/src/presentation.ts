import {
  CardClaims,
  PRESENTATION_MAX_LENGTH,
  PROOF_WINDOW_SECONDS,
  type DevicePublicKey,
  type VerifyFailureReason,
} from '@union/contracts/cards';
import { base64UrlToBytes, isBase64Url, utf8 } from './encoding.js';
import type { SignatureVerifier } from './signature-verifier.js';

/**
 * What a union card's QR code carries, and how anyone checks it without asking the platform:
 *
 *   printed card / online QR:  <credential>
 *   phone card:                <credential>~<window>~<proof>
 *
 * `credential` is a compact JWS (EdDSA, Ed25519) by a platform key listed in /.well-known/jwks.json.
 * A phone card's credential names the phone's own P-256 key (`cnf.jwk`); `proof` is that key's
 * signature over the credential's signature and the current 30-second `window`, so a screenshot or a
 * copied credential stops working within a minute or two. See apps/server/src/modules/cards/README.md.
 */

/** A shown QR may be this many windows old (scan delay, slow clocks) — about 60–90 seconds. */
export const PROOF_WINDOWS_BEHIND = 2;
/** …and this many ahead (a phone clock running fast). */
export const PROOF_WINDOWS_AHEAD = 1;
/** An online QR (no phone key) must not live longer than this. */
export const ONLINE_CREDENTIAL_MAX_SECONDS = 600;
/** Clock skew tolerated on a credential's issue time. */
const ISSUED_AT_SKEW_SECONDS = 300;

export const proofWindowAt = (nowMs: number): number => Math.floor(nowMs / 1000 / PROOF_WINDOW_SECONDS);

/** The bytes a phone signs: binds the proof to this exact credential and this window. */
export const proofMessage = (credential: string, window: number): Uint8Array =>
  utf8(`${credential.slice(credential.lastIndexOf('.') + 1)}.${window}`);

export const presentationOf = (credential: string, proof?: { window: number; signature: string }) =>
  proof ? `${credential}~${proof.window}~${proof.signature}` : credential;

/** A platform key, imported once by the adapter, under its key id. */
export interface TrustedKeys {
  readonly keys: ReadonlyMap<string, unknown>;
}

/** The decoded status list: bit i (most significant first) set means card i is not valid. */
export interface StatusBits {
  readonly bits: Uint8Array;
  /** When the list was issued and until when its issuer vouches for it (ms since epoch). */
  readonly validFrom: number;
  readonly validUntil: number;
}

export interface VerifyOptions {
  now?: number;
  /** When given, a card whose bit is set fails with `revoked`. */
  statusList?: StatusBits;
}

export type PresentationCheck =
  { valid: true; claims: CardClaims } | { valid: false; reason: VerifyFailureReason; claims?: CardClaims };

const fail = (reason: VerifyFailureReason, claims?: CardClaims): PresentationCheck =>
  claims ? { valid: false, reason, claims } : { valid: false, reason };

interface ParsedJws {
  kid: string;
  signingInput: Uint8Array;
  signature: Uint8Array;
  payload: string;
}

/** Only what the platform signs: three base64url parts, EdDSA, a key id. Anything else is malformed. */
export function parseCompactJws(jws: string): ParsedJws | undefined {
  const parts = jws.split('.');
  if (parts.length !== 3 || !parts.every((part) => part.length > 0 && isBase64Url(part))) return undefined;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let header: unknown;
  let payload: string;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(headerPart)));
    payload = new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(payloadPart));
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null) return undefined;
  const { alg, kid, crit } = header as { alg?: unknown; kid?: unknown; crit?: unknown };
  if (alg !== 'EdDSA' || typeof kid !== 'string' || crit !== undefined) return undefined;
  return {
    kid,
    signingInput: utf8(`${headerPart}.${payloadPart}`),
    signature: base64UrlToBytes(signaturePart),
    payload,
  };
}

/** Verifies a JWS by a trusted platform key: the payload when it holds, the reason when not. */
export async function verifyPlatformJws(
  jws: string,
  trusted: TrustedKeys,
  verifier: SignatureVerifier,
): Promise<{ payload: string } | { reason: 'malformed' | 'unknown_key' | 'bad_signature' }> {
  const parsed = parseCompactJws(jws);
  if (!parsed) return { reason: 'malformed' };
  const key = trusted.keys.get(parsed.kid);
  if (key === undefined) return { reason: 'unknown_key' };
  if (parsed.signature.length !== 64) return { reason: 'bad_signature' };
  if (!(await verifier.verifyPlatform(key, parsed.signingInput, parsed.signature))) {
    return { reason: 'bad_signature' };
  }
  return { payload: parsed.payload };
}

export function isStatusBitSet(list: StatusBits, index: number): boolean {
  const byte = list.bits[index >> 3];
  // A card newer than the list is not on it yet: nothing says it is revoked.
  return byte !== undefined && (byte & (0x80 >> (index & 7))) !== 0;
}

/**
 * Checks a presentation completely offline: the platform's signature, the dates, the phone's fresh
 * proof, and — given a status list — whether the card still holds. Never throws on bad input.
 */
export async function verifyPresentation(
  presentation: unknown,
  trusted: TrustedKeys,
  verifier: SignatureVerifier,
  options: VerifyOptions = {},
): Promise<PresentationCheck> {
  if (typeof presentation !== 'string') return fail('malformed');
  const text = presentation.trim();
  if (text.length === 0 || text.length > PRESENTATION_MAX_LENGTH) return fail('malformed');
  const pieces = text.split('~');
  if (pieces.length !== 1 && pieces.length !== 3) return fail('malformed');
  const credential = pieces[0]!;

  const signed = await verifyPlatformJws(credential, trusted, verifier);
  if ('reason' in signed) return fail(signed.reason);
  let claims: CardClaims;
  try {
    const parsed = CardClaims.safeParse(JSON.parse(signed.payload));
    if (!parsed.success) return fail('malformed');
    claims = parsed.data;
  } catch {
    return fail('malformed');
  }

  const nowMs = options.now ?? Date.now();
  const now = Math.floor(nowMs / 1000);
  if (claims.iat > now + ISSUED_AT_SKEW_SECONDS) return fail('not_yet_valid', claims);
  if (now >= claims.exp) return fail('expired', claims);

  if (claims.knd === 'd') {
    if (pieces.length !== 3 || !claims.cnf) return fail('proof_missing', claims);
    const [, windowText, proofText] = pieces as [string, string, string];
    if (!/^\d{1,12}$/.test(windowText) || !isBase64Url(proofText)) return fail('malformed', claims);
    const window = Number(windowText);
    const current = proofWindowAt(nowMs);
    if (window < current - PROOF_WINDOWS_BEHIND) return fail('proof_stale', claims);
    if (window > current + PROOF_WINDOWS_AHEAD) return fail('not_yet_valid', claims);
    const proof = base64UrlToBytes(proofText);
    if (proof.length !== 64) return fail('proof_invalid', claims);
    const proven = await verifier.verifyDevice(claims.cnf.jwk, proofMessage(credential, window), proof);
    if (!proven) return fail('proof_invalid', claims);
  } else {
    // Printed cards and online QRs carry no phone key, so nothing may ride along.
    if (pieces.length !== 1 || claims.cnf) return fail('malformed', claims);
    if (claims.knd === 'o' && claims.exp - claims.iat > ONLINE_CREDENTIAL_MAX_SECONDS) {
      return fail('malformed', claims);
    }
  }

  if (options.statusList && isStatusBitSet(options.statusList, claims.sl)) return fail('revoked', claims);
  return { valid: true, claims };
}

export type { DevicePublicKey };
