import { CompactSign } from 'jose';
import type { CardClaims } from '@union/contracts/cards';
import type { SigningKey } from './signing-keys.js';

const encoder = new TextEncoder();

/** A compact JWS over the claims; the header holds only what a verifier needs, to keep the QR small. */
export function signCardClaims(key: SigningKey, claims: CardClaims): Promise<string> {
  return new CompactSign(encoder.encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .sign(key.privateKey);
}

/** The same for any JSON payload the platform vouches for (the status list credential). */
export function signPlatformJson(key: SigningKey, payload: object, type: string): Promise<string> {
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: type })
    .sign(key.privateKey);
}
