import type { RoleCode } from '@union/contracts/auth';
import type { UnitType } from '@union/contracts/units';
import { recordAudit } from '../kernel/audit/audit.js';
import type { Db } from '../kernel/db/database.js';
import { todayInVietnam } from '../kernel/time.js';
import { randomBytes } from 'node:crypto';
import { hashPassword, unsafeAssignOffice, unsafeCreateAccount } from '../modules/accounts/index.js';
import { unsafeAdmitMembers, type SeedMember } from '../modules/members/index.js';
import { unsafeDeclareWorkforce, unsafeUnitsWithMembers } from '../modules/statistics/index.js';
import { unsafeSeedVoiceDemo } from '../modules/voice/index.js';
import { unsafeSeedAssistantDemo } from '../modules/assistant/index.js';
import { seededRandom, syntheticPeople } from './synthetic-people.js';
import {
  insertUnit,
  unsafeFindRootUnit,
  unsafeFindUnitByCode,
  type ParentPlace,
} from '../modules/units/index.js';

/** The password of every demo login; the README lists them. Demo data never loads on PostgreSQL unasked. */
export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_LOGINS: ReadonlyArray<{ login: string; fullName: string; role: RoleCode; unit: string }> = [
  { login: 'hanoi', fullName: 'Nguyễn Thị Hà', role: 'federation_officer', unit: 'LĐLĐ thành phố Hà Nội' },
  { login: 'hcm', fullName: 'Trần Văn Minh', role: 'federation_officer', unit: 'LĐLĐ Thành phố Hồ Chí Minh' },
  { login: 'badinh', fullName: 'Lê Văn Bình', role: 'upper_union_officer', unit: 'Công đoàn phường Ba Đình' },
  {
    login: 'chutich',
    fullName: 'Phạm Thị Lan',
    role: 'grassroots_chair',
    unit: 'CĐCS Công ty TNHH Dệt may Thăng Long',
  },
  {
    login: 'canbo',
    fullName: 'Hoàng Văn Nam',
    role: 'grassroots_officer',
    unit: 'CĐCS Công ty TNHH Dệt may Thăng Long',
  },
  { login: 'tuvan', fullName: 'Vũ Thị Thu', role: 'legal_adviser', unit: 'LĐLĐ thành phố Hà Nội' },
  // A shop that gives members a discount: it checks the card and records the benefit (/benefits/record).
  { login: 'doitac', fullName: 'Siêu thị Minh Anh', role: 'partner_merchant', unit: 'LĐLĐ thành phố Hà Nội' },
  {
    login: '0912345678',
    fullName: 'Đặng Văn Hùng',
    role: 'member',
    unit: 'CĐCS Công ty TNHH Dệt may Thăng Long',
  },
];

const COMPANY_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV'];
const COMPANY_TRADES = [
  'Dệt may',
  'Điện tử',
  'Cơ khí',
  'Thực phẩm',
  'Giày da',
  'Xây dựng',
  'Vận tải',
  'Nhựa',
  'Bao bì',
  'Logistics',
  'Dược phẩm',
  'Gỗ',
  'Thủy sản',
  'In ấn',
  'Phần mềm',
];
const COMPANY_NAMES = [
  'Hòa Bình',
  'Thành Công',
  'Phú Thịnh',
  'Đại Việt',
  'An Phát',
  'Hồng Hà',
  'Sông Đà',
  'Minh Long',
  'Tân Tiến',
  'Kim Long',
  'Bình Minh',
  'Phương Nam',
  'Việt Tiến',
  'Hải Đăng',
  'Trường Sơn',
  'Sao Mai',
  'Hưng Thịnh',
  'Quang Trung',
  'Toàn Cầu',
  'Đông Á',
];
const SCHOOLS = ['Trường Tiểu học', 'Trường THCS', 'Trường THPT', 'Trường Mầm non'];

interface DemoArea {
  province: string;
  type: UnitType;
  name: string;
  grassroots: number;
}

