import type { JSONWebKeySet } from 'jose';
import type { TrustedKeys } from './presentation.js';
import type { SignatureVerifier } from './signature-verifier.js';

/** Imports the platform keys from /.well-known/jwks.json once; skips anything that is not Ed25519. */
export async function importTrustedKeys(
  jwks: JSONWebKeySet,
  verifier: SignatureVerifier,
): Promise<TrustedKeys> {
  const keys = new Map<string, unknown>();
  for (const jwk of jwks.keys ?? []) {
    if (
      jwk.kty !== 'OKP' ||
      jwk.crv !== 'Ed25519' ||
      typeof jwk.kid !== 'string' ||
      typeof jwk.x !== 'string'
    ) {
      continue;
    }
    keys.set(jwk.kid, await verifier.importPlatformKey(jwk));
  }
  return { keys };
}
