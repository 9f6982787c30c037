import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { JSONWebKeySet } from 'jose';
import type { CardClaims } from '@union/contracts/cards';
import {
  base64UrlToBytes,
  importTrustedKeys,
  proofMessage,
  readStatusList,
  verifyPresentation,
  webCryptoVerifier,
  type SignatureVerifier,
  type StatusBits,
  type TrustedKeys,
} from '@union/card-verifier';
import { nodeSignatureVerifier } from '@union/card-verifier/node-verifier';

/** Accepts every signature without looking: what is left is the library's own work. */
const noSignatures: SignatureVerifier = {
  importPlatformKey: async () => null,
  verifyPlatform: () => true,
  verifyDevice: () => true,
};

export type OfflineCase = 'ed25519' | 'both' | 'node' | 'webcrypto' | 'parsing' | 'p256import';

export interface OfflineTiming {
  /** Checks per second over all passes. */
  perSecond: number;
  checks: number;
  seconds: number;
  /** Checks per second of each pass, in order. */
  passes: number[];
}

interface Prepared {
  /** The platform's signature: header.payload and the 64 bytes. */
  signingInput: Buffer;
  signature: Buffer;
  kid: string;
  /** The phone's proof: the message it signed and the 64 bytes (r‖s). */
  proofInput: Uint8Array;
  proof: Buffer;
  device: { x: string; y: string };
}

/** The pieces of a phone-card presentation, split and decoded outside the timed loops. */
function prepare(presentation: string): Prepared {
  const [credential, window, proof] = presentation.split('~') as [string, string, string];
  const [header, payload, signature] = credential.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CardClaims;
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string };
  return {
    signingInput: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, 'base64url'),
    kid,
    proofInput: proofMessage(credential, Number(window)),
    proof: Buffer.from(base64UrlToBytes(proof)),
    device: { x: claims.cnf!.jwk.x, y: claims.cnf!.jwk.y },
  };
}

/**
 * Offline verification, serially in this one thread, over the same distinct presentations:
 * - `ed25519`: node:crypto `verify` of the platform's Ed25519 signature alone, pieces decoded beforehand
 *   (the baseline: one signature, nothing else);
 * - `both`: that and the phone's P-256 proof, its key imported per presentation as every member's is
 *   different — the two signatures a presentation needs, with nothing around them;
 * - `node`: `verifyPresentation` with `nodeSignatureVerifier` (what the server's verify endpoint runs);
 * - `webcrypto`: `verifyPresentation` with `webCryptoVerifier` (what a browser runs);
 * - `parsing`: `verifyPresentation` with a verifier that accepts every signature at once: the library's
 *   own work (splitting, decoding, JSON, the claims' schema, windows, the status bit);
 * - `p256import`: `createPublicKey` of each phone's P-256 JWK alone, as `nodeSignatureVerifier` does.
 * The library checks run with the published keys and the status list, as an offline verifier holds
 * them, and at the instant the proofs were made (`now`), so that a long run does not see them go stale.
 * Cases alternate pass by pass. Every check must hold: one that fails stops the run.
 */
export async function timeOffline(
  presentations: readonly string[],
  jwks: JSONWebKeySet,
  statusListJwt: string,
  nowMs: number,
  options: { passes: number },
): Promise<Record<OfflineCase, OfflineTiming>> {
  const prepared = presentations.map(prepare);
  const platformKeys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys) {
    if (typeof jwk.kid === 'string')
      platformKeys.set(
        jwk.kid,
        createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x! }, format: 'jwk' }),
      );
  }
  const trusted: Record<'node' | 'webcrypto' | 'parsing', TrustedKeys> = {
    node: await importTrustedKeys(jwks, nodeSignatureVerifier),
    webcrypto: await importTrustedKeys(jwks, webCryptoVerifier),
    parsing: await importTrustedKeys(jwks, noSignatures),
  };
  const statusList: StatusBits = await readStatusList(statusListJwt, trusted.node, nodeSignatureVerifier);

  const platformOk = (p: Prepared) => verify(null, p.signingInput, platformKeys.get(p.kid)!, p.signature);
  const cases: Record<OfflineCase, () => Promise<number>> = {
    async ed25519() {
      let failed = 0;
      for (const p of prepared) if (!platformOk(p)) failed++;
      return failed;
    },
    async both() {
      let failed = 0;
      for (const p of prepared) {
        const device = createPublicKey({
          key: { kty: 'EC', crv: 'P-256', x: p.device.x, y: p.device.y },
          format: 'jwk',
        });
        const ok =
          platformOk(p) &&
          verify('sha256', p.proofInput, { key: device, dsaEncoding: 'ieee-p1363' }, p.proof);
        if (!ok) failed++;
      }
      return failed;
    },
    async node() {
      let failed = 0;
      for (const p of presentations) {
        const check = await verifyPresentation(p, trusted.node, nodeSignatureVerifier, {
          now: nowMs,
          statusList,
        });
        if (!check.valid) failed++;
      }
      return failed;
    },
    async webcrypto() {
      let failed = 0;
      for (const p of presentations) {
        const check = await verifyPresentation(p, trusted.webcrypto, webCryptoVerifier, {
          now: nowMs,
          statusList,
        });
        if (!check.valid) failed++;
      }
      return failed;
    },
    async parsing() {
      let failed = 0;
      for (const p of presentations) {
        const check = await verifyPresentation(p, trusted.parsing, noSignatures, { now: nowMs, statusList });
        if (!check.valid) failed++;
      }
      return failed;
    },
    async p256import() {
      let failed = 0;
      for (const p of prepared) {
        const device = createPublicKey({
          key: { kty: 'EC', crv: 'P-256', x: p.device.x, y: p.device.y },
          format: 'jwk',
        });
        if (device.asymmetricKeyType !== 'ec') failed++;
      }
      return failed;
    },
  };

  const names = Object.keys(cases) as OfflineCase[];
  const passes = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    OfflineCase,
    number[]
  >;
  // One pass of each unmeasured first: JIT, key caches, the thread pool's first jobs.
  for (let pass = -1; pass < options.passes; pass++) {
    for (const name of names) {
      const started = performance.now();
      const failed = await cases[name]();
      const seconds = (performance.now() - started) / 1000;
      if (failed > 0) throw new Error(`offline ${name}: ${failed} of ${presentations.length} checks failed`);
      if (pass >= 0) passes[name].push(seconds);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const seconds = passes[name].reduce((a, b) => a + b, 0);
      const checks = presentations.length * options.passes;
      return [
        name,
        {
          perSecond: checks / seconds,
          checks,
          seconds,
          passes: passes[name].map((s) => presentations.length / s),
        },
      ];
    }),
  ) as Record<OfflineCase, OfflineTiming>;
}