const AREAS: DemoArea[] = [
  { province: '01', type: 'commune_union', name: 'Công đoàn phường Ba Đình', grassroots: 28 },
  { province: '01', type: 'commune_union', name: 'Công đoàn phường Hoàn Kiếm', grassroots: 22 },
  { province: '01', type: 'commune_union', name: 'Công đoàn xã Sóc Sơn', grassroots: 12 },
  {
    province: '01',
    type: 'industrial_zone_union',
    name: 'Công đoàn các Khu công nghiệp và chế xuất Hà Nội',
    grassroots: 30,
  },
  { province: '79', type: 'commune_union', name: 'Công đoàn phường Sài Gòn', grassroots: 20 },
  { province: '79', type: 'commune_union', name: 'Công đoàn phường Bến Thành', grassroots: 16 },
  {
    province: '79',
    type: 'industrial_zone_union',
    name: 'Công đoàn các Khu chế xuất và công nghiệp Thành phố Hồ Chí Minh',
    grassroots: 32,
  },
  { province: '48', type: 'commune_union', name: 'Công đoàn phường Hải Châu', grassroots: 12 },
  {
    province: '24',
    type: 'industrial_zone_union',
    name: 'Công đoàn các Khu công nghiệp Bắc Ninh',
    grassroots: 18,
  },
];

const SECTORS: Array<{ type: UnitType; name: string; code: string; grassroots: number }> = [
  { type: 'sector_union', name: 'Công đoàn Giáo dục Việt Nam', code: 'CDN-GD', grassroots: 6 },
  { type: 'sector_union', name: 'Công đoàn Y tế Việt Nam', code: 'CDN-YT', grassroots: 4 },
  { type: 'corporate_union', name: 'Công đoàn Tập đoàn Điện lực Việt Nam', code: 'CDTCT-EVN', grassroots: 5 },
];

const asParent = (unit: {
  id: number;
  name: string;
  path: string;
  depth: number;
  provinceId: number | null;
}): ParentPlace => unit;

/**
 * A demo federation: sector and corporate unions, commune and industrial-zone unions in four
 * provinces, about 200 grassroots unions (one with branches and groups), and officers with demo logins.
 */
