import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { SignatureVerifier } from './signature-verifier.js';

/** Node's own crypto: the server's verify endpoint and the benchmark use this one. */
export const nodeSignatureVerifier: SignatureVerifier = {
  importPlatformKey: async (jwk) =>
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x! }, format: 'jwk' }),
  verifyPlatform: (key, data, signature) => verify(null, data, key as KeyObject, signature),
  verifyDevice(jwk, data, signature) {
    try {
      const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      return false;
    }
  },
};
