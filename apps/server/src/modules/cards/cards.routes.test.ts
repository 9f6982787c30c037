import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { CompactSign, generateKeyPair, importJWK, type JWK, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importTrustedKeys,
  isStatusBitSet,
  presentWithDeviceKey,
  readStatusList,
  verifyPresentation,
  webCryptoVerifier,
  type DeviceKey,
  type TrustedKeys,
} from '@union/card-verifier';
import { nodeSignatureVerifier } from '@union/card-verifier/node-verifier';
import { centurySexDigit } from '@union/contracts/citizen-id';
import type {
  BenefitSummaryDto,
  BenefitUsePage,
  CardClaims,
  MemberCardsDto,
  MyCardDto,
  PrintedCardDto,
  RecordBenefitResponse,
  VerifyCardResponse,
} from '@union/contracts/cards';
import type { JobDto } from '@union/contracts/jobs';
import type { MemberDto } from '@union/contracts/members';
import type { NotificationPage } from '@union/contracts/notifications';
import {
  buildTestApp,
  daysFromToday,
  givenUnitTree,
  logIn,
  signInAs,
  signInAsAdmin,
  TEST_PASSWORD,
  type SignedIn,
  type TestApp,
  type TreeUnit,
} from '../../../test/support/index.js';
import { queryRows } from '../../kernel/db/database.js';
import { unsafeCreateAccount } from '../accounts/index.js';
import { CardSigningKeys } from './signing-keys.js';

type Tree = Awaited<ReturnType<typeof givenUnitTree>>;