export async function loadDemoData(db: Db): Promise<void> {
  // The same demo country on every machine.
  const random = seededRandom(2025);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const establishedOn = () => {
    const year = 2005 + Math.floor(random() * 19);
    const month = 1 + Math.floor(random() * 12);
    return `${year}-${String(month).padStart(2, '0')}-15`;
  };
  const usedNames = new Set<string>();
  const companyName = () => {
    for (;;) {
      const name = `CĐCS ${pick(COMPANY_FORMS)} ${pick(COMPANY_TRADES)} ${pick(COMPANY_NAMES)}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  await db.transaction(async (tx) => {
    const root = await unsafeFindRootUnit(tx);
    if (!root) throw new Error('The Confederation must exist before demo data loads');
    const byName = new Map<string, ParentPlace>();
    const grassrootsUnits: Array<{ id: number; name: string }> = [];

    for (const sector of SECTORS) {
      const created = await insertUnit(tx, asParent(root), { ...sector, establishedOn: '1990-01-01' });
      const place = { ...created, name: sector.name };
      for (let i = 0; i < sector.grassroots; i += 1) {
        const name =
          sector.type === 'sector_union'
            ? `CĐCS ${pick(SCHOOLS)} ${pick(COMPANY_NAMES)} ${i + 1}`
            : companyName();
        const unit = await insertUnit(tx, place, {
          type: 'grassroots_union',
          name,
          establishedOn: establishedOn(),
        });
        grassrootsUnits.push({ id: unit.id, name });
      }
    }

    for (const area of AREAS) {
      const province = await unsafeFindUnitByCode(tx, area.province);
      if (!province) throw new Error(`Province ${area.province} is missing`);
      byName.set(province.name.replace('Liên đoàn Lao động', 'LĐLĐ'), asParent(province));
      const created = await insertUnit(tx, asParent(province), {
        type: area.type,
        name: area.name,
        establishedOn: '2025-07-01',
      });
      const place = { ...created, name: area.name };
      byName.set(area.name, place);
      for (let i = 0; i < area.grassroots; i += 1) {
        const name =
          i === 0 && area.name === 'Công đoàn phường Ba Đình'
            ? 'CĐCS Công ty TNHH Dệt may Thăng Long'
            : companyName();
        const grassroots = await insertUnit(tx, place, {
          type: 'grassroots_union',
          name,
          establishedOn: establishedOn(),
        });
        byName.set(name, { ...grassroots, name });
        grassrootsUnits.push({ id: grassroots.id, name });
      }
    }

    // One grassroots union with its inner structure: branches, and groups inside them.
    const textile = byName.get('CĐCS Công ty TNHH Dệt may Thăng Long')!;
    const textileGroups: number[] = [];
    for (const workshop of ['Phân xưởng Dệt', 'Phân xưởng May', 'Khối Văn phòng']) {
      const branchName = `Công đoàn bộ phận ${workshop}`;
      const branch = await insertUnit(tx, textile, {
        type: 'union_branch',
        name: branchName,
        establishedOn: '2015-03-01',
      });
      for (const number of [1, 2]) {
        const group = await insertUnit(
          tx,
          { ...branch, name: branchName },
          {
            type: 'union_group',
            name: `Tổ công đoàn ${workshop.replace('Phân xưởng ', '')} ${number}`,
            establishedOn: '2015-03-01',
          },
        );
        textileGroups.push(group.id);
      }
    }
    await loadDemoMembers(tx, random, grassrootsUnits, textile.id, textileGroups);
    await loadDemoChairsAndWorkforce(tx, random, grassrootsUnits, textile.id);

    const today = todayInVietnam();
    const termStart = `${today.slice(0, 4)}-01-01`;
    for (const login of DEMO_LOGINS) {
      const unit = byName.get(login.unit);
      if (!unit) throw new Error(`Demo unit ${login.unit} is missing`);
      const isPhone = /^0\d{9}$/.test(login.login);
      const accountId = await unsafeCreateAccount(tx, {
        ...(isPhone
          ? { phone: login.login }
          : { username: login.login, email: `${login.login}@congdoan.demo` }),
        fullName: login.fullName,
        password: DEMO_PASSWORD,
      });
      await unsafeAssignOffice(tx, { accountId, unit, role: login.role, termStart });
    }
    // A former chair whose term has ended: shows in history, grants nothing.
    const formerChair = await unsafeCreateAccount(tx, {
      username: 'chutich.cu',
      fullName: 'Bùi Văn Cường',
      password: DEMO_PASSWORD,
    });
    await recordAudit(tx, null, {
      action: 'system.demo_data',
      entityType: 'system',
      unitId: root.id,
      unitPath: root.path,
      details: { logins: DEMO_LOGINS.map((l) => l.login) },
    });
    await unsafeAssignOffice(tx, {
      accountId: formerChair,
      unit: textile,
      role: 'grassroots_chair',
      termStart: '2018-01-01',
      termEnd: `${Number(today.slice(0, 4)) - 1}-12-31`,
    });
    // Two years of what members raised, the stories the demo logins meet, and an open survey.
    await unsafeSeedVoiceDemo(tx, new Date(), {
      grassrootsUnitIds: grassrootsUnits.map((unit) => unit.id),
      textileUnitId: textile.id,
      memberPhone: DEMO_MEMBER_LOGIN.phone,
      surveyUnitId: byName.get('LĐLĐ thành phố Hà Nội')!.id,
    });
    // A worker's question waiting for the Hà Nội federation's legal adviser.
    await unsafeSeedAssistantDemo(tx, byName.get('LĐLĐ thành phố Hà Nội')!);
  });
}

/**
 * Most grassroots unions have a chair in office (a few terms ended, some never elected: the dashboard's
 * "units lacking officers") and declared their workforce, so coverage figures mean something.
 */
async function loadDemoChairsAndWorkforce(
  db: Db,
  random: () => number,
  grassrootsUnits: ReadonlyArray<{ id: number; name: string }>,
  textileId: number,
): Promise<void> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const people = syntheticPeople(2027, today);
  // Chairs without a login yet (they get one when invited): one unusable hash, since argon2 is slow.
  const noLogin = await hashPassword(randomBytes(32).toString('hex'));
  const units = await unsafeUnitsWithMembers(
    db,
    grassrootsUnits.map((unit) => unit.id),
  );
  for (const unit of units) {
    const roll = random();
    if (unit.id !== textileId && roll < 0.9) {
      const accountId = await unsafeCreateAccount(db, {
        username: `chutich.${unit.id}`,
        fullName: people().fullName,
        password: '',
        passwordHash: noLogin,
      });
      const expired = roll < 0.06;
      await unsafeAssignOffice(db, {
        accountId,
        unit,
        role: 'grassroots_chair',
        termStart: expired ? `${year - 6}-04-01` : `${year - 2}-04-01`,
        termEnd: expired ? `${year - 1}-03-31` : `${year + 3}-03-31`,
      });
    }
    if (random() < 0.85) {
      const workers = Math.round(unit.members * (1.05 + random() * 0.6)) + 3;
      await unsafeDeclareWorkforce(db, unit.id, {
        asOf: `${year}-01-01`,
        workers,
        femaleWorkers: Math.round(workers * (0.35 + random() * 0.3)),
      });
    }
  }
}

const DEMO_MEMBER_LOGIN = { fullName: 'Đặng Văn Hùng', birthDate: '1988-06-12', phone: '+84912345678' };

/**
 * Members for every demo grassroots union (tens each, a few hundred in total per area), spread over the
 * textile union's groups; some suspended, some left, some exempt from dues. The demo member login
 * (0912345678) is one of them, so "my record" shows a real record.
 */
async function loadDemoMembers(
  db: Db,
  random: () => number,
  grassrootsUnits: ReadonlyArray<{ id: number; name: string }>,
  textileId: number,
  textileGroups: readonly number[],
): Promise<void> {
  const today = todayInVietnam();
  const person = syntheticPeople(2026, today);
  let phoneSerial = 0;
  const member = (employerName: string): SeedMember => {
    const someone = person();
    const joinedYear = Math.max(Number(someone.birthDate.slice(0, 4)) + 18, 2005 + Math.floor(random() * 20));
    const joinedAt = `${Math.min(joinedYear, Number(today.slice(0, 4)) - 1)}-${someone.birthDate.slice(5, 7)}-01`;
    const roll = random();
    const later: SeedMember['later'] =
      roll < 0.05
        ? [{ type: 'suspend', date: `${today.slice(0, 4)}-01-15` }]
        : roll < 0.08
          ? [{ type: 'leave', date: `${today.slice(0, 4)}-02-01` }]
          : roll < 0.1
            ? [{ type: 'exemption_start', date: `${today.slice(0, 4)}-03-01` }]
            : [];
    phoneSerial += 1;
    return {
      record: {
        ...someone,
        legacyIdNumber: null,
        passportNumber: null,
        nationality: 'VN',
        ethnicity: null,
        religion: null,
        sensitiveDataConsent: false,
        phone: `+8498${String(phoneSerial).padStart(7, '0')}`,
        email: null,
        addressLine: null,
        provinceCode: null,
        communeCode: null,
        employerName: employerName.replace(/^CĐCS /, ''),
        employerTaxCode: null,
        contractType: random() < 0.7 ? 'indefinite' : 'fixed_term',
        contractMonths: null,
        occupation: random() < 0.8 ? 'Công nhân' : 'Nhân viên văn phòng',
        qualification: null,
        insuredSalary: 5_000_000 + Math.floor(random() * 20) * 500_000,
        cardNumber: null,
        unionPosition: null,
        joinedAt,
      },
      later,
    };
  };
  const withTerm = (seed: SeedMember): SeedMember =>
    seed.record.contractType === 'fixed_term'
      ? { ...seed, record: { ...seed.record, contractMonths: 36 } }
      : seed;
  for (const unit of grassrootsUnits) {
    if (unit.id === textileId) continue;
    const count = 5 + Math.floor(random() * random() * 60);
    await unsafeAdmitMembers(
      db,
      unit.id,
      Array.from({ length: count }, () => withTerm(member(unit.name))),
    );
  }
  for (const [i, groupId] of textileGroups.entries()) {
    const people = Array.from({ length: 20 }, () => withTerm(member('Công ty TNHH Dệt may Thăng Long')));
    if (i === 0) {
      const hung = people[0]!;
      people[0] = {
        record: {
          ...hung.record,
          ...DEMO_MEMBER_LOGIN,
          sex: 'male',
          citizenId: '001088012345',
          joinedAt: '2012-05-01',
        },
      };
    }
    await unsafeAdmitMembers(db, groupId, people);
  }
}
