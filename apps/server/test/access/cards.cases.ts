import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { presentWithDeviceKey, type DeviceKey } from '@union/card-verifier';
import type {
  BenefitSummaryDto,
  BenefitUsePage,
  MemberCardsDto,
  MyCardDto,
  PrintedCardDto,
  RecordBenefitResponse,
  VerifyCardResponse,
} from '@union/contracts/cards';
import type { MemberDto } from '@union/contracts/members';
import { queryRows } from '../../src/kernel/db/database.js';
import { jobs } from '../../src/kernel/jobs/jobs.schema.js';
import { unsafeCreateAccount } from '../../src/modules/accounts/index.js';
import { BULK_ISSUE_JOB_KIND } from '../../src/modules/cards/index.js';
import { IMPORT_JOB_KIND } from '../../src/modules/members/index.js';
import { daysFromToday, logIn, TEST_PASSWORD, type SignedIn, type TreeUnit } from '../support/index.js';
import {
  denied,
  expectStatus,
  invalid,
  notFound,
  ok,
  routeSpec,
  type AccessSuite,
  type Case,
  type Headers,
  type Response,
  type RouteTable,
  type Success,
} from './denial.js';
import { finishedJob } from './statistics.cases.js';

/** An id no member, unit or job has: a missing record must read exactly like one out of scope. */
export const MISSING_ID = 2_000_000_000;
/** An id beyond the database's integer range: refused as input before anything is looked up. */
const OUT_OF_RANGE_ID = 3_000_000_000;

/** The name every account made by `s.as` carries: the merchant's name on a benefit use. */
const TEST_ACCOUNT_NAME = 'Người Thử Nghiệm';

/** 202 {jobId}: the work was queued. (denial.ts's `ok`/`created` know 200, 201 and 204 only.) */
const accepted = <T>(check?: Success<T>['check']): Success<T> => ({
  status: 202 as number as Success<T>['status'],
  check,
});

let serial = 0;
/** A mobile number no one else in the file has: the member signs in with it. */
const newPhone = () => `098${String(1_000_000 + (serial += 1)).slice(-7)}`;

/** A phone holding a card: its key never leaves it, and every showing is a fresh proof by that key. */
export interface Phone {
  card: MyCardDto;
  present: () => Promise<string>;
}

/** Members, sign-ins, phones and the administrator's view of cards: shared by cards.access.test.ts. */
export function cardFixtures(s: AccessSuite) {
  const fixtures = {
    /** An active member admitted by the administrator into `unit`, with a phone of their own. */
    async admitted(unit: { id: number }, fullName = 'Trương Thị Thẻ'): Promise<MemberDto> {
      const response = await s.inject(s.admin.headers, {
        method: 'POST',
        url: '/api/v1/members',
        payload: {
          unitId: unit.id,
          fullName,
          birthDate: '1991-03-03',
          sex: 'female',
          citizenId: null,
          phone: newPhone(),
          notDuplicate: true,
        },
      });
      expectStatus(response, 201);
      return response.json<MemberDto>();
    },

    /** The member signs in with the phone on their record (once per member: it makes their account). */
    async selfOf(member: MemberDto): Promise<SignedIn> {
      const phone = member.phone!.replace('+84', '0');
      await unsafeCreateAccount(s.t.db, { fullName: member.fullName, phone, password: TEST_PASSWORD });
      return logIn(s.t, phone, TEST_PASSWORD);
    },

    /** The member's phone makes a WebCrypto P-256 key that cannot leave it and binds their card to it. */
    async bindPhone(self: { headers: Headers }): Promise<Phone> {
      const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
        'sign',
        'verify',
      ]);
      const publicKey = await crypto.subtle.exportKey('jwk', keys.publicKey);
      const response = await s.inject(self.headers, {
        method: 'POST',
        url: '/api/v1/me/card/device',
        payload: { publicKey },
      });
      expectStatus(response, 200);
      const card = response.json<MyCardDto>();
      const privateKey = keys.privateKey as DeviceKey;
      return {
        card,
        present: async () => (await presentWithDeviceKey(card.credential, privateKey)).presentation,
      };
    },

    /** The member's printed card, as the administrator prints it (made on first request). */
    async printedCardOf(member: { id: number }): Promise<PrintedCardDto> {
      const response = await s.inject(s.admin.headers, {
        method: 'GET',
        url: `/api/v1/members/${member.id}/card`,
      });
      expectStatus(response, 200);
      return response.json<PrintedCardDto>();
    },

    /** What any verifier is told of a presentation now (the public online check). */
    async verify(presentation: string): Promise<VerifyCardResponse> {
      const response = await s.inject(
        {},
        { method: 'POST', url: '/api/v1/cards/verify', payload: { presentation } },
      );
      expectStatus(response, 200);
      return response.json<VerifyCardResponse>();
    },

    /** The member's cards as the administrator sees them now. */
    async cardsNow(member: { id: number }): Promise<MemberCardsDto> {
      const response = await s.inject(s.admin.headers, {
        method: 'GET',
        url: `/api/v1/members/${member.id}/cards`,
      });
      expectStatus(response, 200);
      return response.json<MemberCardsDto>();
    },

    /** The benefit uses recorded under `unit`, as the administrator sees them now. */
    async benefitUsesIn(unit: { id: number }): Promise<BenefitUsePage> {
      const response = await s.inject(s.admin.headers, {
        method: 'GET',
        url: `/api/v1/units/${unit.id}/benefit-uses?limit=100`,
      });
      expectStatus(response, 200);
      return response.json<BenefitUsePage>();
    },
  };
  return fixtures;
}