describe('union cards', () => {
  let t: TestApp;
  let tree: Tree;
  let admin: SignedIn;
  let chairA: SignedIn;
  let chairB: SignedIn;
  let merchant: SignedIn;
  let communeAOfficer: SignedIn;

  const api = (method: 'GET' | 'POST', url: string, who?: SignedIn, payload?: object) =>
    t.app.inject({
      method,
      url: url.startsWith('/.well-known') ? url : `/api/v1${url}`,
      ...(who ? { headers: who.headers } : {}),
      ...(payload === undefined ? {} : { payload }),
    });

  let serial = 0;
  const admit = async (unit: TreeUnit, fullName: string, phone?: string) => {
    const birthDate = '1991-04-12';
    const response = await api('POST', '/members', admin, {
      unitId: unit.id,
      fullName,
      birthDate,
      sex: 'female',
      citizenId: `001${centurySexDigit(1991, 'female')}91${String(++serial).padStart(6, '0')}`,
      joinedAt: '2024-02-01',
      ...(phone ? { phone } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MemberDto>();
  };

  /** An active member who signs in with their own phone. */
  const memberWithLogin = async (unit: TreeUnit, fullName: string) => {
    const phone = `09${String(10_000_000 + ++serial).slice(-8)}`;
    const member = await admit(unit, fullName, phone);
    await unsafeCreateAccount(t.db, { fullName, phone, password: TEST_PASSWORD });
    return { member, me: await logIn(t, phone, TEST_PASSWORD) };
  };

  const myCard = async (who: SignedIn) => {
    const response = await api('GET', '/me/card', who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MyCardDto>();
  };

  /** A phone: a WebCrypto P-256 key that cannot leave it, bound to the member's card. */
  const newPhone = async (who: SignedIn) => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const publicKey = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const response = await api('POST', '/me/card/device', who, { publicKey });
    expect(response.statusCode, response.body).toBe(200);
    return { card: response.json<MyCardDto>(), privateKey: keys.privateKey as DeviceKey };
  };

  const verify = async (presentation: unknown) => {
    const response = await api('POST', '/cards/verify', undefined, { presentation });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<VerifyCardResponse>();
  };

  const claimsOf = (jws: string) =>
    JSON.parse(Buffer.from(jws.split('~')[0]!.split('.')[1]!, 'base64url').toString('utf8')) as CardClaims;

  const event = async (memberId: number, body: { type: string; toUnitId?: number }) => {
    const response = await api('POST', `/members/${memberId}/events`, admin, {
      date: daysFromToday(0),
      ...body,
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  const jwks = async () => (await api('GET', '/.well-known/jwks.json')).json<JSONWebKeySet>();
  const trusted = async (): Promise<TrustedKeys> => importTrustedKeys(await jwks(), webCryptoVerifier);
  const statusList = async () => {
    const response = await api('GET', '/cards/status-list');
    expect(response.statusCode).toBe(200);
    return readStatusList(response.body, await trusted(), webCryptoVerifier);
  };

  /** Signs claims with the platform's current private key, as only the platform could. */
  const signAsPlatform = async (claims: CardClaims) => {
    const [row] = await queryRows<{ kid: string; private_jwk: JWK }>(
      t.db,
      sql`select kid, private_jwk from card_signing_keys order by created_at desc limit 1`,
    );
    const key = await importJWK(row!.private_jwk, 'EdDSA');
    return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'EdDSA', kid: row!.kid })
      .sign(key);
  };

  const waitForJob = async (who: SignedIn, jobId: number) => {
    for (let i = 0; i < 200; i++) {
      const job = (await api('GET', `/jobs/${jobId}`, who)).json<JobDto>();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    [chairA, chairB, merchant, communeAOfficer] = await Promise.all([
      signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA }),
      signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsB }),
      signInAs(t, { role: 'partner_merchant', unit: tree.hanoi }),
      signInAs(t, { role: 'upper_union_officer', unit: tree.communeA }),
    ]);
  });
  afterAll(() => t.close());

  describe('the phone card', () => {
    it('publishes Ed25519 public keys only', async () => {
      const keys = (await jwks()).keys;
      expect(keys.length).toBeGreaterThanOrEqual(1);
      for (const key of keys) {
        expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
        expect(key).not.toHaveProperty('d');
      }
    });

    it('gives a member a signed card with their name, code and union, never the citizen ID', async () => {
      const { member, me } = await memberWithLogin(tree.grassrootsA, 'Nguyễn Thị Thẻ');
      const card = await myCard(me);
      expect(card).toMatchObject({
        status: 'active',
        valid: true,
        holder: {
          fullName: 'Nguyễn Thị Thẻ',
          memberCode: member.memberCode,
          unitName: tree.grassrootsA.name,
        },
        deviceKeyThumbprint: null,
      });
      expect(card.qr.svg).toContain('<svg');
      const claims = claimsOf(card.credential);
      expect(claims).toMatchObject({
        sub: member.memberCode,
        name: 'Nguyễn Thị Thẻ',
        knd: 'o',
        st: 'active',
      });
      expect(JSON.stringify(claims)).not.toContain(member.citizenId!.slice(3));
      // Before a phone key is bound, the credential is an online QR that lives minutes.
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(600);
      const offline = await verifyPresentation(card.credential, await trusted(), webCryptoVerifier);
      expect(offline.valid).toBe(true);
      expect(await verify(card.credential)).toEqual({
        valid: true,
        member: {
          fullName: 'Nguyễn Thị Thẻ',
          memberCode: member.memberCode,
          unitName: tree.grassrootsA.name,
          status: 'active',
        },
        kind: 'phone',
        expiresAt: expect.any(String),
      });
      // The same card on the next call: one live phone card per member.
      expect((await myCard(me)).cardId).toBe(card.cardId);
    });

    it('binds the card to the phone: only a fresh proof by that phone verifies', async () => {
      const { me } = await memberWithLogin(tree.grassrootsA, 'Trần Văn Điện');
      const { card, privateKey } = await newPhone(me);
      const claims = claimsOf(card.credential);
      expect(claims.knd).toBe('d');
      expect(claims.cnf?.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
      expect(card.deviceKeyThumbprint).toEqual(expect.any(String));

      const { presentation } = await presentWithDeviceKey(card.credential, privateKey);
      expect(await verify(presentation)).toMatchObject({ valid: true, kind: 'phone' });
      expect(await verifyPresentation(presentation, await trusted(), nodeSignatureVerifier)).toMatchObject({
        valid: true,
      });

      // A copied credential without the phone's proof.
      expect(await verify(card.credential)).toMatchObject({ valid: false, reason: 'proof_missing' });
      // A screenshot taken five minutes ago.
      const old = await presentWithDeviceKey(card.credential, privateKey, Date.now() - 5 * 60_000);
      expect(await verify(old.presentation)).toMatchObject({ valid: false, reason: 'proof_stale' });
      // A proof by some other phone.
      const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
      const forged = await presentWithDeviceKey(card.credential, other.privateKey as DeviceKey);
      expect(await verify(forged.presentation)).toMatchObject({ valid: false, reason: 'proof_invalid' });
      // Binding the same phone again changes nothing.
      const again = await api('POST', '/me/card/device', me, { publicKey: claims.cnf!.jwk });
      expect(again.json<MyCardDto>().cardId).toBe(card.cardId);
    });

    it('answers valid:false with a reason for every kind of bad presentation, never an error', async () => {
      const { me } = await memberWithLogin(tree.grassrootsA, 'Lê Văn Giả');
      const { card, privateKey } = await newPhone(me);
      const { presentation } = await presentWithDeviceKey(card.credential, privateKey);
      const [header, payload, signature] = card.credential.split('.') as [string, string, string];
      const tamperedPayload = Buffer.from(
        JSON.stringify({ ...claimsOf(card.credential), name: 'Người Khác' }),
      ).toString('base64url');
      const rest = presentation.slice(card.credential.length);

      expect(await verify(`${header}.${tamperedPayload}.${signature}${rest}`)).toEqual({
        valid: false,
        reason: 'bad_signature',
      });
      expect(await verify(presentation.slice(0, presentation.length / 2))).toEqual({
        valid: false,
        reason: 'malformed',
      });
      expect(await verify(randomBytes(300).toString('latin1'))).toEqual({
        valid: false,
        reason: 'malformed',
      });
      expect(await verify(randomBytes(300).toString('base64url'))).toEqual({
        valid: false,
        reason: 'malformed',
      });
      expect(await verify('')).toEqual({ valid: false, reason: 'malformed' });
      expect(await verify('a.b.c')).toEqual({ valid: false, reason: 'malformed' });
      expect(await verify('x'.repeat(1024 * 1024))).toEqual({ valid: false, reason: 'malformed' });

      // Signed by a key the platform never published.
      const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const unknown = await new CompactSign(Buffer.from(payload, 'base64url'))
        .setProtectedHeader({ alg: 'EdDSA', kid: 'not-ours' })
        .sign(stranger.privateKey);
      expect(await verify(unknown)).toEqual({ valid: false, reason: 'unknown_key' });
      // A stranger's signature under our key id.
      const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid as string;
      const impostor = await new CompactSign(Buffer.from(payload, 'base64url'))
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .sign(stranger.privateKey);
      expect(await verify(`${impostor}${rest}`)).toEqual({ valid: false, reason: 'bad_signature' });

      // Expired: signed by the platform, but its time is over.
      const claims = claimsOf(card.credential);
      const expired = await signAsPlatform({
        ...claims,
        knd: 'p',
        cnf: undefined,
        iat: claims.iat - 7200,
        exp: claims.iat - 3600,
      });
      expect(await verify(expired)).toMatchObject({
        valid: false,
        reason: 'expired',
        member: { fullName: 'Lê Văn Giả' },
      });
      // An online QR that claims to live a day is not one the platform makes.
      const longOnline = await signAsPlatform({
        ...claims,
        knd: 'o',
        cnf: undefined,
        exp: claims.iat + 86_400,
      });
      expect(await verify(longOnline)).toMatchObject({ valid: false, reason: 'malformed' });

      // Bodies that are not a presentation at all get a clear Vietnamese error.
      const notJson = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cards/verify',
        headers: { 'content-type': 'application/json' },
        payload: randomBytes(200),
      });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().error.message).toMatch(/JSON/);
      const wrongShape = await api('POST', '/cards/verify', undefined, { presentation: 42 });
      expect(wrongShape.statusCode).toBe(400);
    });

    it('follows the membership: suspension invalidates it until the member resumes, in the status list too', async () => {
      const { member, me } = await memberWithLogin(tree.grassrootsA, 'Phạm Thị Treo');
      const { card, privateKey } = await newPhone(me);
      const index = claimsOf(card.credential).sl;
      const present = async () => (await presentWithDeviceKey(card.credential, privateKey)).presentation;
      expect(isStatusBitSet(await statusList(), index)).toBe(false);

      await event(member.id, { type: 'suspend' });
      expect(await verify(await present())).toMatchObject({
        valid: false,
        reason: 'membership_suspended',
        member: { status: 'suspended' },
      });
      const list = await statusList();
      expect(isStatusBitSet(list, index)).toBe(true);
      // A verifier offline with the refreshed list sees it too.
      expect(
        await verifyPresentation(await present(), await trusted(), webCryptoVerifier, { statusList: list }),
      ).toMatchObject({
        valid: false,
        reason: 'revoked',
      });
      expect(await myCard(me)).toMatchObject({ status: 'suspended', valid: false });

      await event(member.id, { type: 'resume' });
      expect(await verify(await present())).toMatchObject({ valid: true });
      expect(isStatusBitSet(await statusList(), index)).toBe(false);
    });

    it('a transfer re-issues the card with the same member code and the new union', async () => {
      const { member, me } = await memberWithLogin(tree.grassrootsA, 'Đỗ Văn Chuyển');
      const { card, privateKey } = await newPhone(me);
      await event(member.id, { type: 'transfer', toUnitId: tree.grassrootsB.id });
      const old = await presentWithDeviceKey(card.credential, privateKey);
      expect(await verify(old.presentation)).toMatchObject({ valid: false, reason: 'card_replaced' });
      expect(isStatusBitSet(await statusList(), claimsOf(card.credential).sl)).toBe(true);

      const reissued = await myCard(me);
      expect(reissued.cardId).not.toBe(card.cardId);
      expect(reissued.holder).toMatchObject({
        memberCode: member.memberCode,
        unitName: tree.grassrootsB.name,
      });
      const { card: bound, privateKey: key } = await newPhone(me);
      expect(await verify((await presentWithDeviceKey(bound.credential, key)).presentation)).toMatchObject({
        valid: true,
        member: { unitName: tree.grassrootsB.name, memberCode: member.memberCode },
      });
    });

    it('leaving the union ends the card for good', async () => {
      const { member, me } = await memberWithLogin(tree.grassrootsA, 'Hoàng Văn Rời');
      const { card, privateKey } = await newPhone(me);
      await event(member.id, { type: 'leave' });
      const shown = await presentWithDeviceKey(card.credential, privateKey);
      expect(await verify(shown.presentation)).toMatchObject({ valid: false, reason: 'membership_ended' });
      expect((await api('GET', '/me/card', me)).statusCode).toBe(404);
    });

    it('a lost phone: a new phone retires the old one, and the member can turn a card off themselves', async () => {
      const { me } = await memberWithLogin(tree.grassrootsA, 'Vũ Thị Mất');
      const first = await newPhone(me);
      const second = await newPhone(me);
      expect(second.card.cardId).not.toBe(first.card.cardId);
      const oldPhone = await presentWithDeviceKey(first.card.credential, first.privateKey);
      expect(await verify(oldPhone.presentation)).toMatchObject({ valid: false, reason: 'card_replaced' });
      const newPhoneShown = await presentWithDeviceKey(second.card.credential, second.privateKey);
      expect(await verify(newPhoneShown.presentation)).toMatchObject({ valid: true });
      const inbox = (await api('GET', '/me/notifications', me)).json<NotificationPage>();
      expect(inbox.items.map((item) => item.kind)).toEqual(['card_issued']);

      expect((await api('POST', '/me/card/revoke', me)).statusCode).toBe(204);
      const again = await presentWithDeviceKey(second.card.credential, second.privateKey);
      expect(await verify(again.presentation)).toMatchObject({ valid: false, reason: 'revoked' });
      expect((await api('POST', '/me/card/revoke', me)).statusCode).toBe(422);
    });

    it('an officer revokes a phone card and sees the member’s card history', async () => {
      const { member, me } = await memberWithLogin(tree.grassrootsA, 'Bùi Văn Lạc');
      const phone = await newPhone(me);
      expect(
        (await api('POST', `/members/${member.id}/cards/revoke`, chairB, { kind: 'phone' })).statusCode,
      ).toBe(404);
      expect(
        (await api('POST', `/members/${member.id}/cards/revoke`, chairA, { kind: 'phone' })).statusCode,
      ).toBe(204);
      const shown = await presentWithDeviceKey(phone.card.credential, phone.privateKey);
      expect(await verify(shown.presentation)).toMatchObject({ valid: false, reason: 'revoked' });
      const history = (await api('GET', `/members/${member.id}/cards`, chairA)).json<MemberCardsDto>();
      expect(history.items[0]).toMatchObject({
        kind: 'phone',
        deviceBound: true,
        revokedReason: 'device_lost',
        valid: false,
      });
      expect(history.can).toEqual({ issue: true, revoke: true });
      const inbox = (await api('GET', '/me/notifications', me)).json<NotificationPage>();
      expect(inbox.items[0]).toMatchObject({ kind: 'card_revoked', link: '/card' });
      expect((await api('GET', `/members/${member.id}/cards`, chairB)).statusCode).toBe(404);
    });
  });

  describe('printed cards', () => {
    it('an officer prints a card whose static QR verifies like a phone’s, and can revoke it', async () => {
      const member = await admit(tree.grassrootsA, 'Ngô Thị Giấy');
      const response = await api('GET', `/members/${member.id}/card`, chairA);
      expect(response.statusCode, response.body).toBe(200);
      const printed = response.json<PrintedCardDto>();
      expect(printed.pdfUrl).toBe(`/api/v1/members/${member.id}/card.pdf`);
      expect(claimsOf(printed.presentation)).toMatchObject({ knd: 'p', name: 'Ngô Thị Giấy' });
      expect(new Date(printed.expiresAt).getUTCFullYear()).toBe(
        new Date(printed.issuedAt).getUTCFullYear() + 5,
      );
      expect(await verify(printed.presentation)).toMatchObject({ valid: true, kind: 'printed' });
      // A reprint carries the very same QR.
      expect(
        (await api('GET', `/members/${member.id}/card`, chairA)).json<PrintedCardDto>().presentation,
      ).toBe(printed.presentation);
      const pdf = await api('GET', `/members/${member.id}/card.pdf`, chairA);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await api('GET', `/members/${member.id}/card`, chairB)).statusCode).toBe(404);

      expect(
        (
          await api('POST', `/members/${member.id}/cards/revoke`, chairA, {
            kind: 'printed',
            reason: 'reissued',
          })
        ).statusCode,
      ).toBe(204);
      expect(await verify(printed.presentation)).toMatchObject({ valid: false, reason: 'card_replaced' });
      const next = (await api('GET', `/members/${member.id}/card`, chairA)).json<PrintedCardDto>();
      expect(next.cardId).not.toBe(printed.cardId);
      expect(await verify(next.presentation)).toMatchObject({ valid: true });
    });

    it('issues and re-issues the printed cards of a whole subtree as a job, with a sheet to print', async () => {
      const unit = tree.grassrootsA2;
      const members = [];
      for (const name of ['Lý Thị An', 'Mai Văn Bình', 'Tạ Thị Cúc']) members.push(await admit(unit, name));
      const suspended = await admit(unit, 'Đinh Văn Dừng');
      await event(suspended.id, { type: 'suspend' });

      expect((await api('POST', `/units/${unit.id}/cards/issue`, chairA, {})).statusCode).toBe(404);
      const started = await api('POST', `/units/${unit.id}/cards/issue`, communeAOfficer, {});
      expect(started.statusCode, started.body).toBe(202);
      const { jobId } = started.json<{ jobId: number }>();
      const job = await waitForJob(communeAOfficer, jobId);
      expect(job).toMatchObject({ status: 'succeeded', progress: 1 });
      expect(job.result).toMatchObject({ members: 3, issued: 3, replaced: 0, alreadyValid: 0, sheet: true });
      const sheet = await api('GET', `/cards/print-files/${jobId}`, communeAOfficer);
      expect(sheet.statusCode).toBe(200);
      expect(sheet.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await api('GET', `/cards/print-files/${jobId}`, chairB)).statusCode).toBe(404);

      const firstCards = await Promise.all(
        members.map(async (m) =>
          (await api('GET', `/members/${m.id}/card`, communeAOfficer)).json<PrintedCardDto>(),
        ),
      );
      for (const card of firstCards) expect(await verify(card.presentation)).toMatchObject({ valid: true });

      // Running it again issues nothing new; a re-issue replaces every card.
      const again = await waitForJob(
        communeAOfficer,
        (await api('POST', `/units/${unit.id}/cards/issue`, communeAOfficer, {})).json<{ jobId: number }>()
          .jobId,
      );
      expect(again.result).toMatchObject({ issued: 0, alreadyValid: 3 });
      const reissue = await waitForJob(
        communeAOfficer,
        (await api('POST', `/units/${unit.id}/cards/issue`, communeAOfficer, { reissue: true })).json<{
          jobId: number;
        }>().jobId,
      );
      expect(reissue.result).toMatchObject({ issued: 3, replaced: 3 });
      for (const card of firstCards)
        expect(await verify(card.presentation)).toMatchObject({ valid: false, reason: 'card_replaced' });
    });
  });

  describe('member benefits', () => {
    it('a partner merchant records a benefit on a valid card only; officers see use per unit', async () => {
      const { member, me } = await memberWithLogin(tree.grassrootsA, 'Cao Thị Ưu');
      const phone = await newPhone(me);
      const shown = (await presentWithDeviceKey(phone.card.credential, phone.privateKey)).presentation;
      const recorded = await api('POST', '/cards/benefit-uses', merchant, {
        presentation: shown,
        benefit: 'Giảm 10% hoá đơn',
        amountVnd: 45_000,
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json<RecordBenefitResponse>()).toMatchObject({
        valid: true,
        benefitUseId: expect.any(Number),
      });
      // Members and officers do not record benefits.
      expect(
        (await api('POST', '/cards/benefit-uses', chairA, { presentation: shown, benefit: 'x' })).statusCode,
      ).toBe(403);
      const refused = await api('POST', '/cards/benefit-uses', merchant, {
        presentation: 'rubbish',
        benefit: 'Giảm giá',
      });
      expect(refused.json<RecordBenefitResponse>()).toEqual({ valid: false, reason: 'malformed' });

      const summary = (
        await api('GET', `/units/${tree.communeA.id}/benefit-uses/summary`, communeAOfficer)
      ).json<BenefitSummaryDto>();
      expect(summary.total).toEqual({ uses: 1, members: 1, amountVnd: 45_000 });
      expect(summary.children).toEqual([
        { unitId: tree.grassrootsA.id, name: tree.grassrootsA.name, uses: 1, members: 1, amountVnd: 45_000 },
      ]);
      const uses = (
        await api('GET', `/units/${tree.grassrootsA.id}/benefit-uses`, chairA)
      ).json<BenefitUsePage>();
      expect(uses.items).toEqual([
        expect.objectContaining({
          memberCode: member.memberCode,
          benefit: 'Giảm 10% hoá đơn',
          amountVnd: 45_000,
        }),
      ]);
      expect((await api('GET', `/units/${tree.grassrootsA.id}/benefit-uses`, chairB)).statusCode).toBe(404);
      const past = (
        await api('GET', `/units/${tree.communeA.id}/benefit-uses/summary?to=2020-01-01`, communeAOfficer)
      ).json<BenefitSummaryDto>();
      expect(past.total.uses).toBe(0);
    });
  });

  describe('keys and the status list', () => {
    it('rotates keys: a new key is published a day before it signs, and the old stays published', async () => {
      const { me } = await memberWithLogin(tree.grassrootsA, 'Lâm Văn Khoá');
      const before = await myCard(me);
      const oldKid = JSON.parse(Buffer.from(before.credential.split('.')[0]!, 'base64url').toString()).kid;
      const keys = new CardSigningKeys(t.db, 90);
      expect(await keys.rotateIfDue()).toBe(false);
      // The current key is a few days from the end of its signing period.
      await t.db.execute(
        sql`update card_signing_keys set signs_until = now() + interval '3 days', created_at = now() - interval '87 days' where kid = ${oldKid}`,
      );
      expect(await keys.rotateIfDue()).toBe(true);
      expect(await keys.rotateIfDue()).toBe(false);
      const published = (await jwks()).keys.map((key) => key.kid);
      expect(published).toHaveLength(2);
      expect(published).toContain(oldKid);
      const newKid = published.find((kid) => kid !== oldKid)!;
      // Not signing yet: verifiers must have seen it first.
      expect((await keys.current()).kid).toBe(oldKid);
      await t.db.execute(
        sql`update card_signing_keys set created_at = now() - interval '2 days' where kid = ${newKid}`,
      );
      keys.forget();
      expect((await keys.current()).kid).toBe(newKid);
      // Cards signed by the old key still verify.
      expect(await verify(before.credential)).toMatchObject({ valid: true });
    });

    it('serves the status list with an ETag, and 304 when unchanged', async () => {
      const first = await api('GET', '/cards/status-list');
      expect(first.headers['content-type']).toContain('application/vc+jwt');
      const etag = first.headers.etag as string;
      const again = await t.app.inject({
        method: 'GET',
        url: '/api/v1/cards/status-list',
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      const list = await statusList();
      expect(list.bits.length).toBeGreaterThanOrEqual(16 * 1024);
      expect(list.validUntil).toBeGreaterThan(Date.now());
    });
  });
});
