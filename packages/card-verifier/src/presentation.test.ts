import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { CompactSign, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import type { CardClaims, DevicePublicKey } from '@union/contracts/cards';
import {
  importTrustedKeys,
  isStatusBitSet,
  presentationOf,
  presentWithDeviceKey,
  PROOF_WINDOWS_AHEAD,
  PROOF_WINDOWS_BEHIND,
  proofWindowAt,
  readStatusList,
  verifyPresentation,
  webCryptoVerifier,
  type SignatureVerifier,
  type TrustedKeys,
} from './index.js';
import { nodeSignatureVerifier } from './node-verifier.js';

const encoder = new TextEncoder();
const NOW = Date.UTC(2026, 10, 29, 8, 0, 15);
const nowSeconds = Math.floor(NOW / 1000);

async function platform() {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' };
  const sign = (payload: object, kid = 'k1', key: CryptoKey = privateKey) =>
    new CompactSign(encoder.encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .sign(key);
  return { jwks: { keys: [jwk] }, sign };
}

async function phone() {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const jwk = (await crypto.subtle.exportKey('jwk', keys.publicKey)) as DevicePublicKey;
  return {
    privateKey: keys.privateKey,
    jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } as DevicePublicKey,
  };
}

const claims = (overrides: Partial<CardClaims> = {}): CardClaims => ({
  iss: 'urn:test',
  sub: '0100000123',
  jti: '7',
  iat: nowSeconds - 60,
  exp: nowSeconds + 86_400,
  name: 'Nguyễn Thị Hoà',
  unit: 'CĐCS Công ty TNHH Dệt Thử',
  st: 'active',
  knd: 'p',
  sl: 9,
  ...overrides,
});

describe.each([
  ['WebCrypto', webCryptoVerifier],
  ['node:crypto', nodeSignatureVerifier],
] as [string, SignatureVerifier][])('verifyPresentation with %s', (_name, verifier) => {
  let trusted: TrustedKeys;
  let issuer: Awaited<ReturnType<typeof platform>>;

  const check = (presentation: unknown, now = NOW) =>
    verifyPresentation(presentation, trusted, verifier, { now });

  it('accepts a printed card and a phone card with a fresh proof', async () => {
    issuer = await platform();
    trusted = await importTrustedKeys(issuer.jwks, verifier);
    expect(await check(await issuer.sign(claims()))).toMatchObject({
      valid: true,
      claims: { name: 'Nguyễn Thị Hoà' },
    });
    const device = await phone();
    const credential = await issuer.sign(claims({ knd: 'd', cnf: { jwk: device.jwk } }));
    const { presentation } = await presentWithDeviceKey(credential, device.privateKey, NOW);
    expect(await check(presentation)).toMatchObject({ valid: true });
  });

  it('accepts proofs from two windows behind to one ahead, and no further', async () => {
    const device = await phone();
    const credential = await issuer.sign(claims({ knd: 'd', cnf: { jwk: device.jwk } }));
    const window = proofWindowAt(NOW);
    const shownAt = async (offset: number) =>
      (await presentWithDeviceKey(credential, device.privateKey, NOW + offset * 30_000)).presentation;
    expect(await check(await shownAt(-PROOF_WINDOWS_BEHIND))).toMatchObject({ valid: true });
    expect(await check(await shownAt(-PROOF_WINDOWS_BEHIND - 1))).toMatchObject({
      valid: false,
      reason: 'proof_stale',
    });
    expect(await check(await shownAt(PROOF_WINDOWS_AHEAD))).toMatchObject({ valid: true });
    expect(await check(await shownAt(PROOF_WINDOWS_AHEAD + 1))).toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
    });
    // A proof for one credential does not carry over to another card of the same phone.
    const other = await issuer.sign(claims({ knd: 'd', jti: '8', cnf: { jwk: device.jwk } }));
    const proofPart = (await shownAt(0)).split('~').slice(1).join('~');
    expect(await check(`${other}~${proofPart}`)).toMatchObject({ valid: false, reason: 'proof_invalid' });
    expect(window).toBe(Math.floor(NOW / 30_000));
  });

  it('refuses what the kinds forbid', async () => {
    const device = await phone();
    const bound = await issuer.sign(claims({ knd: 'd', cnf: { jwk: device.jwk } }));
    expect(await check(bound)).toMatchObject({ valid: false, reason: 'proof_missing' });
    const printed = await issuer.sign(claims());
    const { presentation } = await presentWithDeviceKey(bound, device.privateKey, NOW);
    expect(await check(`${printed}${presentation.slice(bound.length)}`)).toMatchObject({
      valid: false,
      reason: 'malformed',
    });
    expect(await check(await issuer.sign(claims({ knd: 'o', exp: nowSeconds + 3600 })))).toMatchObject({
      valid: false,
      reason: 'malformed',
    });
    expect(await check(await issuer.sign(claims({ exp: nowSeconds - 1 })))).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    expect(await check(await issuer.sign(claims({ iat: nowSeconds + 3600 })))).toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
    });
    expect(await check(await issuer.sign({ ...claims(), st: 'retired' }))).toEqual({
      valid: false,
      reason: 'malformed',
    });
    expect(await check(await issuer.sign(claims(), 'k2'))).toEqual({ valid: false, reason: 'unknown_key' });
  });

  it('never throws, whatever it is given', async () => {
    const printed = await issuer.sign(claims());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constantFrom(null, undefined, 42, {}, []),
          // Real presentations with one character changed or cut.
          fc
            .tuple(fc.nat(printed.length - 1), fc.string({ minLength: 1, maxLength: 1 }))
            .map(([at, char]) => printed.slice(0, at) + char + printed.slice(at + 1)),
          fc.nat(printed.length - 1).map((at) => printed.slice(0, at)),
        ),
        async (input) => {
          const result = await check(input);
          if (input !== printed) expect(result.valid).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the status list most significant bit first, as W3C numbers it', async () => {
    const bits = new Uint8Array(16 * 1024);
    bits[1] = 0b0100_0000; // index 9
    const list = await issuer.sign({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'urn:test',
      validFrom: new Date(NOW).toISOString(),
      validUntil: new Date(NOW + 86_400_000).toISOString(),
      credentialSubject: {
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: `u${gzipSync(bits).toString('base64url')}`,
      },
    });
    const statusList = await readStatusList(list, trusted, verifier);
    expect([8, 9, 10].map((index) => isStatusBitSet(statusList, index))).toEqual([false, true, false]);
    // A card newer than the list is not on it.
    expect(isStatusBitSet(statusList, 16 * 1024 * 8 + 5)).toBe(false);
    const printed = await issuer.sign(claims());
    expect(await verifyPresentation(printed, trusted, verifier, { now: NOW, statusList })).toMatchObject({
      valid: false,
      reason: 'revoked',
    });
    expect(
      await verifyPresentation(await issuer.sign(claims({ sl: 10 })), trusted, verifier, {
        now: NOW,
        statusList,
      }),
    ).toMatchObject({ valid: true });
    await expect(readStatusList(printed, trusted, verifier)).rejects.toThrow(/BitstringStatusListCredential/);
  });

  it('imports only Ed25519 keys with an id', async () => {
    const keys = await importTrustedKeys(
      {
        keys: [
          ...issuer.jwks.keys,
          { kty: 'EC', crv: 'P-256', kid: 'ec', x: 'a', y: 'b' },
          { kty: 'OKP', crv: 'Ed25519', x: 'a' },
        ],
      },
      verifier,
    );
    expect([...keys.keys.keys()]).toEqual(['k1']);
    expect(presentationOf('a.b.c')).toBe('a.b.c');
  });
});
