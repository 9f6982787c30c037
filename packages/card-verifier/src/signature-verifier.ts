import type { JWK } from 'jose';
import type { DevicePublicKey } from '@union/contracts/cards';

/**
 * The two signature checks a presentation needs. Browsers use WebCrypto (`webCryptoVerifier`); Node
 * uses its own crypto (`node-verifier.ts`), about twice as fast because it skips WebCrypto's promises.
 */
export interface SignatureVerifier {
  /** Imports a platform public key (Ed25519 JWK) once; the handle goes back into `verifyPlatform`. */
  importPlatformKey(jwk: JWK): Promise<unknown>;
  verifyPlatform(key: unknown, data: Uint8Array, signature: Uint8Array): Promise<boolean> | boolean;
  /** An ECDSA P-256 / SHA-256 signature in IEEE P1363 form (r‖s), as WebCrypto makes it. */
  verifyDevice(jwk: DevicePublicKey, data: Uint8Array, signature: Uint8Array): Promise<boolean> | boolean;
}

const subtle = () => globalThis.crypto.subtle;
// WebCrypto's typings want ArrayBuffer-backed views; ours always are.
const buffer = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

export const webCryptoVerifier: SignatureVerifier = {
  importPlatformKey: (jwk) =>
    subtle().importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, false, [
      'verify',
    ]),
  verifyPlatform: (key, data, signature) =>
    subtle().verify(
      { name: 'Ed25519' },
      key as Parameters<typeof globalThis.crypto.subtle.verify>[1],
      buffer(signature),
      buffer(data),
    ),
  async verifyDevice(jwk, data, signature) {
    try {
      const key = await subtle().importKey(
        'jwk',
        { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['verify'],
      );
      return await subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key, buffer(signature), buffer(data));
    } catch {
      // A point off the curve is a bad key, not an error.
      return false;
    }
  },
};