/** The bulk-issue jobs ever started for these units. */
async function bulkIssueJobsFor(s: AccessSuite, ...units: { id: number }[]): Promise<number> {
  const ids = units.map((unit) => unit.id);
  const [row] = await queryRows<{ count: string | number }>(
    s.t.db,
    sql`select count(*) as count from jobs where kind = ${BULK_ISSUE_JOB_KIND}
      and (payload->>'unitId')::bigint in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  );
  return Number(row!.count);
}

/** Route tables for the union cards. Targets are built per test; nothing here runs before a test does. */
export function cardsRouteTable(s: AccessSuite): RouteTable {
  const tree = () => s.tree;
  const { admitted, selfOf, bindPhone, printedCardOf, verify, cardsNow, benefitUsesIn } = cardFixtures(s);

  /**
   * The wrongly placed callers for a member of grassrootsA, by roles that hold the route's permission:
   * beside, below reaching up, in other subtrees, the permission held elsewhere, terms over or not begun,
   * no office, and roles that lack it — the member themself included. `self` signs the member in.
   */
  const misplacedForMemberOfGrassrootsA = <T, A>(self: (target: T) => Promise<SignedIn>): Case<T, A>[] => [
    {
      kind: 'sibling',
      title: 'grassroots chair of grassrootsA2',
      who: () => s.as('grassroots_chair', tree().grassrootsA2),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'parent',
      title: 'grassroots officer of branchA, below grassrootsA, reaching up',
      who: () => s.as('grassroots_officer', tree().branchA),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'child',
      title: 'upper union officer of communeB (grassrootsA is a child of communeA)',
      who: () => s.as('upper_union_officer', tree().communeB),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'child',
      title: 'federation officer of HCMC (grassrootsA lies in Hà Nội)',
      who: () => s.as('federation_officer', tree().hcm),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'permission elsewhere',
      title:
        'partner merchant of Hà Nội (above the member, records benefits only) and officer of grassrootsA2',
      who: () =>
        s.asMany(
          { role: 'partner_merchant', unit: tree().hanoi },
          { role: 'grassroots_officer', unit: tree().grassrootsA2 },
        ),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'permission elsewhere',
      title: 'legal adviser of communeA (sees grassrootsA) and officer of grassrootsA2 (cards there)',
      who: () =>
        s.asMany(
          { role: 'legal_adviser', unit: tree().communeA },
          { role: 'grassroots_officer', unit: tree().grassrootsA2 },
        ),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'expired',
      title: 'grassroots chair of grassrootsA whose term ended yesterday',
      who: () => s.as('grassroots_chair', tree().grassrootsA, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'future',
      title: 'grassroots chair of grassrootsA whose term starts tomorrow',
      who: () => s.as('grassroots_chair', tree().grassrootsA, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'lacks permission',
      title: 'member of grassrootsA (the role grants no card permission)',
      who: () => s.as('member', tree().grassrootsA),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'legal adviser of communeA (units.read only)',
      who: () => s.as('legal_adviser', tree().communeA),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'partner merchant of Hà Nội (cards.benefits.record only)',
      who: () => s.as('partner_merchant', tree().hanoi),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'the member themself, signed in (their own card is at /me/card)',
      who: self,
      expect: denied,
    },
  ];

  /** An id no member has, and one the database cannot hold, for a route aimed at a member. */
  const missingMember = <T, A>(aimAt: (target: T, id: number) => A): Case<T, A>[] => [
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội naming an id no member has (same answer as out of scope)',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: (T) => aimAt(T, MISSING_ID),
      expect: notFound('member.not_found'),
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội naming an id beyond the integer range: refused as input',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: (T) => aimAt(T, OUT_OF_RANGE_ID),
      expect: invalid,
    },
  ];

  /** The officers who may act on a member of grassrootsA: its own, and those above it. */
  const rightlyPlaced = <T, A>(check: Success<T>['check']): Case<T, A>[] => [
    {
      kind: 'allowed',
      title: 'grassroots officer of grassrootsA',
      who: () => s.as('grassroots_officer', tree().grassrootsA),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'upper union officer of communeA, above grassrootsA (parents see below)',
      who: () => s.as('upper_union_officer', tree().communeA),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'grassroots chair of grassrootsA whose term starts today',
      who: () => s.as('grassroots_chair', tree().grassrootsA, 'starts today'),
      expect: ok(),
    },
  ];

  // ——— A member's cards ———

  /** A member of grassrootsA holding a printed card (the administrator printed it). */
  interface CardHolder {
    member: MemberDto;
    printed: PrintedCardDto;
  }
  const holderOfPrintedCard = async (): Promise<CardHolder> => {
    const member = await admitted(tree().grassrootsA);
    return { member, printed: await printedCardOf(member) };
  };
  const listsTheCard = (response: Response, T: CardHolder) =>
    expect(response.json<MemberCardsDto>()).toEqual({
      items: [
        {
          id: T.printed.cardId,
          kind: 'printed',
          unitName: tree().grassrootsA.name,
          issuedAt: T.printed.issuedAt,
          expiresAt: T.printed.expiresAt,
          deviceBound: false,
          revokedAt: null,
          revokedReason: null,
          valid: true,
        },
      ],
      can: { issue: true, revoke: true },
    });

  /** A member of grassrootsA who holds no card yet: a print makes one, a refusal must not. */
  const noCardYet = async (T: MemberDto) => expect((await cardsNow(T)).items).toEqual([]);
  const printsTheCard = async (response: Response, T: MemberDto) => {
    const printed = response.json<PrintedCardDto>();
    expect(printed.pdfUrl).toBe(`/api/v1/members/${T.id}/card.pdf`);
    expect(await verify(printed.presentation)).toMatchObject({
      valid: true,
      kind: 'printed',
      member: { memberCode: T.memberCode, fullName: T.fullName },
    });
    expect((await cardsNow(T)).items).toMatchObject([{ id: printed.cardId, kind: 'printed', valid: true }]);
  };
  const isTheCardSheet = async (response: Response, T: MemberDto) => {
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="the-doan-vien-${T.memberCode}.pdf"`,
    );
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await cardsNow(T)).items).toMatchObject([{ kind: 'printed', valid: true }]);
  };

  // ——— Turning a card off ———

  /** A member of grassrootsA who signs in, with a phone card bound to their phone and a printed card. */
  interface BothCards {
    member: MemberDto;
    self: SignedIn;
    phone: Phone;
    printed: PrintedCardDto;
  }
  const holderOfBothCards = async (): Promise<BothCards> => {
    const member = await admitted(tree().grassrootsA);
    const self = await selfOf(member);
    const phone = await bindPhone(self);
    return { member, self, phone, printed: await printedCardOf(member) };
  };
  interface Revocation {
    member: { id: number };
    body: { kind: 'phone' | 'printed'; reason?: 'device_lost' | 'reissued' };
  }
  const revokePrinted = (T: BothCards): Revocation => ({
    member: T.member,
    body: { kind: 'printed', reason: 'reissued' },
  });
  const revokePhone = (T: BothCards): Revocation => ({ member: T.member, body: { kind: 'phone' } });

  // ——— Printed cards for a whole subtree ———

  /** A fresh grassroots union under communeA with one active member and no card yet. */
  interface UnionToIssue {
    unit: TreeUnit;
    member: MemberDto;
  }
  const unionToIssue = async (): Promise<UnionToIssue> => {
    const unit = await s.freshGrassroots();
    return { unit, member: await admitted(unit) };
  };
  /** The job ran for the one member: a valid printed card, and a sheet to print. */
  const issuesTheCard = async (response: Response, T: UnionToIssue, caller: SignedIn) => {
    const { jobId } = response.json<{ jobId: number }>();
    expect(await finishedJob(s, caller, jobId)).toMatchObject({
      status: 'succeeded',
      result: { members: 1, issued: 1, replaced: 0, alreadyValid: 0, sheet: true },
    });
    expect((await cardsNow(T.member)).items).toMatchObject([{ kind: 'printed', valid: true }]);
  };

  /** A finished bulk issue of a fresh union, started by its chair; once per file. */
  interface IssueJob {
    id: number;
    unit: TreeUnit;
    owner: SignedIn;
  }
  let sharedIssueJob: Promise<IssueJob> | undefined;
  const issueJob = () =>
    (sharedIssueJob ??= (async () => {
      const { unit } = await unionToIssue();
      const owner = await s.as('grassroots_chair', unit);
      const response = await s.inject(owner.headers, {
        method: 'POST',
        url: `/api/v1/units/${unit.id}/cards/issue`,
        payload: {},
      });
      expectStatus(response, 202);
      const { jobId } = response.json<{ jobId: number }>();
      expect(await finishedJob(s, owner, jobId)).toMatchObject({
        status: 'succeeded',
        result: { sheet: true },
      });
      return { id: jobId, unit, owner };
    })());
  const starterOf = (T: IssueJob) => logIn(s.t, T.owner.login, TEST_PASSWORD);
  const isTheUnionsSheet = (response: Response, T: IssueJob) => {
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="the-doan-vien-${T.unit.id}.pdf"`,
    );
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  };
  /** A job of another kind (a member import) started by the same account. */
  const otherKindOfJob = async (T: IssueJob) => {
    const [row] = await s.t.db
      .insert(jobs)
      .values({ kind: IMPORT_JOB_KIND, status: 'succeeded', progress: 1, accountId: T.owner.accountId })
      .returning({ id: jobs.id });
    return { id: row!.id };
  };

  // ——— Member benefits ———

  /** A fresh union under communeA whose one member holds a printed card, and what a merchant sends. */
  interface CardShown {
    unit: TreeUnit;
    member: MemberDto;
    presentation: string;
  }
  const cardShown = async (): Promise<CardShown> => {
    const unit = await s.freshGrassroots();
    const member = await admitted(unit);
    return { unit, member, presentation: (await printedCardOf(member)).presentation };
  };
  interface BenefitUse {
    presentation: string;
    benefit: string;
    amountVnd?: number;
  }
  const useOf = (presentation: string): BenefitUse => ({
    presentation,
    benefit: 'Giảm 10% hoá đơn',
    amountVnd: 45_000,
  });
  /** The use is recorded, once, under the member's union, in the merchant's name. */
  const recordsTheUse = async (response: Response, T: CardShown) => {
    const body = response.json<RecordBenefitResponse>();
    expect(body).toMatchObject({
      valid: true,
      benefitUseId: expect.any(Number),
      member: { memberCode: T.member.memberCode },
    });
    expect((await benefitUsesIn(T.unit)).items).toEqual([
      {
        id: body.benefitUseId,
        usedAt: expect.any(String),
        memberName: T.member.fullName,
        memberCode: T.member.memberCode,
        unitName: T.unit.name,
        merchantName: TEST_ACCOUNT_NAME,
        benefit: 'Giảm 10% hoá đơn',
        amountVnd: 45_000,
      },
    ]);
  };

  /** A fresh union under communeA whose member used a benefit once (45.000 ₫); once per file. */
  interface UsedUnion {
    unit: TreeUnit;
    member: MemberDto;
    useId: number;
  }
  let sharedUsedUnion: Promise<UsedUnion> | undefined;
  const usedUnion = () =>
    (sharedUsedUnion ??= (async () => {
      const { unit, member, presentation } = await cardShown();
      const merchant = await s.as('partner_merchant', tree().hanoi);
      const response = await s.inject(merchant.headers, {
        method: 'POST',
        url: '/api/v1/cards/benefit-uses',
        payload: useOf(presentation),
      });
      expectStatus(response, 200);
      return { unit, member, useId: response.json<RecordBenefitResponse>().benefitUseId! };
    })());
  interface Aim {
    unit: { id: number };
    query: string;
  }
  const aimAt = (unit: { id: number }, query = ''): Aim => ({ unit, query });
  const getBenefits =
    (suffix: string) =>
    (headers: Headers, { unit, query }: Aim) =>
      s.inject(headers, {
        method: 'GET',
        url: `/api/v1/units/${unit.id}/benefit-uses${suffix}${query ? `?${query}` : ''}`,
      });
  const lineOf = (T: UsedUnion) => ({
    unitId: T.unit.id,
    name: T.unit.name,
    uses: 1,
    members: 1,
    amountVnd: 45_000,
  });
  const summaryOfTheUnion = (response: Response, T: UsedUnion) =>
    expect(response.json<BenefitSummaryDto>()).toEqual({
      unit: { id: T.unit.id, name: T.unit.name },
      from: null,
      to: null,
      total: { uses: 1, members: 1, amountVnd: 45_000 },
      children: [lineOf(T)],
    });
  const summaryOfCommuneA = (response: Response, T: UsedUnion) => {
    const body = response.json<BenefitSummaryDto>();
    expect(body.unit.id).toBe(tree().communeA.id);
    expect(body.children).toContainEqual(lineOf(T));
  };
  const usesOfTheUnion = (response: Response, T: UsedUnion) =>
    expect(response.json<BenefitUsePage>()).toEqual({
      items: [
        {
          id: T.useId,
          usedAt: expect.any(String),
          memberName: T.member.fullName,
          memberCode: T.member.memberCode,
          unitName: T.unit.name,
          merchantName: TEST_ACCOUNT_NAME,
          benefit: 'Giảm 10% hoá đơn',
          amountVnd: 45_000,
        },
      ],
      nextCursor: null,
    });
  const usesOfCommuneA = (response: Response, T: UsedUnion) =>
    expect(response.json<BenefitUsePage>().items.map((item) => item.id)).toContain(T.useId);

  /**
   * The callers of a benefit report on the union (a fresh one under communeA): its officers and those
   * above see it, nobody sees up or across. `query` is sent with every case.
   */
  const readOfUsedUnion = (
    check: (response: Response, T: UsedUnion) => unknown,
    checkCommuneA: (response: Response, T: UsedUnion) => unknown,
    query = '',
  ): Case<UsedUnion, Aim>[] => [
    {
      kind: 'allowed',
      title: 'grassroots officer of the union',
      who: (T) => s.as('grassroots_officer', T.unit),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'upper union officer of communeA, above it: the same figures',
      who: () => s.as('upper_union_officer', tree().communeA),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'upper union officer of communeA, for all of communeA: the union’s use is in it',
      who: () => s.as('upper_union_officer', tree().communeA),
      aim: () => aimAt(tree().communeA, query),
      expect: ok(checkCommuneA),
    },
    {
      kind: 'allowed',
      title: 'federation officer of Hà Nội, two levels above it',
      who: () => s.as('federation_officer', tree().hanoi),
      expect: ok(check),
    },
    {
      kind: 'allowed',
      title: 'grassroots chair of the union whose term ends today (still current)',
      who: (T) => s.as('grassroots_chair', T.unit, 'ends today'),
      expect: ok(),
    },
    {
      kind: 'sibling',
      title: 'grassroots chair of grassrootsA2, beside it',
      who: () => s.as('grassroots_chair', tree().grassrootsA2),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'grassroots officer of a branch of the union, below it, reaching up',
      who: async (T) => s.as('grassroots_officer', await s.addUnit(T.unit, 'union_branch')),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'grassroots chair of the union reaching up to communeA',
      who: (T) => s.as('grassroots_chair', T.unit),
      aim: () => aimAt(tree().communeA, query),
      expect: notFound(),
    },
    {
      kind: 'parent',
      title: 'upper union officer of communeA reaching up to Hà Nội',
      who: () => s.as('upper_union_officer', tree().communeA),
      aim: () => aimAt(tree().hanoi, query),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'upper union officer of communeB (the union is a child of communeA)',
      who: () => s.as('upper_union_officer', tree().communeB),
      expect: notFound(),
    },
    {
      kind: 'child',
      title: 'federation officer of HCMC (the union lies in Hà Nội)',
      who: () => s.as('federation_officer', tree().hcm),
      expect: notFound(),
    },
    {
      kind: 'permission elsewhere',
      title:
        'partner merchant of Hà Nội (records benefits there) and chair of grassrootsA2 (reads them there)',
      who: () =>
        s.asMany(
          { role: 'partner_merchant', unit: tree().hanoi },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'permission elsewhere',
      title: 'legal adviser of communeA (sees the union) and officer of grassrootsA2 (reads benefits there)',
      who: () =>
        s.asMany(
          { role: 'legal_adviser', unit: tree().communeA },
          { role: 'grassroots_officer', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'expired',
      title: 'grassroots officer of the union whose term ended yesterday',
      who: (T) => s.as('grassroots_officer', T.unit, 'expired'),
      expect: denied,
    },
    {
      kind: 'expired',
      title: 'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
      who: () =>
        s.asMany(
          { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
          { role: 'grassroots_chair', unit: tree().grassrootsA2 },
        ),
      expect: notFound(),
    },
    {
      kind: 'future',
      title: 'grassroots officer of the union whose term starts tomorrow',
      who: (T) => s.as('grassroots_officer', T.unit, 'future'),
      expect: denied,
    },
    { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
    {
      kind: 'lacks permission',
      title: 'member of the union (the role grants no card permission)',
      who: (T) => s.as('member', T.unit),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'legal adviser of communeA (units.read only)',
      who: () => s.as('legal_adviser', tree().communeA),
      expect: denied,
    },
    {
      kind: 'lacks permission',
      title: 'partner merchant of Hà Nội, where the use was recorded (records, never reads the programme)',
      who: () => s.as('partner_merchant', tree().hanoi),
      expect: denied,
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id no unit has (same answer as out of scope)',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => aimAt({ id: MISSING_ID }, query),
      expect: notFound(),
    },
    {
      kind: 'missing',
      title: 'federation officer of Hà Nội asking for an id beyond the integer range: refused as input',
      who: () => s.as('federation_officer', tree().hanoi),
      aim: () => aimAt({ id: OUT_OF_RANGE_ID }, query),
      expect: invalid,
    },
  ];

  return {
    'GET /api/v1/members/:id/cards': routeSpec({
      target: holderOfPrintedCard,
      aim: (T: CardHolder): { id: number } => T.member,
      send: (headers: Headers, member: { id: number }) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/members/${member.id}/cards` }),
      cases: [
        ...rightlyPlaced<CardHolder, { id: number }>(listsTheCard),
        ...misplacedForMemberOfGrassrootsA<CardHolder, { id: number }>((T) => selfOf(T.member)),
        ...missingMember<CardHolder, { id: number }>((_T, id) => ({ id })),
      ],
    }),

    'GET /api/v1/members/:id/card': routeSpec({
      target: () => admitted(tree().grassrootsA),
      send: (headers: Headers, member: { id: number }) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/members/${member.id}/card` }),
      // A print makes the card: a refused one must make none.
      unchanged: noCardYet,
      cases: [
        ...rightlyPlaced<MemberDto, { id: number }>(printsTheCard),
        ...misplacedForMemberOfGrassrootsA<MemberDto, { id: number }>(selfOf),
        ...missingMember<MemberDto, { id: number }>((_T, id) => ({ id })),
      ],
    }),

    'GET /api/v1/members/:id/card.pdf': routeSpec({
      target: () => admitted(tree().grassrootsA),
      send: (headers: Headers, member: { id: number }) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/members/${member.id}/card.pdf` }),
      unchanged: noCardYet,
      cases: [
        ...rightlyPlaced<MemberDto, { id: number }>(isTheCardSheet),
        ...misplacedForMemberOfGrassrootsA<MemberDto, { id: number }>(selfOf),
        ...missingMember<MemberDto, { id: number }>((_T, id) => ({ id })),
      ],
    }),

    'POST /api/v1/members/:id/cards/revoke': routeSpec({
      target: holderOfBothCards,
      aim: revokePrinted,
      send: (headers: Headers, { member, body }: Revocation) =>
        s.inject(headers, {
          method: 'POST',
          url: `/api/v1/members/${member.id}/cards/revoke`,
          payload: body,
        }),
      // A refusal leaves both cards on: each still verifies, and the officer's list shows them valid.
      unchanged: async (T) => {
        expect(await verify(T.printed.presentation)).toMatchObject({ valid: true, kind: 'printed' });
        expect(await verify(await T.phone.present())).toMatchObject({ valid: true, kind: 'phone' });
        const now = await cardsNow(T.member);
        expect(now.items.map((card) => `${card.kind}: ${card.valid ? 'valid' : 'off'}`).sort()).toEqual([
          'phone: valid',
          'printed: valid',
        ]);
      },
      cases: [
        {
          kind: 'allowed',
          title:
            'grassroots officer of grassrootsA turns the printed card off (reissued); the phone stays on',
          who: () => s.as('grassroots_officer', tree().grassrootsA),
          expect: {
            status: 204,
            check: async (_response, T: BothCards) => {
              expect(await verify(T.printed.presentation)).toMatchObject({
                valid: false,
                reason: 'card_replaced',
              });
              expect(await verify(await T.phone.present())).toMatchObject({ valid: true });
              expect((await cardsNow(T.member)).items).toContainEqual(
                expect.objectContaining({ id: T.printed.cardId, revokedReason: 'reissued', valid: false }),
              );
            },
          },
        },
        {
          kind: 'allowed',
          title:
            'upper union officer of communeA, above it, turns off the lost phone; the printed card stays on',
          who: () => s.as('upper_union_officer', tree().communeA),
          aim: revokePhone,
          expect: {
            status: 204,
            check: async (_response, T: BothCards) => {
              expect(await verify(await T.phone.present())).toMatchObject({
                valid: false,
                reason: 'revoked',
              });
              expect(await verify(T.printed.presentation)).toMatchObject({ valid: true });
            },
          },
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of grassrootsA whose term starts today',
          who: () => s.as('grassroots_chair', tree().grassrootsA, 'starts today'),
          expect: { status: 204 },
        },
        ...misplacedForMemberOfGrassrootsA<BothCards, Revocation>((T) => Promise.resolve(T.self)),
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2 turning off the member’s phone',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: revokePhone,
          expect: notFound('member.not_found'),
        },
        {
          kind: 'sibling',
          title:
            'grassroots chair of grassrootsA2 naming a member of grassrootsA with no phone card: not card.no_phone_card, which would tell them the member exists',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          aim: async (): Promise<Revocation> => ({
            member: await admitted(tree().grassrootsA),
            body: { kind: 'phone' },
          }),
          expect: notFound('member.not_found'),
        },
        ...missingMember<BothCards, Revocation>((_T, id) => ({
          member: { id },
          body: { kind: 'printed', reason: 'reissued' },
        })),
      ],
    }),

    'POST /api/v1/units/:id/cards/issue': routeSpec({
      target: unionToIssue,
      aim: (T: UnionToIssue): { id: number } => T.unit,
      send: (headers: Headers, unit: { id: number }) =>
        s.inject(headers, { method: 'POST', url: `/api/v1/units/${unit.id}/cards/issue`, payload: {} }),
      // A refusal queues nothing, for the union or wherever the request aimed, and issues no card.
      unchanged: async (T, aimed) => {
        expect(await bulkIssueJobsFor(s, T.unit, aimed)).toBe(0);
        expect((await cardsNow(T.member)).items).toEqual([]);
      },
      cases: [
        {
          kind: 'allowed',
          title: 'grassroots officer of the union: the job issues the member’s card and prints a sheet',
          who: (T) => s.as('grassroots_officer', T.unit),
          expect: accepted(issuesTheCard),
        },
        {
          kind: 'allowed',
          title: 'upper union officer of communeA, above it',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: accepted(issuesTheCard),
        },
        {
          kind: 'allowed',
          title: 'federation officer of Hà Nội, two levels above it',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: accepted(issuesTheCard),
        },
        {
          kind: 'allowed',
          title: 'grassroots chair of the union whose term ends today (still current)',
          who: (T) => s.as('grassroots_chair', T.unit, 'ends today'),
          expect: accepted(issuesTheCard),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2, beside it',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch of the union, below it, reaching up',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T.unit, 'union_branch')),
          expect: notFound(),
        },
        {
          kind: 'parent',
          title: 'grassroots chair of the union reaching up to all of communeA',
          who: (T) => s.as('grassroots_chair', T.unit),
          aim: () => tree().communeA,
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB (the union is a child of communeA)',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: notFound(),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC (the union lies in Hà Nội)',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound(),
        },
        {
          kind: 'permission elsewhere',
          title:
            'partner merchant of Hà Nội (above the union, records benefits only) and chair of grassrootsA2',
          who: () =>
            s.asMany(
              { role: 'partner_merchant', unit: tree().hanoi },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound(),
        },
        {
          kind: 'permission elsewhere',
          title: 'legal adviser of communeA (sees the union) and officer of grassrootsA2 (issues there)',
          who: () =>
            s.asMany(
              { role: 'legal_adviser', unit: tree().communeA },
              { role: 'grassroots_officer', unit: tree().grassrootsA2 },
            ),
          expect: notFound(),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of the union whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T.unit, 'expired'),
          expect: denied,
        },
        {
          kind: 'expired',
          title:
            'term at communeA ended yesterday, current chair of grassrootsA2: the old term widens nothing',
          who: () =>
            s.asMany(
              { role: 'upper_union_officer', unit: tree().communeA, termEnd: daysFromToday(-1) },
              { role: 'grassroots_chair', unit: tree().grassrootsA2 },
            ),
          expect: notFound(),
        },
        {
          kind: 'future',
          title: 'grassroots chair of the union whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T.unit, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of the union (the role grants no card permission)',
          who: (T) => s.as('member', T.unit),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'legal adviser of communeA (units.read only)',
          who: () => s.as('legal_adviser', tree().communeA),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'partner merchant of Hà Nội (cards.benefits.record only)',
          who: () => s.as('partner_merchant', tree().hanoi),
          expect: denied,
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội naming an id no unit has (same answer as out of scope)',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ id: MISSING_ID }),
          expect: notFound(),
        },
        {
          kind: 'missing',
          title: 'federation officer of Hà Nội naming an id beyond the integer range: refused as input',
          who: () => s.as('federation_officer', tree().hanoi),
          aim: () => ({ id: OUT_OF_RANGE_ID }),
          expect: invalid,
        },
      ],
    }),

    'GET /api/v1/cards/print-files/:id': routeSpec({
      target: issueJob,
      aim: (T: IssueJob) => ({ id: T.id }),
      send: (headers: Headers, { id }: { id: number }) =>
        s.inject(headers, { method: 'GET', url: `/api/v1/cards/print-files/${id}` }),
      cases: [
        {
          kind: 'allowed',
          title: 'the grassroots chair who started the job: the union’s card sheet',
          who: starterOf,
          expect: ok(isTheUnionsSheet),
        },
        {
          kind: 'sibling',
          title: 'another grassroots chair of the union (the same office, beside the one who started it)',
          who: (T) => s.as('grassroots_chair', T.unit),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'sibling',
          title: 'upper union officer of communeA, who sees the union but did not start the job',
          who: () => s.as('upper_union_officer', tree().communeA),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'sibling',
          title: 'grassroots chair of grassrootsA2, beside the union',
          who: () => s.as('grassroots_chair', tree().grassrootsA2),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'parent',
          title: 'grassroots officer of a branch of the union, below it, reaching up',
          who: async (T) => s.as('grassroots_officer', await s.addUnit(T.unit, 'union_branch')),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'child',
          title: 'upper union officer of communeB (the union is a child of communeA)',
          who: () => s.as('upper_union_officer', tree().communeB),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'child',
          title: 'federation officer of HCMC (the union lies in Hà Nội)',
          who: () => s.as('federation_officer', tree().hcm),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'expired',
          title: 'grassroots chair of the union whose term ended yesterday',
          who: (T) => s.as('grassroots_chair', T.unit, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'grassroots chair of the union whose term starts tomorrow',
          who: (T) => s.as('grassroots_chair', T.unit, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'member of the union',
          who: (T) => s.as('member', T.unit),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'partner merchant of Hà Nội (cards.benefits.record only)',
          who: () => s.as('partner_merchant', tree().hanoi),
          expect: denied,
        },
        {
          kind: 'missing',
          title: 'the chair who started it, asking for an id no job has',
          who: starterOf,
          aim: () => ({ id: MISSING_ID }),
          expect: notFound('job.not_found'),
        },
        {
          kind: 'missing',
          title: 'the chair who started it, naming its own job of another kind (an import)',
          who: starterOf,
          aim: otherKindOfJob,
          expect: notFound('job.not_found'),
        },
        {
          kind: 'missing',
          title: 'the chair who started it, asking for an id beyond the integer range: refused as input',
          who: starterOf,
          aim: () => ({ id: OUT_OF_RANGE_ID }),
          expect: invalid,
        },
      ],
    }),

    'POST /api/v1/cards/benefit-uses': routeSpec({
      target: cardShown,
      aim: (T: CardShown): BenefitUse => useOf(T.presentation),
      send: (headers: Headers, use: BenefitUse) =>
        s.inject(headers, { method: 'POST', url: '/api/v1/cards/benefit-uses', payload: use }),
      // A refused call records nothing.
      unchanged: async (T) => expect((await benefitUsesIn(T.unit)).items).toEqual([]),
      cases: [
        {
          kind: 'allowed',
          title: 'partner merchant of Hà Nội, where the member’s union lies',
          who: () => s.as('partner_merchant', tree().hanoi),
          expect: ok(recordsTheUse),
        },
        {
          kind: 'allowed',
          title: 'partner merchant of HCMC (the member is in Hà Nội: the programme is national)',
          who: () => s.as('partner_merchant', tree().hcm),
          expect: ok(recordsTheUse),
        },
        {
          kind: 'allowed',
          title: 'partner merchant of HCMC, shown the card on the member’s phone (a fresh proof by its key)',
          who: () => s.as('partner_merchant', tree().hcm),
          aim: async (T) => {
            const phone = await bindPhone(await selfOf(T.member));
            return useOf(await phone.present());
          },
          expect: ok(recordsTheUse),
        },
        {
          kind: 'allowed',
          title: 'partner merchant of Hà Nội whose term ends today (still current)',
          who: () => s.as('partner_merchant', tree().hanoi, 'ends today'),
          expect: ok(recordsTheUse),
        },
        {
          kind: 'expired',
          title: 'partner merchant of Hà Nội whose term ended yesterday',
          who: () => s.as('partner_merchant', tree().hanoi, 'expired'),
          expect: denied,
        },
        {
          kind: 'future',
          title: 'partner merchant of Hà Nội whose term starts tomorrow',
          who: () => s.as('partner_merchant', tree().hanoi, 'future'),
          expect: denied,
        },
        { kind: 'no office', title: 'an account with no office', who: () => s.nobody(), expect: denied },
        {
          kind: 'lacks permission',
          title: 'grassroots chair of the member’s union (officers read benefit use, never record it)',
          who: (T) => s.as('grassroots_chair', T.unit),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'federation officer of Hà Nội',
          who: () => s.as('federation_officer', tree().hanoi),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'the confederation administrator',
          who: () => Promise.resolve(s.admin),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'member of the union',
          who: (T) => s.as('member', T.unit),
          expect: denied,
        },
        {
          kind: 'lacks permission',
          title: 'the member themself, showing their own card',
          who: (T) => selfOf(T.member),
          expect: denied,
        },
        {
          kind: 'missing',
          title:
            'partner merchant of Hà Nội shown a card the platform never signed: valid:false, nothing recorded',
          who: () => s.as('partner_merchant', tree().hanoi),
          aim: () => useOf('khong-phai-the-doan-vien'),
          expect: ok(async (response, T: CardShown) => {
            expect(response.json<RecordBenefitResponse>()).toEqual({ valid: false, reason: 'malformed' });
            expect((await benefitUsesIn(T.unit)).items).toEqual([]);
          }),
        },
      ],
    }),

    'GET /api/v1/units/:id/benefit-uses/summary': routeSpec({
      target: usedUnion,
      aim: (T: UsedUnion): Aim => aimAt(T.unit),
      send: getBenefits('/summary'),
      cases: readOfUsedUnion(summaryOfTheUnion, summaryOfCommuneA),
    }),

    'GET /api/v1/units/:id/benefit-uses': routeSpec({
      target: usedUnion,
      aim: (T: UsedUnion): Aim => aimAt(T.unit, 'limit=100'),
      send: getBenefits(''),
      cases: readOfUsedUnion(usesOfTheUnion, usesOfCommuneA, 'limit=100'),
    }),
  };
}
