import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { centurySexDigit } from '@union/contracts/citizen-id';
import { ERROR_MESSAGES, type ErrorCode } from '@union/contracts/errors';
import { MemberDto } from '@union/contracts/members';
import type {
  AdmitMemberBody,
  CorrectionDto,
  MemberEventType,
  MemberPage,
  OwnMemberDto,
  TransferDto,
} from '@union/contracts/members';
import type { UnitDto } from '@union/contracts/units';
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
import { unsafeAssignOffice, unsafeCreateAccount } from '../accounts/index.js';
import { isValidMemberCode } from './member-codes.js';
import { replay } from './member-lifecycle.js';

type Tree = Awaited<ReturnType<typeof givenUnitTree>>;
type Response = LightMyRequestResponse;
type Sex = 'male' | 'female';

describe('members', () => {
  let t: TestApp;
  let tree: Tree;
  let admin: SignedIn;
  /** Chairs of the test tree's grassroots unions, an officer of grassrootsA, an officer of communeA. */
  let chairA: SignedIn;
  let chairB: SignedIn;
  let officerA: SignedIn;
  let communeAOfficer: SignedIn;
  const today = () => daysFromToday(0);

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload }),
    });

  /** The error has this code, its Vietnamese message, and `details` when given (whatever the status). */
  const expectCode = (response: Response, code: ErrorCode, details?: object) =>
    expect(response.json().error).toEqual(
      expect.objectContaining({ code, message: ERROR_MESSAGES[code].vi, ...(details ? { details } : {}) }),
    );

  /** The error is exactly this code with its Vietnamese message (and `details` when given). */
  const expectError = (response: Response, status: number, code: ErrorCode, details?: object) => {
    expect({ status: response.statusCode, error: response.json().error }).toEqual({
      status,
      error: expect.objectContaining({
        code,
        message: ERROR_MESSAGES[code].vi,
        ...(details ? { details } : {}),
      }),
    });
  };

  let serial = 0;
  /** A citizen ID whose province, century/sex and year digits agree with the person; unique in this file. */
  const citizenIdFor = (birthDate: string, sex: Sex) =>
    `001${centurySexDigit(Number(birthDate.slice(0, 4)), sex)}${birthDate.slice(2, 4)}${String(++serial).padStart(6, '0')}`;

  /** Someone to admit: a man born 1990 with a matching citizen ID, joined 10/01/2024, unless told otherwise. */
  const person = (unit: TreeUnit, overrides: Partial<AdmitMemberBody> = {}): AdmitMemberBody => {
    const birthDate = overrides.birthDate ?? '1990-05-01';
    const sex = (overrides.sex ?? 'male') as Sex;
    return {
      unitId: unit.id,
      fullName: 'Phạm Văn Thử',
      birthDate,
      sex,
      citizenId: citizenIdFor(birthDate, sex),
      joinedAt: '2024-01-10',
      ...overrides,
    };
  };

  const admit = async (who: SignedIn, unit: TreeUnit, overrides: Partial<AdmitMemberBody> = {}) => {
    const response = await api('POST', '/members', who, person(unit, overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MemberDto>();
  };

  const getMember = (who: SignedIn, id: number) => api('GET', `/members/${id}`, who);
  const memberNow = async (id: number) => {
    const response = await getMember(admin, id);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MemberDto>();
  };

  const event = (who: SignedIn, id: number, body: { type: string; date: string; toUnitId?: number }) =>
    api('POST', `/members/${id}/events`, who, body);
  const recordEvent = async (who: SignedIn, id: number, type: string, date: string) => {
    const response = await event(who, id, { type, date });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ completed: boolean; member: MemberDto }>().member;
  };

  const list = async (who: SignedIn, query: Record<string, string | number>) => {
    const params = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const response = await api('GET', `/members?${params}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MemberPage>();
  };

  /** Follows the cursor to the end: every page's ids, in order. */
  const allPages = async (who: SignedIn, query: Record<string, string | number>) => {
    const pages: number[][] = [];
    let cursor: string | null = null;
    do {
      const page: MemberPage = await list(who, { ...query, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.map((item) => item.id));
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return pages;
  };

  const addUnit = async (
    parent: TreeUnit,
    type: UnitDto['type'],
    name: string,
    who: SignedIn = admin,
  ): Promise<TreeUnit> => {
    const response = await api('POST', '/units', who, { parentId: parent.id, type, name });
    expect(response.statusCode, response.body).toBe(201);
    const unit = response.json<UnitDto>();
    return {
      id: unit.id,
      name: unit.name,
      path: unit.path,
      depth: unit.depth,
      provinceId: unit.provinceId,
      type,
    };
  };

  const rowOf = async (id: number) => {
    const [row] = await queryRows<{
      unit_id: number;
      grassroots_unit_id: number;
      unit_path: string;
      province_id: number;
      status: string;
      ethnicity: string | null;
      religion: string | null;
    }>(t.db, sql`select * from members where id = ${id}`);
    return row!;
  };
  const countWithCitizenId = async (citizenId: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from members where citizen_id = ${citizenId}`,
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await buildTestApp();
    tree = await givenUnitTree(t);
    admin = await signInAsAdmin(t);
    [chairA, chairB, officerA, communeAOfficer] = await Promise.all([
      signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsA }),
      signInAs(t, { role: 'grassroots_chair', unit: tree.grassrootsB }),
      signInAs(t, { role: 'grassroots_officer', unit: tree.grassrootsA }),
      signInAs(t, { role: 'upper_union_officer', unit: tree.communeA }),
    ]);
  });
  afterAll(() => t.close());

  describe('POST /members: admission', () => {
    it('admits a member: 201 with the clean record, a new member code, status active, and the admission in the history', async () => {
      const birthDate = '1995-08-20';
      const citizenId = citizenIdFor(birthDate, 'female');
      const response = await api('POST', '/members', chairA, {
        unitId: tree.branchA.id,
        fullName: ' Lê  Thị Hồng ',
        birthDate,
        sex: 'female',
        citizenId,
        phone: '0912 000 001',
        email: 'Hong.Le@Example.VN',
        employerName: 'Công ty TNHH Thử Nghiệm A',
        employerTaxCode: '0101234567',
        contractType: 'fixed_term',
        contractMonths: 36,
        provinceCode: '01',
        communeCode: '00004',
        joinedAt: '2024-01-10',
        applicationDate: '2024-01-02',
      });
      expect(response.statusCode, response.body).toBe(201);
      const member = response.json<MemberDto>();
      expect(member).toMatchObject({
        status: 'active',
        honorary: false,
        duesExempt: false,
        unitId: tree.branchA.id,
        unitName: tree.branchA.name,
        grassrootsUnitId: tree.grassrootsA.id,
        grassrootsUnitName: tree.grassrootsA.name,
        fullName: 'Lê Thị Hồng',
        birthDate,
        sex: 'female',
        citizenId,
        nationality: 'VN',
        passportNumber: null,
        ethnicity: null,
        religion: null,
        sensitiveHidden: false,
        sensitiveDataConsentAt: null,
        phone: '+84912000001',
        email: 'hong.le@example.vn',
        employerName: 'Công ty TNHH Thử Nghiệm A',
        employerTaxCode: '0101234567',
        contractType: 'fixed_term',
        contractMonths: 36,
        provinceCode: '01',
        communeCode: '00004',
        joinedAt: '2024-01-10',
        pendingTransferId: null,
        can: { update: true, recordEvents: true, transfer: true },
      });
      // The body is the contract's MemberDto, and nothing more.
      expect(MemberDto.strict().parse(member)).toEqual(member);
      expect(member.memberCode).toMatch(/^DV\d{10}$/);
      expect(isValidMemberCode(member.memberCode)).toBe(true);
      expect(member.history).toHaveLength(1);
      expect(member.history[0]).toMatchObject({
        type: 'admit',
        effectiveOn: '2024-01-10',
        unitId: tree.branchA.id,
        unitName: tree.branchA.name,
        toUnitId: null,
        changes: null,
        recordedByName: 'Người Thử Nghiệm',
      });
      expect(await rowOf(member.id)).toMatchObject({
        unit_id: tree.branchA.id,
        grassroots_unit_id: tree.grassrootsA.id,
        unit_path: tree.branchA.path,
        province_id: tree.hanoi.id,
        status: 'active',
      });
    });

    it('gives every member a different valid code, and the joined date defaults to today', async () => {
      const admitted = [];
      for (let i = 0; i < 4; i++)
        admitted.push(
          await admit(chairA, tree.grassrootsA, { joinedAt: undefined, fullName: `Phạm Văn Mã` }),
        );
      const codes = admitted.map((member) => member.memberCode);
      expect(new Set(codes).size).toBe(4);
      expect(codes.every(isValidMemberCode)).toBe(true);
      expect(admitted.map((member) => member.joinedAt)).toEqual([today(), today(), today(), today()]);
      const [stored] = await queryRows<{ n: number; codes: number }>(
        t.db,
        sql`select count(*)::int as n, count(distinct member_code)::int as codes from members`,
      );
      expect(stored!.codes).toBe(stored!.n);
    });

    it('refuses a record that breaks the rules: 422 naming each bad field, in Vietnamese, and stores nothing', async () => {
      const response = await api('POST', '/members', chairA, {
        unitId: tree.grassrootsA.id,
        fullName: 'Nguyễn Văn 3',
        birthDate: '1990-02-31',
        sex: 'male',
        citizenId: '00109001234',
        phone: '02438251234',
        email: 'an@',
        provinceCode: '1',
        communeCode: '123',
        employerTaxCode: '12345',
        contractType: 'fixed_term',
        joinedAt: daysFromToday(1),
      });
      const field = (path: string, code: ErrorCode) => ({ path, code, message: ERROR_MESSAGES[code].vi });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toEqual({
        code: 'member.record_invalid',
        message: ERROR_MESSAGES['member.record_invalid'].vi,
        fields: [
          field('fullName', 'member.full_name_invalid'),
          field('birthDate', 'member.date_invalid'),
          field('citizenId', 'citizen_id.format'),
          field('phone', 'member.phone_invalid'),
          field('email', 'member.email_invalid'),
          field('provinceCode', 'member.province_code_invalid'),
          field('communeCode', 'member.commune_code_invalid'),
          field('employerTaxCode', 'member.tax_code_invalid'),
          field('contractMonths', 'member.contract_months_required'),
          field('joinedAt', 'member.date_in_future'),
        ],
      });
      const [stored] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from members where full_name = 'Nguyễn Văn 3'`,
      );
      expect(stored!.n).toBe(0);
    });

    it.each<[string, Partial<AdmitMemberBody>, string, ErrorCode]>([
      [
        'a citizen ID whose 4th digit says woman',
        { citizenId: '001190999001' },
        'citizenId',
        'citizen_id.century_sex',
      ],
      [
        'a citizen ID of another birth year',
        { citizenId: '001091999001' },
        'citizenId',
        'citizen_id.birth_year',
      ],
      [
        'a citizen ID from no province',
        { citizenId: '003090999001' },
        'citizenId',
        'citizen_id.birth_province',
      ],
      ['the old 9-digit ID as citizen ID', { citizenId: '012345678' }, 'citizenId', 'citizen_id.format'],
      [
        'a birth date in the future',
        { birthDate: daysFromToday(1), citizenId: null },
        'birthDate',
        'member.date_in_future',
      ],
      [
        'a 14-year-old',
        { birthDate: '2009-01-11', citizenId: null, joinedAt: '2024-01-10' },
        'birthDate',
        'member.too_young',
      ],
      [
        'a foreigner on an 11-month contract',
        {
          nationality: 'KR',
          citizenId: null,
          passportNumber: 'M1234567',
          contractType: 'fixed_term',
          contractMonths: 11,
        },
        'contractMonths',
        'member.foreign_contract_too_short',
      ],
      [
        'a foreigner without a passport',
        { nationality: 'JP', citizenId: null, contractType: 'indefinite' },
        'passportNumber',
        'member.passport_required',
      ],
      ['ethnicity without consent', { ethnicity: 'Tày' }, 'ethnicity', 'member.sensitive_needs_consent'],
    ])('refuses %s with 422 on that field alone', async (_title, overrides, path, code) => {
      const response = await api('POST', '/members', chairA, person(tree.grassrootsA, overrides));
      expectError(response, 422, 'member.record_invalid');
      expect(response.json().error.fields).toEqual([{ path, code, message: ERROR_MESSAGES[code].vi }]);
    });

    it('admits a 15-year-old on the day of their birthday', async () => {
      const member = await admit(chairA, tree.grassrootsA, {
        birthDate: '2009-01-10',
        sex: 'female',
        joinedAt: '2024-01-10',
      });
      expect(member.birthDate).toBe('2009-01-10');
    });

    it('answers in English when asked', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...chairA.headers, 'accept-language': 'en' },
        payload: person(tree.grassrootsA, { phone: '1900' }),
      });
      expect(response.json().error).toEqual({
        code: 'member.record_invalid',
        message: 'Some member details are invalid.',
        fields: [
          {
            path: 'phone',
            code: 'member.phone_invalid',
            message: 'A mobile number has 10 digits starting 03, 05, 07, 08 or 09 (or +84).',
          },
        ],
      });
    });

    it('answers values of the wrong JSON type with 400, naming each field', async () => {
      const response = await api('POST', '/members', chairA, {
        unitId: 'grassroots',
        fullName: 42,
        birthDate: 19900501,
        sex: true,
        citizenId: 1090012345,
        contractMonths: 'mười hai',
        sensitiveDataConsent: 'yes',
      });
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('validation.failed');
      expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(
        [
          'birthDate',
          'citizenId',
          'contractMonths',
          'fullName',
          'sensitiveDataConsent',
          'sex',
          'unitId',
        ].sort(),
      );
      expect(error.fields.every((f: { message: string }) => f.message.length > 0)).toBe(true);
    });

    it('answers malformed JSON with 400', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/members',
        headers: { ...chairA.headers, 'content-type': 'application/json' },
        payload: '{"unitId": 5, "fullName": ',
      });
      expectError(response, 400, 'request.malformed_json');
    });

    it('admits only into a grassroots union or a branch or group in one', async () => {
      expectError(
        await api('POST', '/members', admin, person(tree.communeA)),
        422,
        'member.unit_not_grassroots',
      );
      expectError(await api('POST', '/members', chairA, person(tree.grassrootsB)), 404, 'unit.not_found');
      expectError(
        await api('POST', '/members', chairA, { ...person(tree.grassrootsA), unitId: 2_000_000_000 }),
        404,
        'unit.not_found',
      );
      const grouped = await admit(chairA, tree.groupA);
      expect(grouped).toMatchObject({ unitId: tree.groupA.id, grassrootsUnitId: tree.grassrootsA.id });
    });
  });

  describe('one person, one membership', () => {
    it('refuses a citizen ID current in another union, naming the holder only to an officer who may see it', async () => {
      const holder = await admit(chairA, tree.grassrootsA, { fullName: 'Hoàng Văn Giữ' });
      const again = { fullName: 'Hoàng Văn Giữ', citizenId: holder.citizenId! };

      const outside = await api('POST', '/members', chairB, person(tree.grassrootsB, again));
      expect(outside.statusCode).toBe(409);
      expect(outside.json().error).toEqual({
        code: 'member.citizen_id_taken',
        message: ERROR_MESSAGES['member.citizen_id_taken'].vi,
        details: { inScope: false, transferPossible: true },
      });

      const above = await api('POST', '/members', communeAOfficer, person(tree.grassrootsA2, again));
      expect(above.statusCode).toBe(409);
      expect(above.json().error.details).toEqual({
        inScope: true,
        memberId: holder.id,
        memberCode: holder.memberCode,
        unitName: tree.grassrootsA.name,
        transferPossible: false,
      });
      expect(await countWithCitizenId(holder.citizenId!)).toBe(1);
    });

    it('lets exactly one of 10 simultaneous admissions of one citizen ID, in two unions, through', async () => {
      const citizenId = citizenIdFor('1988-03-03', 'male');
      const body = (unit: TreeUnit) =>
        person(unit, { fullName: 'Đinh Văn Đồng', birthDate: '1988-03-03', citizenId });
      const attempts = Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? api('POST', '/members', chairA, body(tree.grassrootsA)).then((r) => ({
              r,
              unit: tree.grassrootsA,
            }))
          : api('POST', '/members', chairB, body(tree.grassrootsB)).then((r) => ({
              r,
              unit: tree.grassrootsB,
            })),
      );
      const outcomes = await Promise.all(attempts);
      expect(outcomes.map(({ r }) => r.statusCode).sort()).toEqual([
        201, 409, 409, 409, 409, 409, 409, 409, 409, 409,
      ]);
      const winner = outcomes.find(({ r }) => r.statusCode === 201)!;
      const winnerId = winner.r.json<MemberDto>().id;
      for (const { r, unit } of outcomes.filter(({ r }) => r.statusCode === 409)) {
        const sameUnion = unit.id === winner.unit.id;
        expect(r.json().error).toMatchObject({
          code: 'member.citizen_id_taken',
          details: sameUnion
            ? { inScope: true, memberId: winnerId, unitName: winner.unit.name, transferPossible: false }
            : { inScope: false, transferPossible: true },
        });
      }
      expect(await countWithCitizenId(citizenId)).toBe(1);
      const events = await queryRows<{ type: string }>(
        t.db,
        sql`select type from member_events where member_id = ${winnerId}`,
      );
      expect(events).toEqual([{ type: 'admit' }]);
    });

    it('lets exactly one of 10 simultaneous admissions of one passport through', async () => {
      const foreigner = (unit: TreeUnit) =>
        person(unit, {
          fullName: 'Park Ji Sung',
          nationality: 'KR',
          citizenId: null,
          passportNumber: 'M7654321',
          contractType: 'indefinite',
        });
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? api('POST', '/members', chairA, foreigner(tree.grassrootsA))
            : api('POST', '/members', chairB, foreigner(tree.grassrootsB)),
        ),
      );
      expect(outcomes.map((r) => r.statusCode).sort()).toEqual([
        201, 409, 409, 409, 409, 409, 409, 409, 409, 409,
      ]);
      expect(
        outcomes
          .filter((r) => r.statusCode === 409)
          .every((r) => r.json().error.code === 'member.passport_taken'),
      ).toBe(true);
      const [stored] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from members where passport_number = 'M7654321'`,
      );
      expect(stored!.n).toBe(1);
    });

    it('readmits a former member elsewhere on the same record and code, with a readmit event', async () => {
      const former = await admit(chairA, tree.grassrootsA, { fullName: 'Bùi Thị Về', sex: 'female' });
      await recordEvent(chairA, former.id, 'leave', '2024-06-01');

      const tooEarly = await api(
        'POST',
        '/members',
        chairB,
        person(tree.grassrootsB, {
          fullName: 'Bùi Thị Về',
          sex: 'female',
          citizenId: former.citizenId,
          joinedAt: '2024-05-31',
        }),
      );
      expectError(tooEarly, 422, 'member.event_before_last');

      const response = await api(
        'POST',
        '/members',
        chairB,
        person(tree.grassrootsB, {
          fullName: 'Bùi Thị Về',
          sex: 'female',
          citizenId: former.citizenId,
          phone: '0988 000 123',
          joinedAt: '2025-01-15',
        }),
      );
      expect(response.statusCode, response.body).toBe(201);
      const again = response.json<MemberDto>();
      expect(again).toMatchObject({
        id: former.id,
        memberCode: former.memberCode,
        status: 'active',
        unitId: tree.grassrootsB.id,
        grassrootsUnitId: tree.grassrootsB.id,
        phone: '+84988000123',
        // The date the person first joined stays; the return is an event.
        joinedAt: former.joinedAt,
      });
      expect(again.history.map((e) => [e.type, e.effectiveOn, e.unitId])).toEqual([
        ['admit', '2024-01-10', tree.grassrootsA.id],
        ['leave', '2024-06-01', tree.grassrootsA.id],
        ['readmit', '2025-01-15', tree.grassrootsB.id],
      ]);
      expect(await countWithCitizenId(former.citizenId!)).toBe(1);
      expectError(await getMember(chairA, former.id), 404, 'member.not_found');
      expect(await rowOf(former.id)).toMatchObject({
        unit_path: tree.grassrootsB.path,
        province_id: tree.hanoi.id,
      });
    });

    it('refuses the citizen ID of a deceased member: no admission, no transfer', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Vũ Văn Mất' });
      await recordEvent(chairA, member.id, 'death', '2024-03-01');
      const response = await api(
        'POST',
        '/members',
        chairB,
        person(tree.grassrootsB, { fullName: 'Vũ Văn Mất', citizenId: member.citizenId }),
      );
      expectError(response, 409, 'member.citizen_id_taken', { inScope: false, transferPossible: false });
    });
  });

  describe('probable duplicates (same folded name and birth date, no ID)', () => {
    const unknownId = { birthDate: '1985-07-20', citizenId: null };
    let original: MemberDto;

    beforeAll(async () => {
      original = await admit(chairA, tree.grassrootsA, { ...unknownId, fullName: 'Nguyễn Văn An' });
    });

    it('flags the same person typed differently, listing the candidate the officer may see', async () => {
      const response = await api(
        'POST',
        '/members',
        chairA,
        person(tree.grassrootsA, { ...unknownId, fullName: 'nguyen  van AN' }),
      );
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toEqual({
        code: 'member.probable_duplicate',
        message: ERROR_MESSAGES['member.probable_duplicate'].vi,
        details: {
          candidates: [
            {
              id: original.id,
              memberCode: original.memberCode,
              fullName: 'Nguyễn Văn An',
              birthDate: '1985-07-20',
              unitName: tree.grassrootsA.name,
              status: 'active',
            },
          ],
          elsewhere: 0,
        },
      });
    });

    it('only counts a candidate outside the officer’s scope, without naming it', async () => {
      const response = await api(
        'POST',
        '/members',
        chairB,
        person(tree.grassrootsB, { ...unknownId, fullName: 'NGUYỄN VĂN AN' }),
      );
      expectError(response, 409, 'member.probable_duplicate', { candidates: [], elsewhere: 1 });
    });

    it('admits once the officer confirms it is another person', async () => {
      const response = await api(
        'POST',
        '/members',
        chairA,
        person(tree.grassrootsA, { ...unknownId, fullName: 'nguyen  van AN', notDuplicate: true }),
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<MemberDto>()).toMatchObject({
        fullName: 'nguyen van AN',
        birthDate: '1985-07-20',
      });
      const check = await api(
        'GET',
        '/members/duplicates?fullName=Nguy%E1%BB%85n%20V%C4%83n%20An&birthDate=1985-07-20',
        chairA,
      );
      expect(check.statusCode).toBe(200);
      expect(
        check
          .json<{ candidates: { fullName: string }[] }>()
          .candidates.map((c) => c.fullName)
          .sort(),
      ).toEqual(['Nguyễn Văn An', 'nguyen van AN'].sort());
    });
  });

  describe('GET /members: search, filters, pages, scope', () => {
    let unitS: TreeUnit;
    let branchS: TreeUnit;
    let agesS: TreeUnit;
    let chairS: SignedIn;
    let otherS: TreeUnit;
    let chairOther: SignedIn;
    const m: Record<string, MemberDto> = {};

    /** Whole years before today, plus some days: a birth date that makes someone exactly that old. */
    const bornYearsAgo = (years: number, plusDays = 0) => {
      const [y, mo, d] = today().split('-').map(Number);
      return new Date(Date.UTC(y! - years, mo! - 1, d! + plusDays)).toISOString().slice(0, 10);
    };
    const names = (page: MemberPage) => page.items.map((item) => item.fullName);
    const ids = (...keys: string[]) => keys.map((key) => m[key]!.id);
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

    beforeAll(async () => {
      unitS = await addUnit(tree.communeA, 'grassroots_union', 'CĐCS Công ty Tìm Kiếm');
      branchS = await addUnit(unitS, 'union_branch', 'Công đoàn bộ phận Kho');
      agesS = await addUnit(unitS, 'union_branch', 'Công đoàn bộ phận Tuổi');
      otherS = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Bên Kia');
      chairS = await signInAs(t, { role: 'grassroots_chair', unit: unitS });
      chairOther = await signInAs(t, { role: 'grassroots_chair', unit: otherS });
      const noId = { citizenId: null, notDuplicate: true };
      const hoaBinh = 'Công ty TNHH Hòa Bình';
      // Created in this order on purpose: the exact spelling is created last, and still comes first.
      m.an1 = await admit(chairS, unitS, {
        ...noId,
        fullName: 'Nguyễn Văn Án',
        birthDate: '1980-01-01',
        employerName: hoaBinh,
        joinedAt: '2020-01-15',
      });
      m.an2 = await admit(chairS, unitS, {
        ...noId,
        fullName: 'Nguyễn Văn Ân',
        birthDate: '1981-01-01',
        employerName: 'Công ty Cổ phần Sông Đà',
        joinedAt: '2021-06-30',
      });
      m.an = await admit(chairS, unitS, {
        fullName: 'Nguyễn Văn An',
        birthDate: '1982-01-01',
        phone: '0911 000 001',
        legacyIdNumber: '012345001',
        employerName: hoaBinh,
        joinedAt: '2022-03-01',
      });
      m.anh = await admit(chairS, unitS, {
        ...noId,
        fullName: 'Nguyễn Văn Anh',
        birthDate: '1990-02-02',
        joinedAt: '2023-12-31',
      });
      m.binh = await admit(chairS, branchS, {
        ...noId,
        fullName: 'Trần Thị Bình',
        sex: 'female',
        birthDate: '1992-04-04',
        joinedAt: '2018-01-01',
      });
      m.age30 = await admit(chairS, agesS, {
        ...noId,
        fullName: 'Lý Văn Ba Mươi',
        birthDate: bornYearsAgo(31, 1),
        joinedAt: '2019-05-05',
      });
      m.age31 = await admit(chairS, agesS, {
        ...noId,
        fullName: 'Lý Văn Ba Mốt',
        birthDate: bornYearsAgo(31),
        joinedAt: '2019-05-05',
      });
      m.age40 = await admit(chairS, agesS, {
        ...noId,
        fullName: 'Lý Văn Bốn Mươi',
        birthDate: bornYearsAgo(41, 1),
        joinedAt: '2019-05-05',
      });
      m.age41 = await admit(chairS, agesS, {
        ...noId,
        fullName: 'Lý Văn Bốn Mốt',
        birthDate: bornYearsAgo(41),
        joinedAt: '2019-05-05',
      });
      m.other = await admit(chairOther, otherS, {
        fullName: 'Nguyễn Văn An',
        birthDate: '1982-01-01',
        phone: '0911 000 002',
        legacyIdNumber: '012345002',
      });
      await recordEvent(chairS, m.anh.id, 'suspend', '2024-02-01');
    });

    it('finds "nguyen van an" without diacritics: every spelling, in folded order', async () => {
      const page = await list(chairS, { q: 'nguyen van an' });
      expect(names(page)).toEqual(['Nguyễn Văn Án', 'Nguyễn Văn Ân', 'Nguyễn Văn An', 'Nguyễn Văn Anh']);
      expect(page.nextCursor).toBeNull();
      expect(page.items[2]).toEqual({
        id: m.an!.id,
        memberCode: m.an!.memberCode,
        fullName: 'Nguyễn Văn An',
        birthDate: '1982-01-01',
        sex: 'male',
        unitId: unitS.id,
        unitName: unitS.name,
        status: 'active',
      });
    });

    it('puts the exact spelling with diacritics first, however it is capitalised', async () => {
      for (const q of ['Nguyễn Văn An', 'NGUYỄN VĂN AN', '  nguyễn   văn an ']) {
        expect(names(await list(chairS, { q }))).toEqual([
          'Nguyễn Văn An',
          'Nguyễn Văn Án',
          'Nguyễn Văn Ân',
          'Nguyễn Văn Anh',
        ]);
      }
      expect(names(await list(chairS, { q: 'Nguyễn Văn Ân' }))[0]).toBe('Nguyễn Văn Ân');
    });

    it('finds by a prefix of the name, and nothing for a name no one has', async () => {
      expect(names(await list(chairS, { q: 'tran thi' }))).toEqual(['Trần Thị Bình']);
      expect(names(await list(chairS, { q: 'Hồ Chí' }))).toEqual([]);
    });

    it('folds đ to d, and Đ to D', async () => {
      const dao = await admit(chairOther, otherS, { fullName: 'Đặng Thị Đào', sex: 'female' });
      for (const q of ['dang thi dao', 'DANG THI', 'Đặng Thị Đào', 'đặng'])
        expect({ q, ids: (await list(chairOther, { q })).items.map((i) => i.id) }).toEqual({
          q,
          ids: [dao.id],
        });
    });

    it('finds by exact member code, citizen ID, old ID card or phone, however typed', async () => {
      const an = m.an!;
      for (const q of [
        an.memberCode,
        an.memberCode.toLowerCase(),
        an.citizenId!,
        '012345001',
        '0911 000 001',
        '+84911000001',
        '84 911 000 001',
      ]) {
        expect({ q, ids: (await list(chairS, { q })).items.map((i) => i.id) }).toEqual({ q, ids: [an.id] });
      }
      // One digit off is someone else, or no one.
      expect(
        (await list(chairS, { q: an.citizenId!.replace(/.$/, (d) => String((Number(d) + 1) % 10)) })).items,
      ).toEqual([]);
    });

    it('never shows another union’s members: not by name, not by identifier', async () => {
      const other = m.other!;
      const mine = await list(chairS, { q: 'nguyen van an', limit: 200 });
      expect(mine.items.map((i) => i.id)).not.toContain(other.id);
      for (const q of [other.memberCode, other.citizenId!, '0911000002', '012345002']) {
        expect({ q, items: (await list(chairS, { q })).items }).toEqual({ q, items: [] });
      }
      expect((await list(chairOther, { q: 'nguyen van an' })).items.map((i) => i.id)).toEqual([other.id]);
      expect((await list(chairOther, { q: m.an!.citizenId! })).items).toEqual([]);
      expectError(await api('GET', `/members?unitId=${unitS.id}`, chairOther), 404, 'unit.not_found');
    });

    it('a chair of grassrootsA sees grassrootsA alone, never grassrootsB', async () => {
      const inB = await admit(chairB, tree.grassrootsB, { fullName: 'Tạ Văn Bê' });
      const all = await list(chairA, { limit: 200 });
      const places = new Set([tree.grassrootsA.id, tree.branchA.id, tree.groupA.id]);
      expect(all.items.length).toBeGreaterThan(0);
      expect(all.items.filter((item) => !places.has(item.unitId))).toEqual([]);
      for (const q of [inB.memberCode, inB.citizenId!, 'ta van be'])
        expect({ q, items: (await list(chairA, { q })).items }).toEqual({ q, items: [] });
      expectError(await getMember(chairA, inB.id), 404, 'member.not_found');
    });

    it('filters by unit subtree', async () => {
      const whole = await list(chairS, { unitId: unitS.id, limit: 200 });
      expect(sorted(whole.items.map((i) => i.id))).toEqual(
        sorted(ids('an1', 'an2', 'an', 'anh', 'binh', 'age30', 'age31', 'age40', 'age41')),
      );
      expect((await list(chairS, { unitId: branchS.id })).items.map((i) => i.id)).toEqual(ids('binh'));
      expectError(await api('GET', `/members?unitId=${tree.grassrootsB.id}`, chairS), 404, 'unit.not_found');
    });

    it('filters by status and sex', async () => {
      expect((await list(chairS, { status: 'suspended' })).items.map((i) => i.id)).toEqual(ids('anh'));
      expect((await list(chairS, { sex: 'female' })).items.map((i) => i.id)).toEqual(ids('binh'));
      expect((await list(chairS, { sex: 'male', unitId: branchS.id })).items).toEqual([]);
    });

    it('filters by age band, counting whole years today', async () => {
      const band = async (ageBand: string) =>
        sorted((await list(chairS, { unitId: agesS.id, ageBand })).items.map((i) => i.id));
      expect(await band('15-30')).toEqual(ids('age30'));
      expect(await band('31-40')).toEqual(sorted(ids('age31', 'age40')));
      expect(await band('41-50')).toEqual(ids('age41'));
      expect(await band('61+')).toEqual([]);
    });

    it('filters by employer (a prefix, with or without diacritics)', async () => {
      for (const employer of ['cong ty tnhh hoa', 'Công ty TNHH Hòa Bình'])
        expect(sorted((await list(chairS, { employer })).items.map((i) => i.id))).toEqual(
          sorted(ids('an1', 'an')),
        );
      expect((await list(chairS, { employer: 'Công ty Cổ phần' })).items.map((i) => i.id)).toEqual(
        ids('an2'),
      );
    });

    it('filters by the joined period, both ends included', async () => {
      const joined = async (query: Record<string, string>) =>
        sorted((await list(chairS, { unitId: unitS.id, ...query })).items.map((i) => i.id));
      expect(await joined({ joinedFrom: '2021-06-30', joinedTo: '2022-03-01' })).toEqual(
        sorted(ids('an2', 'an')),
      );
      expect(await joined({ joinedFrom: '2021-07-01', joinedTo: '2022-02-28' })).toEqual([]);
      expect(await joined({ joinedTo: '2018-01-01' })).toEqual(ids('binh'));
      expect(await joined({ joinedFrom: '2023-12-31' })).toEqual(ids('anh'));
    });

    it('pages the list in Vietnamese order (given name first) with no duplicate and no gap', async () => {
      const full = (await list(chairS, { unitId: unitS.id, limit: 200 })).items;
      expect(full.map((i) => i.fullName).slice(0, 4)).toEqual([
        'Nguyễn Văn Án',
        'Nguyễn Văn Ân',
        'Nguyễn Văn An',
        'Nguyễn Văn Anh',
      ]);
      for (const limit of [1, 2, 4]) {
        const pages = await allPages(chairS, { unitId: unitS.id, limit });
        expect(pages.flat()).toEqual(full.map((i) => i.id));
        expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
      }
    });

    it('pages a name search, exact spelling first, with no duplicate and no gap', async () => {
      for (const q of ['nguyen van an', 'Nguyễn Văn An']) {
        const full = (await list(chairS, { q, limit: 200 })).items.map((i) => i.id);
        for (const limit of [1, 2, 3])
          expect({ q, limit, ids: (await allPages(chairS, { q, limit })).flat() }).toEqual({
            q,
            limit,
            ids: full,
          });
      }
    });

    it('pages a name search whose exact matches fill more than a page', async () => {
      const twins = [];
      for (let i = 0; i < 3; i++)
        twins.push(
          await admit(chairS, agesS, {
            fullName: 'Lê Văn Tám',
            birthDate: `1970-0${i + 1}-01`,
            citizenId: null,
            notDuplicate: true,
          }),
        );
      const near = await admit(chairS, agesS, {
        fullName: 'Lê Văn Tâm',
        birthDate: '1971-01-01',
        citizenId: null,
      });
      const expected = [...twins.map((x) => x.id), near.id];
      expect((await list(chairS, { q: 'Lê Văn Tám', limit: 200 })).items.map((i) => i.id)).toEqual(expected);
      expect((await allPages(chairS, { q: 'Lê Văn Tám', limit: 2 })).flat()).toEqual(expected);
      expect((await allPages(chairS, { q: 'Lê Văn Tám', limit: 1 })).flat()).toEqual(expected);
    });

    it('refuses a forged cursor with 400', async () => {
      const response = await api('GET', '/members?q=nguyen&cursor=bm90LWpzb24', chairS);
      expect(response.statusCode).toBe(400);
    });
  });

  describe('POST /members/:id/events: the lifecycle', () => {
    const stateOf = (member: MemberDto) => ({
      status: member.status,
      honorary: member.honorary,
      duesExempt: member.duesExempt,
    });
    const state = (status: string, flags: { honorary?: boolean; duesExempt?: boolean } = {}) => ({
      status,
      honorary: flags.honorary ?? false,
      duesExempt: flags.duesExempt ?? false,
    });

    it('walks every legal transition, each answered with the new state and kept in the history', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Đoàn Văn Đi' });
      const walk: [string, string, ReturnType<typeof state>][] = [
        ['exemption_start', '2024-02-01', state('active', { duesExempt: true })],
        ['suspend', '2024-03-01', state('suspended', { duesExempt: true })],
        ['exemption_end', '2024-04-01', state('suspended')],
        ['resume', '2024-05-01', state('active')],
        ['honorary_grant', '2024-06-01', state('active', { honorary: true })],
        ['honorary_revoke', '2024-07-01', state('active')],
        ['leave', '2024-08-01', state('left')],
        ['reinstate', '2024-09-01', state('active')],
        ['expel', '2024-10-01', state('expelled')],
        ['reinstate', '2024-10-01', state('active')],
        ['leave', '2024-11-01', state('left')],
        ['honorary_grant', '2024-12-01', state('active', { honorary: true })],
        ['suspend', '2025-01-01', state('suspended', { honorary: true })],
        ['death', '2025-02-01', state('deceased', { honorary: true })],
      ];
      // The officer of the union (not only its chair) records events.
      for (const [type, date, expected] of walk) {
        const after = await recordEvent(officerA, member.id, type, date);
        expect({ type, state: stateOf(after) }).toEqual({ type, state: expected });
      }
      const final = await memberNow(member.id);
      expect(final.history.map((e) => [e.type, e.effectiveOn])).toEqual([
        ['admit', '2024-01-10'],
        ...walk.map(([type, date]) => [type, date]),
      ]);
      expect(final.can).toEqual({ update: false, recordEvents: false, transfer: false });
    });

    const illegal: [string, MemberEventType[], string][] = [
      ['active', [], 'resume'],
      ['active', [], 'reinstate'],
      ['active', [], 'exemption_end'],
      ['active', [], 'honorary_revoke'],
      ['suspended', ['suspend'], 'suspend'],
      ['suspended', ['suspend'], 'honorary_grant'],
      ['exempt', ['exemption_start'], 'exemption_start'],
      ['honorary', ['honorary_grant'], 'honorary_grant'],
      ['left', ['leave'], 'expel'],
      ['left', ['leave'], 'leave'],
      ['left', ['leave'], 'suspend'],
      ['left', ['leave'], 'exemption_start'],
      ['expelled', ['expel'], 'leave'],
      ['expelled', ['expel'], 'honorary_grant'],
      ['expelled', ['expel'], 'resume'],
      ['deceased', ['death'], 'reinstate'],
      ['deceased', ['death'], 'leave'],
      ['deceased', ['death'], 'death'],
    ];
    it.each(illegal)(
      'refuses, from %s (after %j), the event %s: 422 member.transition_not_allowed',
      async (_s, before, type) => {
        const member = await admit(chairA, tree.grassrootsA, { fullName: 'Đoàn Văn Sai' });
        for (const [i, earlier] of before.entries())
          await recordEvent(chairA, member.id, earlier, `2024-0${i + 2}-01`);
        const stored = await memberNow(member.id);
        const response = await event(chairA, member.id, { type, date: '2024-12-01' });
        expectError(response, 422, 'member.transition_not_allowed', { status: stored.status, type });
        const after = await memberNow(member.id);
        expect({ state: stateOf(after), events: after.history.length }).toEqual({
          state: stateOf(stored),
          events: before.length + 1,
        });
      },
    );

    it('refuses a transfer of someone who left, and a transfer into a commune union', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Đoàn Văn Chuyển' });
      expectError(
        await event(communeAOfficer, member.id, {
          type: 'transfer',
          date: '2024-05-01',
          toUnitId: tree.communeA.id,
        }),
        422,
        'member.unit_not_grassroots',
      );
      await recordEvent(chairA, member.id, 'leave', '2024-06-01');
      expectError(
        await event(communeAOfficer, member.id, {
          type: 'transfer',
          date: '2024-07-01',
          toUnitId: tree.grassrootsA2.id,
        }),
        422,
        'member.transition_not_allowed',
        { status: 'left', type: 'transfer' },
      );
    });

    it('refuses a date before the last event, or in the future; the same day as the last is fine', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Đoàn Văn Ngày' });
      expectError(
        await event(chairA, member.id, { type: 'suspend', date: '2024-01-09' }),
        422,
        'member.event_before_last',
      );
      expectError(
        await event(chairA, member.id, { type: 'suspend', date: daysFromToday(1) }),
        422,
        'member.date_in_future',
      );
      expect((await memberNow(member.id)).history).toHaveLength(1);
      expect((await recordEvent(chairA, member.id, 'suspend', '2024-01-10')).status).toBe('suspended');
      expectError(
        await event(chairA, member.id, { type: 'resume', date: '2024-01-09' }),
        422,
        'member.event_before_last',
      );
      expect((await recordEvent(chairA, member.id, 'resume', today())).status).toBe('active');
    });

    it('a death dated before a correction recorded today: the history in date order still replays', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Đoàn Văn Muộn' });
      const corrected = await api('PATCH', `/members/${member.id}`, chairA, { occupation: 'Thợ xây' });
      expect(corrected.statusCode, corrected.body).toBe(200);
      // The death is reported a day late: its date is yesterday, before the correction.
      expect((await recordEvent(chairA, member.id, 'death', daysFromToday(-1))).status).toBe('deceased');
      const history = (await memberNow(member.id)).history;
      expect(history.map((e) => e.type)).toEqual(['admit', 'death', 'record_corrected']);
      expect(replay(history.map((e) => e.type))).toEqual({
        status: 'deceased',
        honorary: false,
        duesExempt: false,
      });
    });

    it('refuses an event type that cannot be recorded here, and a malformed date, with 400', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Đoàn Văn Kiểu' });
      for (const body of [
        { type: 'admit', date: '2024-05-01' },
        { type: 'readmit', date: '2024-05-01' },
        { type: 'record_corrected', date: '2024-05-01' },
        { type: 'suspend', date: '01/05/2024' },
      ])
        expect((await event(chairA, member.id, body)).statusCode).toBe(400);
    });
  });

  describe('transfers', () => {
    const transfers = async (who: SignedIn, direction: 'incoming' | 'outgoing', status = 'pending') => {
      const response = await api('GET', `/members/transfers?direction=${direction}&status=${status}`, who);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: TransferDto[] }>().items;
    };
    const decide = (who: SignedIn, id: number, decision: 'accept' | 'reject' | 'cancel') =>
      api('POST', `/members/transfers/${id}/decision`, who, { decision });
    const transferOut = (who: SignedIn, id: number, to: TreeUnit, date = '2024-06-01') =>
      event(who, id, { type: 'transfer', date, toUnitId: to.id });

    it('within the officer’s units takes effect at once: unit, path and history change, the code stays', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Văn Chuyển' });
      const response = await transferOut(communeAOfficer, member.id, tree.grassrootsA2);
      expect(response.statusCode, response.body).toBe(200);
      const outcome = response.json<{ completed: boolean; transferId: number | null; member: MemberDto }>();
      expect(outcome).toMatchObject({
        completed: true,
        transferId: null,
        member: {
          id: member.id,
          memberCode: member.memberCode,
          unitId: tree.grassrootsA2.id,
          grassrootsUnitId: tree.grassrootsA2.id,
          status: 'active',
        },
      });
      expect(outcome.member.history.at(-1)).toMatchObject({
        type: 'transfer',
        effectiveOn: '2024-06-01',
        unitId: tree.grassrootsA.id,
        unitName: tree.grassrootsA.name,
        toUnitId: tree.grassrootsA2.id,
        toUnitName: tree.grassrootsA2.name,
      });
      expect(await rowOf(member.id)).toMatchObject({
        unit_path: tree.grassrootsA2.path,
        province_id: tree.hanoi.id,
      });
      expectError(await getMember(chairA, member.id), 404, 'member.not_found');
    });

    it('moves the province with the member, across the country', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Văn Nam Tiến' });
      const response = await transferOut(admin, member.id, tree.grassrootsC);
      expect(response.json()).toMatchObject({
        completed: true,
        member: { unitId: tree.grassrootsC.id, memberCode: member.memberCode },
      });
      expect(await rowOf(member.id)).toMatchObject({
        unit_id: tree.grassrootsC.id,
        unit_path: tree.grassrootsC.path,
        province_id: tree.hcm.id,
      });
    });

    it('to a union outside scope waits; the sender still sees the member; the receiver accepts it', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Thị Đợi', sex: 'female' });
      const response = await transferOut(chairA, member.id, tree.grassrootsB);
      expect(response.statusCode, response.body).toBe(200);
      const {
        transferId,
        completed,
        member: shown,
      } = response.json<{ completed: boolean; transferId: number; member: MemberDto | null }>();
      expect({ completed, shown }).toEqual({ completed: false, shown: null });

      const waiting = await getMember(chairA, member.id);
      expect(waiting.json<MemberDto>()).toMatchObject({
        unitId: tree.grassrootsA.id,
        pendingTransferId: transferId,
        can: { transfer: false },
      });
      expectError(await getMember(chairB, member.id), 404, 'member.not_found');
      expectError(await transferOut(chairA, member.id, tree.grassrootsC), 409, 'member.transfer_pending');

      const outgoing = (await transfers(chairA, 'outgoing')).find((x) => x.id === transferId);
      expect(outgoing).toMatchObject({
        memberId: member.id,
        memberCode: member.memberCode,
        fromUnitId: tree.grassrootsA.id,
        toUnitId: tree.grassrootsB.id,
        toUnitName: tree.grassrootsB.name,
        requestedBy: 'sending',
        status: 'pending',
        effectiveOn: '2024-06-01',
        canDecide: false,
        canCancel: true,
      });
      expect((await transfers(chairA, 'incoming')).map((x) => x.id)).not.toContain(transferId);
      const incoming = (await transfers(chairB, 'incoming')).find((x) => x.id === transferId);
      expect(incoming).toMatchObject({
        memberId: member.id,
        fullName: 'Mai Thị Đợi',
        canDecide: true,
        canCancel: false,
      });

      expectError(await decide(chairA, transferId, 'accept'), 403, 'access.denied');
      expectError(await decide(chairB, transferId, 'cancel'), 403, 'access.denied');

      const accepted = await decide(chairB, transferId, 'accept');
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json<TransferDto>()).toMatchObject({
        id: transferId,
        status: 'accepted',
        canDecide: false,
      });
      expectError(await decide(chairB, transferId, 'accept'), 422, 'member.transfer_decided');

      expectError(await getMember(chairA, member.id), 404, 'member.not_found');
      const arrived = (await getMember(chairB, member.id)).json<MemberDto>();
      expect(arrived).toMatchObject({
        unitId: tree.grassrootsB.id,
        memberCode: member.memberCode,
        pendingTransferId: null,
      });
      expect(arrived.history.map((e) => [e.type, e.unitId, e.toUnitId])).toEqual([
        ['admit', tree.grassrootsA.id, null],
        ['transfer', tree.grassrootsA.id, tree.grassrootsB.id],
      ]);
      expect((await transfers(chairA, 'outgoing', 'accepted')).map((x) => x.id)).toContain(transferId);
    });

    it('a rejected transfer leaves the member where they were', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Văn Ở Lại' });
      const { transferId } = (await transferOut(chairA, member.id, tree.grassrootsB)).json<{
        transferId: number;
      }>();
      const rejected = await api('POST', `/members/transfers/${transferId}/decision`, chairB, {
        decision: 'reject',
        reason: 'Không có người lao động này',
      });
      expect(rejected.json<TransferDto>()).toMatchObject({ status: 'rejected' });
      expect((await getMember(chairA, member.id)).json<MemberDto>()).toMatchObject({
        unitId: tree.grassrootsA.id,
        pendingTransferId: null,
        can: { transfer: true },
      });
      expect((await memberNow(member.id)).history.map((e) => e.type)).toEqual(['admit']);
    });

    it('the sender may withdraw a waiting transfer, and send another', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Văn Rút' });
      const { transferId } = (await transferOut(chairA, member.id, tree.grassrootsB)).json<{
        transferId: number;
      }>();
      expect((await decide(chairA, transferId, 'cancel')).json<TransferDto>()).toMatchObject({
        status: 'cancelled',
      });
      expect((await transfers(chairB, 'incoming')).map((x) => x.id)).not.toContain(transferId);
      expectError(await decide(chairB, transferId, 'accept'), 422, 'member.transfer_decided');
      const again = await transferOut(chairA, member.id, tree.grassrootsB);
      expect(again.json()).toMatchObject({ completed: false, transferId: expect.any(Number) });
    });

    it('leaving ends a waiting transfer', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Văn Nghỉ' });
      const { transferId } = (await transferOut(chairA, member.id, tree.grassrootsB)).json<{
        transferId: number;
      }>();
      await recordEvent(chairA, member.id, 'leave', '2024-07-01');
      expect((await transfers(chairA, 'outgoing', 'cancelled')).map((x) => x.id)).toContain(transferId);
      expectError(await decide(chairB, transferId, 'accept'), 422, 'member.transfer_decided');
    });

    it('the receiving union asks by citizen ID and member code; the sending union accepts', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Thị Đến', sex: 'female' });
      const request = (body: object) => api('POST', '/members/transfers', chairB, body);
      const body = {
        citizenId: member.citizenId,
        memberCode: member.memberCode,
        toUnitId: tree.grassrootsB.id,
        date: '2024-06-01',
      };

      expectError(
        await request({ ...body, memberCode: m0code(member.memberCode) }),
        422,
        'member.transfer_identity_mismatch',
      );
      expectError(
        await request({ ...body, citizenId: citizenIdFor('1990-05-01', 'male') }),
        422,
        'member.transfer_identity_mismatch',
      );
      // A unit outside the caller's scope reads as missing, whatever its type.
      expectError(await request({ ...body, toUnitId: tree.communeB.id }), 404, 'unit.not_found');
      expectError(
        await api('POST', '/members/transfers', communeAOfficer, { ...body, toUnitId: tree.communeA.id }),
        422,
        'member.unit_not_grassroots',
      );
      expectError(await request({ ...body, toUnitId: tree.grassrootsC.id }), 404, 'unit.not_found');

      const response = await request({ ...body, memberCode: member.memberCode.toLowerCase() });
      expect(response.statusCode, response.body).toBe(200);
      const { completed, transferId } = response.json<{ completed: boolean; transferId: number }>();
      expect(completed).toBe(false);
      expectError(await getMember(chairB, member.id), 404, 'member.not_found');

      const waiting = (await transfers(chairA, 'outgoing')).find((x) => x.id === transferId);
      expect(waiting).toMatchObject({ requestedBy: 'receiving', canDecide: true, canCancel: false });
      expect((await transfers(chairB, 'incoming')).find((x) => x.id === transferId)).toMatchObject({
        canDecide: false,
        canCancel: true,
      });
      expect((await decide(chairA, transferId, 'accept')).json<TransferDto>()).toMatchObject({
        status: 'accepted',
      });
      expect((await getMember(chairB, member.id)).json<MemberDto>()).toMatchObject({
        unitId: tree.grassrootsB.id,
        memberCode: member.memberCode,
      });
    });

    it('refuses a transfer to the member’s own unit, or without a destination', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Mai Văn Tại Chỗ' });
      expectError(await transferOut(chairA, member.id, tree.grassrootsA), 422, 'member.transfer_same_unit');
      expectError(
        await event(chairA, member.id, { type: 'transfer', date: '2024-06-01' }),
        422,
        'member.transfer_target_required',
      );
      expectError(
        await transferOut(chairA, member.id, tree.grassrootsA2, daysFromToday(1)),
        422,
        'member.date_in_future',
      );
    });

    /** A valid-looking member code that is not this member's: the last digit changed. */
    function m0code(code: string) {
      return code.replace(/.$/, (d) => String((Number(d) + 1) % 10));
    }
  });

  describe('PATCH /members/:id: changes to the record', () => {
    it('keeps a record_corrected event with old → new for every change', async () => {
      const member = await admit(chairA, tree.grassrootsA, {
        fullName: 'Cao Văn Sửa',
        phone: '0912 111 222',
      });
      const response = await api('PATCH', `/members/${member.id}`, officerA, {
        phone: '0933 000 111',
        employerName: 'Công ty TNHH Mới',
        fullName: 'Cao Văn Sửa',
      });
      expect(response.statusCode, response.body).toBe(200);
      const changed = response.json<MemberDto>();
      expect(changed).toMatchObject({
        phone: '+84933000111',
        employerName: 'Công ty TNHH Mới',
        fullName: 'Cao Văn Sửa',
      });
      expect(changed.history.at(-1)).toMatchObject({
        type: 'record_corrected',
        effectiveOn: today(),
        changes: { phone: ['+84912111222', '+84933000111'], employerName: [null, 'Công ty TNHH Mới'] },
        recordedByName: 'Người Thử Nghiệm',
      });
      // Nothing new: no event.
      const same = await api('PATCH', `/members/${member.id}`, officerA, { phone: '+84933000111' });
      expect(same.json<MemberDto>().history).toHaveLength(2);
      // The folded name follows a renamed member in search.
      await api('PATCH', `/members/${member.id}`, chairA, {
        fullName: 'Cao Thị Sửa Tên',
        sex: 'female',
        citizenId: citizenIdFor('1990-05-01', 'female'),
      });
      expect((await list(chairA, { q: 'cao thi sua ten' })).items.map((i) => i.id)).toEqual([member.id]);
    });

    it('checks the whole record again, and refuses an empty change or a citizen ID someone else holds', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Cao Văn Kiểm' });
      const other = await admit(chairB, tree.grassrootsB, { fullName: 'Cao Văn Khác' });
      const bad = await api('PATCH', `/members/${member.id}`, chairA, { sex: 'female' });
      expectError(bad, 422, 'member.record_invalid');
      expect(bad.json().error.fields).toEqual([
        {
          path: 'citizenId',
          code: 'citizen_id.century_sex',
          message: ERROR_MESSAGES['citizen_id.century_sex'].vi,
        },
      ]);
      expectError(await api('PATCH', `/members/${member.id}`, chairA, {}), 400, 'member.update_empty');
      expectError(
        await api('PATCH', `/members/${member.id}`, chairA, { citizenId: other.citizenId }),
        409,
        'member.citizen_id_taken',
        { inScope: false, transferPossible: true },
      );
      expect((await memberNow(member.id)).history.map((e) => e.type)).toEqual(['admit']);
    });

    it('no longer changes a deceased member', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Cao Văn Cố' });
      await recordEvent(chairA, member.id, 'death', '2024-05-01');
      expectError(
        await api('PATCH', `/members/${member.id}`, chairA, { occupation: 'Thợ hàn' }),
        422,
        'member.transition_not_allowed',
      );
    });
  });

  describe('sensitive data: ethnicity and religion', () => {
    it('needs consent, is kept for a chair, hidden from an officer, and never written into the history', async () => {
      expectError(
        await api(
          'POST',
          '/members',
          chairA,
          person(tree.grassrootsA, { fullName: 'Hà Thị Riêng', sex: 'female', ethnicity: 'Tày' }),
        ),
        422,
        'member.record_invalid',
      );
      const member = await admit(chairA, tree.grassrootsA, {
        fullName: 'Hà Thị Riêng',
        sex: 'female',
        ethnicity: 'Tày',
        religion: 'Phật giáo',
        sensitiveDataConsent: true,
      });
      expect(member).toMatchObject({ ethnicity: 'Tày', religion: 'Phật giáo', sensitiveHidden: false });
      expect(member.sensitiveDataConsentAt).toEqual(expect.any(String));

      const seenByOfficer = (await getMember(officerA, member.id)).json<MemberDto>();
      expect(seenByOfficer).toMatchObject({
        ethnicity: null,
        religion: null,
        sensitiveHidden: true,
        fullName: 'Hà Thị Riêng',
      });
      expect(JSON.stringify(seenByOfficer)).not.toMatch(/Tày|Phật giáo/);

      expectError(
        await api('PATCH', `/members/${member.id}`, officerA, { ethnicity: 'Kinh' }),
        403,
        'access.denied',
      );
      expectError(
        await api('PATCH', `/members/${member.id}`, officerA, { sensitiveDataConsent: false }),
        403,
        'access.denied',
      );
      expectError(
        await api(
          'POST',
          '/members',
          officerA,
          person(tree.grassrootsA, { ethnicity: 'Nùng', sensitiveDataConsent: true }),
        ),
        403,
        'access.denied',
      );
      // The officer may still change the rest of the record; the sensitive data stays.
      expect(
        (await api('PATCH', `/members/${member.id}`, officerA, { occupation: 'Kế toán' })).statusCode,
      ).toBe(200);
      expect(await rowOf(member.id)).toMatchObject({ ethnicity: 'Tày', religion: 'Phật giáo' });

      const changed = await api('PATCH', `/members/${member.id}`, chairA, { ethnicity: 'Nùng' });
      expect(changed.json<MemberDto>().history.at(-1)!.changes).toEqual({ ethnicity: ['•••', '•••'] });

      // Withdrawn consent erases what it covered.
      const withdrawn = await api('PATCH', `/members/${member.id}`, chairA, { sensitiveDataConsent: false });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json<MemberDto>()).toMatchObject({
        ethnicity: null,
        religion: null,
        sensitiveDataConsentAt: null,
      });
      expect(await rowOf(member.id)).toMatchObject({ ethnicity: null, religion: null });
    });
  });

  describe('the tree changes under members', () => {
    it('a unit move rewrites the members’ paths and province, and a waiting transfer’s path', async () => {
      const union = await addUnit(tree.communeA, 'grassroots_union', 'CĐCS Công ty Di Dời');
      const branch = await addUnit(union, 'union_branch', 'Công đoàn bộ phận Di Dời');
      const chair = await signInAs(t, { role: 'grassroots_chair', unit: union });
      const inUnion = await admit(chair, union, { fullName: 'Kiều Văn Dời' });
      const inBranch = await admit(chair, branch, { fullName: 'Kiều Thị Dời', sex: 'female' });
      const leaving = await admit(chair, union, { fullName: 'Kiều Văn Đi' });
      const { transferId } = (
        await event(chair, leaving.id, {
          type: 'transfer',
          date: '2024-06-01',
          toUnitId: tree.grassrootsB.id,
        })
      ).json<{ transferId: number }>();

      const moved = await api('POST', `/units/${union.id}/move`, admin, {
        newParentId: tree.communeC.id,
        effectiveOn: today(),
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const unitNow = (await api('GET', `/units/${union.id}`, admin)).json<UnitDto>();
      expect(unitNow.path).toBe(`${tree.communeC.path}${union.id}/`);

      expect(await rowOf(inUnion.id)).toMatchObject({ unit_path: unitNow.path, province_id: tree.hcm.id });
      expect(await rowOf(inBranch.id)).toMatchObject({
        unit_path: `${unitNow.path}${branch.id}/`,
        province_id: tree.hcm.id,
      });
      const hcmOfficer = await signInAs(t, { role: 'federation_officer', unit: tree.hcm });
      const hanoiOfficer = await signInAs(t, { role: 'federation_officer', unit: tree.hanoi });
      expect((await getMember(hcmOfficer, inBranch.id)).statusCode).toBe(200);
      expectError(await getMember(hanoiOfficer, inBranch.id), 404, 'member.not_found');
      expect((await list(hcmOfficer, { q: 'kieu' })).items.map((i) => i.id).sort()).toEqual(
        [inUnion.id, inBranch.id, leaving.id].sort(),
      );
      // The chair's office moved too; the waiting transfer still shows on both sides.
      expect((await transfers(chair, 'outgoing')).map((x) => x.id)).toContain(transferId);
      expect((await transfers(chairB, 'incoming')).map((x) => x.id)).toContain(transferId);
      const [row] = await queryRows<{ from_unit_path: string }>(
        t.db,
        sql`select from_unit_path from member_transfers where id = ${transferId}`,
      );
      expect(row!.from_unit_path).toBe(unitNow.path);

      async function transfers(who: SignedIn, direction: string) {
        return (await api('GET', `/members/transfers?direction=${direction}`, who)).json<{
          items: TransferDto[];
        }>().items;
      }
    });

    it('a branch moved to another grassroots union takes its members’ grassroots union along', async () => {
      const union = await addUnit(tree.communeA, 'grassroots_union', 'CĐCS Công ty Tách');
      const branch = await addUnit(union, 'union_branch', 'Công đoàn bộ phận Tách');
      const member = await admit(admin, branch, { fullName: 'Kiều Văn Tách' });
      const moved = await api('POST', `/units/${branch.id}/move`, admin, {
        newParentId: tree.grassrootsA2.id,
        effectiveOn: today(),
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(await rowOf(member.id)).toMatchObject({
        unit_path: `${tree.grassrootsA2.path}${branch.id}/`,
        grassroots_unit_id: tree.grassrootsA2.id,
      });
      expect((await memberNow(member.id)).grassrootsUnitId).toBe(tree.grassrootsA2.id);
    });

    it('a unit with current members cannot be dissolved; once they have all left, it can', async () => {
      const union = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Giải Thể');
      const member = await admit(admin, union, { fullName: 'Kiều Văn Cuối' });
      const dissolve = () => api('POST', `/units/${union.id}/dissolve`, admin, { effectiveOn: today() });
      expectError(await dissolve(), 422, 'unit.has_members');
      expect((await api('GET', `/units/${union.id}`, admin)).json<UnitDto>().status).toBe('active');
      await recordEvent(admin, member.id, 'leave', today());
      expect((await dissolve()).statusCode).toBe(200);
      expectError(await api('POST', '/members', admin, person(union)), 422, 'member.unit_closed');
    });

    it('two grassroots unions merging: the members of the closing one transfer to the other', async () => {
      const closing = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Sáp Nhập');
      const member = await admit(admin, closing, { fullName: 'Kiều Văn Hợp' });
      const merged = await api('POST', `/units/${closing.id}/merge`, admin, {
        intoUnitId: tree.grassrootsB.id,
        effectiveOn: today(),
      });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(await rowOf(member.id)).toMatchObject({
        unit_path: tree.grassrootsB.path,
        grassroots_unit_id: tree.grassrootsB.id,
      });
      const after = await memberNow(member.id);
      expect(after).toMatchObject({ memberCode: member.memberCode, status: 'active' });
      expect(after.history.map((event) => [event.type, event.toUnitId])).toEqual([
        ['admit', null],
        ['transfer', tree.grassrootsB.id],
      ]);
    });
  });

  describe('members themselves', () => {
    const memberAccount = async (fullName: string, phone?: string) => {
      const login = phone ?? `nophone.${++serial}`;
      await unsafeCreateAccount(
        t.db,
        phone
          ? { fullName, phone, password: TEST_PASSWORD }
          : { username: login, fullName, password: TEST_PASSWORD },
      );
      return logIn(t, login, TEST_PASSWORD);
    };
    const own = (who: SignedIn) => api('GET', '/me/member', who);
    const requestCorrection = (who: SignedIn, changes: object, note?: string) =>
      api('POST', '/me/member/corrections', who, { changes, ...(note ? { note } : {}) });
    const corrections = async (who: SignedIn, status = 'pending') =>
      (await api('GET', `/members/corrections?status=${status}`, who)).json<{ items: CorrectionDto[] }>()
        .items;
    const decideCorrection = (who: SignedIn, id: number, decision: 'approve' | 'reject') =>
      api('POST', `/members/corrections/${id}/decision`, who, { decision });

    it('a member signs in with their phone and sees their own record and history', async () => {
      const member = await admit(chairA, tree.grassrootsA, {
        fullName: 'Võ Thị Mai',
        sex: 'female',
        phone: '0977 000 111',
        ethnicity: 'Mường',
        sensitiveDataConsent: true,
      });
      await recordEvent(chairA, member.id, 'exemption_start', '2024-03-01');
      const me = await memberAccount('Võ Thị Mai', '0977000111');
      const response = await own(me);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<OwnMemberDto>();
      expect(body.member).toMatchObject({
        id: member.id,
        memberCode: member.memberCode,
        fullName: 'Võ Thị Mai',
        phone: '+84977000111',
        duesExempt: true,
        // Their own sensitive data is theirs to see.
        ethnicity: 'Mường',
        sensitiveHidden: false,
      });
      expect(body.member).not.toHaveProperty('can');
      expect(body.member.history.map((e) => e.type)).toEqual(['admit', 'exemption_start']);
      expect(body.corrections).toEqual([]);
      // The link is kept: still their record after the phone on it changes.
      await api('PATCH', `/members/${member.id}`, chairA, { phone: '0977 000 999' });
      expect((await own(me)).json<OwnMemberDto>().member.id).toBe(member.id);
    });

    it('a member account that existed before admission is linked at admission', async () => {
      const accountId = await unsafeCreateAccount(t.db, {
        fullName: 'Võ Văn Sẵn',
        phone: '0977000222',
        password: TEST_PASSWORD,
      });
      await unsafeAssignOffice(t.db, {
        accountId,
        unit: tree.grassrootsA,
        role: 'member',
        termStart: '2024-01-01',
      });
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Võ Văn Sẵn', phone: '0977000222' });
      const me = await logIn(t, '0977000222', TEST_PASSWORD);
      expect((await own(me)).json<OwnMemberDto>().member.id).toBe(member.id);
      // A member's office grants no reading of others.
      expectError(await getMember(me, member.id), 403, 'access.denied');
    });

    it('a phone two members share (a family phone) opens neither record', async () => {
      await admit(chairA, tree.grassrootsA, { fullName: 'Lò Văn Chồng', phone: '0977000666' });
      await admit(chairA, tree.grassrootsA, { fullName: 'Lò Thị Vợ', sex: 'female', phone: '0977000666' });
      const me = await memberAccount('Lò Văn Chồng', '0977000666');
      expectCode(await own(me), 'member.no_own_record');
    });

    it('someone admitted later with the phone of a member’s account is not linked to that account', async () => {
      const first = await admit(chairA, tree.grassrootsA, { fullName: 'Lò Văn Trước', phone: '0977000777' });
      const me = await memberAccount('Lò Văn Trước', '0977000777');
      expect((await own(me)).json<OwnMemberDto>().member.id).toBe(first.id);
      await admit(chairB, tree.grassrootsB, { fullName: 'Lò Thị Sau', sex: 'female', phone: '0977000777' });
      const mine = await own(me);
      expect(mine.json<OwnMemberDto>().member).toMatchObject({ id: first.id, fullName: 'Lò Văn Trước' });
    });

    it('a correction request waits for an officer of the union, who approves it into the record', async () => {
      const member = await admit(chairA, tree.grassrootsA, {
        fullName: 'Võ Văn Sửa',
        phone: '0977000333',
        employerName: 'Công ty Sai Tên',
      });
      const me = await memberAccount('Võ Văn Sửa', '0977000333');

      const invalid = await requestCorrection(me, { phone: '02438251234' });
      expectError(invalid, 422, 'member.record_invalid');
      expect(invalid.json().error.fields).toEqual([
        { path: 'phone', code: 'member.phone_invalid', message: ERROR_MESSAGES['member.phone_invalid'].vi },
      ]);
      expectError(
        await requestCorrection(me, { employerName: 'Công ty Sai Tên' }),
        422,
        'member.update_empty',
      );

      const response = await requestCorrection(
        me,
        { employerName: 'Công ty Đúng Tên', occupation: 'Thợ may' },
        'Tên công ty ghi sai',
      );
      expect(response.statusCode, response.body).toBe(201);
      const correction = response.json<CorrectionDto>();
      expect(correction).toMatchObject({
        memberId: member.id,
        memberCode: member.memberCode,
        status: 'pending',
        changes: { employerName: ['Công ty Sai Tên', 'Công ty Đúng Tên'], occupation: [null, 'Thợ may'] },
        note: 'Tên công ty ghi sai',
        decidedAt: null,
      });
      const second = await requestCorrection(me, { occupation: 'Thợ cắt' });
      expect(second.json().error.code).toBe('member.correction_pending');

      expect((await corrections(chairA)).map((c) => c.id)).toContain(correction.id);
      expect((await corrections(chairB)).map((c) => c.id)).not.toContain(correction.id);
      expectCode(await decideCorrection(chairB, correction.id, 'approve'), 'member.correction_not_found');

      const approved = await decideCorrection(officerA, correction.id, 'approve');
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json<CorrectionDto>()).toMatchObject({
        status: 'approved',
        decidedAt: expect.any(String),
      });
      expectError(await decideCorrection(chairA, correction.id, 'reject'), 422, 'member.correction_decided');

      const record = await memberNow(member.id);
      expect(record).toMatchObject({ employerName: 'Công ty Đúng Tên', occupation: 'Thợ may' });
      expect(record.history.at(-1)).toMatchObject({
        type: 'record_corrected',
        changes: { employerName: ['Công ty Sai Tên', 'Công ty Đúng Tên'], occupation: [null, 'Thợ may'] },
      });
      expect((await own(me)).json<OwnMemberDto>().corrections.map((c) => [c.id, c.status])).toEqual([
        [correction.id, 'approved'],
      ]);

      // A rejected request changes nothing, and frees the way for the next one.
      const next = (await requestCorrection(me, { occupation: 'Thợ cắt' })).json<CorrectionDto>();
      expect((await decideCorrection(chairA, next.id, 'reject')).json<CorrectionDto>().status).toBe(
        'rejected',
      );
      expect((await memberNow(member.id)).occupation).toBe('Thợ may');
      expect((await corrections(chairA, 'rejected')).map((c) => c.id)).toContain(next.id);
    });

    it('a second waiting request is refused with 409', async () => {
      await admit(chairA, tree.grassrootsA, { fullName: 'Võ Văn Hai Lần', phone: '0977000444' });
      const me = await memberAccount('Võ Văn Hai Lần', '0977000444');
      expect((await requestCorrection(me, { occupation: 'Thợ hàn' })).statusCode).toBe(201);
      expectError(await requestCorrection(me, { occupation: 'Thợ tiện' }), 409, 'member.correction_pending');
    });

    let strangers: SignedIn[] = [];
    it('an account with no member record is told it has none: member.no_own_record', async () => {
      strangers = [await memberAccount('Người Lạ', '0977000555'), await memberAccount('Người Lạ')];
      for (const me of strangers) {
        expectCode(await own(me), 'member.no_own_record');
        expectCode(await requestCorrection(me, { occupation: 'Thợ hàn' }), 'member.no_own_record');
      }
    });

    it('… with 404', async () => {
      for (const me of strangers) {
        expectError(await own(me), 404, 'member.no_own_record');
        expectError(await requestCorrection(me, { occupation: 'Thợ hàn' }), 404, 'member.no_own_record');
      }
    });

    it('a correction out of scope, or missing, reads as missing: 404', async () =>
      expectError(
        await decideCorrection(chairA, 2_000_000_000, 'approve'),
        404,
        'member.correction_not_found',
      ));
  });

  describe('audit', () => {
    const auditRows = (action: string, entityId: number, actorId: number) =>
      queryRows<{ unit_id: number }>(
        t.db,
        sql`select unit_id from audit_log where action = ${action} and entity_id = ${String(entityId)} and actor_id = ${actorId}`,
      );

    it('reading a profile writes a member.read entry; a list by name does not log the people in it', async () => {
      const member = await admit(chairA, tree.grassrootsA, { fullName: 'Tôn Văn Đọc' });
      expect(await auditRows('member.read', member.id, officerA.accountId)).toEqual([]);
      await getMember(officerA, member.id);
      await getMember(officerA, member.id);
      expect(await auditRows('member.read', member.id, officerA.accountId)).toEqual([
        { unit_id: tree.grassrootsA.id },
        { unit_id: tree.grassrootsA.id },
      ]);
      const admitted = await auditRows('member.admit', member.id, chairA.accountId);
      expect(admitted).toHaveLength(1);

      const [{ n: before }] = (await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from audit_log where action = 'member.search' and actor_id = ${officerA.accountId}`,
      )) as [{ n: number }];
      await list(officerA, { q: 'ton van doc' });
      await list(officerA, { q: member.citizenId! });
      const searches = await queryRows<{ details: { q: string; found: number } }>(
        t.db,
        sql`select details from audit_log where action = 'member.search' and actor_id = ${officerA.accountId} order by id`,
      );
      expect(searches.slice(before).map((row) => row.details)).toEqual([{ q: member.citizenId, found: 1 }]);
    });
  });

  describe('on 29 February', () => {
    afterAll(() => vi.useRealTimers());

    it('the age bands count whole years (a year back from 29/02 is 28/02)', async () => {
      // Only the clock moves: a leap day in Vietnam.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2028-02-29T05:00:00Z') });
      expect(today()).toBe('2028-02-29');
      // Sessions are dated by the clock (the embedded database's too): sign in on the leap day.
      const leapAdmin = await signInAsAdmin(t);
      const unit = await addUnit(tree.communeB, 'grassroots_union', 'CĐCS Công ty Năm Nhuận', leapAdmin);
      const born = async (birthDate: string) =>
        (
          await admit(leapAdmin, unit, {
            fullName: 'Lâm Văn Nhuận',
            birthDate,
            citizenId: null,
            notDuplicate: true,
          })
        ).id;
      const age31 = await born('1997-02-28');
      const age30 = await born('1997-03-01');
      const age41 = await born('1987-02-28');
      const age40 = await born('1987-03-01');
      const band = async (ageBand: string) =>
        (await list(leapAdmin, { unitId: unit.id, ageBand })).items.map((i) => i.id).sort((a, b) => a - b);
      expect(await band('15-30')).toEqual([age30]);
      expect(await band('31-40')).toEqual([age31, age40].sort((a, b) => a - b));
      expect(await band('41-50')).toEqual([age41]);
    });
  });

  describe('the stored state is the replay of the stored events', () => {
    it('holds for every member this file created', async () => {
      const rows = await queryRows<{
        id: number;
        status: string;
        honorary: boolean;
        dues_exempt: boolean;
        types: MemberEventType[];
      }>(
        t.db,
        sql`select m.id, m.status, m.honorary, m.dues_exempt,
              (select json_agg(e.type order by e.effective_on, e.id) from member_events e where e.member_id = m.id) as types
            from members m order by m.id`,
      );
      expect(rows.length).toBeGreaterThan(50);
      const mismatches = rows.filter((row) => {
        const replayed = replay(row.types);
        return (
          !replayed ||
          replayed.status !== row.status ||
          replayed.honorary !== row.honorary ||
          replayed.duesExempt !== row.dues_exempt
        );
      });
      expect(mismatches).toEqual([]);
      // Every status the lifecycle knows occurs here.
      expect([...new Set(rows.map((row) => row.status))].sort()).toEqual([
        'active',
        'deceased',
        'expelled',
        'left',
        'suspended',
      ]);
    });
  });
});
