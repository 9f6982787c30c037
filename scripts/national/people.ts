import { centurySexDigit, citizenIdProblems } from '@union/contracts/citizen-id';
import type { MemberStatus } from '@union/contracts/members';
import { normaliseVietnamesePhone } from '@union/contracts/vn-phone';
import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import { memberCodeFromSerial, sortNameOf } from './app-internals.js';
import { copyValue } from './bulk.js';
import { drawName, type PersonName, type Sex } from './names.js';
import { drawHistory } from './lifecycle.js';
import { FOREIGN_ORIGINS, MIGRANT_BIRTH_PROVINCES, migrantShare, type ProvinceProfile } from './places.js';
import { Random, Remaining, WeightedPicker } from './random.js';
import { dayOf, isoDay, type BuiltTree } from './tree.js';

/** Every date is relative to this day, not the clock, so a seed always writes the same rows. */
export const REFERENCE_DAY = dayOf('2025-12-31');
const EARLIEST_JOIN = dayOf('1990-01-01');
const YEAR = 365.2425;

/** The columns the generator fills; the rest keep the app's defaults (nationality VN, timestamps now()). */
export const MEMBER_COLUMNS = [
  'member_code',
  'unit_id',
  'grassroots_unit_id',
  'unit_path',
  'province_id',
  'status',
  'full_name',
  'full_name_folded',
  'sort_name',
  'birth_date',
  'sex',
  'citizen_id',
  'phone',
  'employer_name',
  'employer_folded',
  'joined_at',
  'admitted_by_unit_id',
] as const;

const MOBILE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '089',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '070',
  '076',
  '077',
  '078',
  '079',
  '081',
  '082',
  '083',
  '084',
  '085',
  '056',
  '058',
  '059',
];
const PHONE_SHARE = 0.78;

const migrants = new WeightedPicker(MIGRANT_BIRTH_PROVINCES);

/**
 * Unique 12-digit citizen IDs that agree with birth year and sex: birth-province code, century/sex
 * digit, two year digits, then six digits that are a bijection of a per-prefix counter (multiplier
 * coprime with 10⁶), so no two people share one and no set of issued numbers is kept. Imports count
 * down from the top of each prefix's range so they never meet the generated members.
 */
export class CitizenIds {
  private readonly counters = new Map<string, number>();

  constructor(private readonly downFrom?: number) {}

  next(birthProvince: string, birthYear: number, sex: Sex): string {
    const head = `${birthProvince}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}`;
    const n = this.counters.get(head) ?? 0;
    if (n >= 500_000) throw new Error(`citizen ID prefix ${head} is exhausted`);
    this.counters.set(head, n + 1);
    const k = this.downFrom === undefined ? n : this.downFrom - n;
    const suffix = (k * 384_817 + ((Number(head) * 7_919) % 1_000_000)) % 1_000_000;
    return `${head}${String(suffix).padStart(6, '0')}`;
  }
}

export interface Person {
  name: PersonName;
  birthDate: string;
  citizenId: string;
  phone: string | null;
  joinedAt: string;
}

export interface DrawOptions {
  /** The day the data is as of: ages and join dates count back from it. */
  referenceDay?: number;
  /**
   * How strongly recent years weigh in the join date: the share of the time since the earliest
   * possible day is u^skew for a uniform u. 2 (the default) puts ~20 % of members in their last year.
   */
  joinSkew?: number;
}

/** One person working in a province: name, birth, citizen ID, phone and the day they joined. */
export function drawPerson(
  random: Random,
  ids: CitizenIds,
  profile: ProvinceProfile,
  establishedDay: number,
  options: DrawOptions = {},
): Person {
  const referenceDay = options.referenceDay ?? REFERENCE_DAY;
  const name = drawName(random, profile.south);
  let age = 37 + 10 * random.normal();
  while (age < 18 || age > 60) age = 37 + 10 * random.normal();
  const birthDay = Math.floor(referenceDay - age * YEAR);
  const birthDate = isoDay(birthDay);
  const birthProvince = random.chance(migrantShare(profile))
    ? migrants.pick(random)
    : random.pick(profile.legacy);
  const citizenId = ids.next(birthProvince, Number(birthDate.slice(0, 4)), name.sex);
  const phone = random.chance(PHONE_SHARE)
    ? `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
    : null;
  // Joined at 18 at the earliest, never before the union existed; recent years weigh more.
  const from = Math.max(Math.ceil(birthDay + 18 * YEAR), establishedDay, EARLIEST_JOIN);
  const span = Math.max(0, referenceDay - from);
  const u = random.next();
  const skew = options.joinSkew ?? 2;
  // u * u, not u ** 2: the members benchmark's data stays what it was.
  const joinedAt = isoDay(referenceDay - Math.floor(span * (skew === 2 ? u * u : u ** skew)));
  return { name, birthDate, citizenId, phone, joinedAt };
}

/** The checks the app would apply, on a sample: the generator must write what the app accepts. */
export function assertValidPerson(person: Person): void {
  const folded = foldVietnamese(person.name.fullName);
  if (folded !== person.name.folded)
    throw new Error(`folded name "${person.name.folded}" ≠ foldVietnamese → "${folded}"`);
  const problems = citizenIdProblems(person.citizenId, { birthDate: person.birthDate, sex: person.name.sex });
  if (problems.length > 0) throw new Error(`citizen ID ${person.citizenId}: ${problems.join(', ')}`);
  if (person.phone !== null && normaliseVietnamesePhone(person.phone) === null)
    throw new Error(`phone ${person.phone} is not a Vietnamese mobile number`);
  if (person.joinedAt < person.birthDate) throw new Error(`joined ${person.joinedAt} before birth`);
}

/**
 * The home (index into `tree.homes`) of each member in turn: the members of all units interleaved in
 * small batches (one to 24 admissions at a time, the unit drawn in proportion to what it has left),
 * so the rows of a union are spread over the table as years of admissions spread them, not stored
 * side by side.
 */
function* interleavedHomes(tree: BuiltTree, order: Random): Generator<number> {
  const left = tree.homes.map((h) => h.members);
  const remaining = new Remaining(left);
  while (remaining.total > 0) {
    const index = remaining.pick(order);
    const batch = Math.min(left[index]!, 1 + Math.floor(order.next() * 24));
    left[index] = left[index]! - batch;
    remaining.take(index, batch);
    for (let b = 0; b < batch; b++) yield index;
  }
}

/** The app stores mobile numbers as +84…, as `normaliseVietnamesePhone` writes them. */
const storedPhone = (phone: string | null): string | null => (phone === null ? null : `+84${phone.slice(1)}`);

/**
 * Members as COPY text (MEMBER_COLUMNS), `chunkRows` at a time, all active (the members benchmark's
 * registry: one 'admit' event each, added by its loader). Nothing but the current chunk is held in
 * memory.
 */
export function* memberChunks(
  tree: BuiltTree,
  seed: number,
  chunkRows: number,
): Generator<{ text: string; rows: number }> {
  const random = new Random(seed ^ 0x5eed_0001);
  const order = new Random(seed ^ 0x5eed_0002);
  const ids = new CitizenIds();
  let serial = 0;
  let lines: string[] = [];
  for (const index of interleavedHomes(tree, order)) {
    const home = tree.homes[index]!;
    const person = drawPerson(random, ids, home.province.profile, home.establishedDay);
    serial++;
    if (serial <= 5_000) assertValidPerson(person);
    lines.push(
      [
        memberCodeFromSerial(serial),
        home.unitId,
        home.grassrootsId,
        home.path,
        home.province.id,
        'active',
        person.name.fullName,
        person.name.folded,
        sortNameOf(person.name.folded),
        person.birthDate,
        person.name.sex,
        person.citizenId,
        storedPhone(person.phone),
        home.employerName,
        home.employerFolded,
        person.joinedAt,
        home.grassrootsId,
      ]
        .map(copyValue)
        .join('\t'),
    );
    if (lines.length === chunkRows) {
      yield { text: `${lines.join('\n')}\n`, rows: lines.length };
      lines = [];
    }
  }
  if (lines.length > 0) yield { text: `${lines.join('\n')}\n`, rows: lines.length };
}

/** The national registry's columns: ids are given (events refer to them), and the whole record. */
export const NATIONAL_MEMBER_COLUMNS = [
  'id',
  ...MEMBER_COLUMNS,
  'honorary',
  'dues_exempt',
  'nationality',
  'passport_number',
  'contract_type',
  'contract_months',
] as const;
export const EVENT_COLUMNS = ['member_id', 'type', 'effective_on', 'unit_id', 'to_unit_id'] as const;

/** One member in a thousand is a foreign worker (passport, no citizen ID, an indefinite contract). */
const FOREIGN_SHARE = 0.001;
const foreignOrigins = new WeightedPicker(FOREIGN_ORIGINS.map((o) => [o, o.weight] as const));

/** Passport numbers unique per nationality: a counter spread over 8 digits by a multiplier coprime to 10⁸. */
class PassportNumbers {
  private readonly counters = new Map<string, number>();
  next(nationality: string, prefix: string): string {
    const n = (this.counters.get(nationality) ?? 0) + 1;
    this.counters.set(nationality, n);
    return `${prefix}${String((n * 48_271) % 100_000_000).padStart(8, '0')}`;
  }
}

interface ForeignPerson {
  fullName: string;
  folded: string;
  sex: Sex;
  birthDate: string;
  nationality: string;
  passport: string;
  joinedAt: string;
}

function drawForeigner(
  random: Random,
  passports: PassportNumbers,
  establishedDay: number,
  referenceDay: number,
): ForeignPerson {
  const origin = foreignOrigins.pick(random);
  const sex: Sex = random.chance(0.35) ? 'female' : 'male';
  const surname = random.pick(origin.surnames);
  const given = random.pick(sex === 'female' ? origin.female : origin.male);
  const fullName = origin.surnameFirst ? `${surname} ${given}` : `${given} ${surname}`;
  const age = random.int(24, 58);
  const birthDay = Math.floor(referenceDay - (age + random.next()) * YEAR);
  // Foreign workers join recently: experts and managers posted for a few years.
  const from = Math.max(establishedDay, Math.ceil(birthDay + 22 * YEAR), referenceDay - 8 * 365);
  const joined = from + Math.floor(random.next() * Math.max(0, referenceDay - from));
  return {
    fullName,
    folded: foldVietnamese(fullName),
    sex,
    birthDate: isoDay(birthDay),
    nationality: origin.nationality,
    passport: passports.next(origin.nationality, origin.passportPrefix),
    joinedAt: isoDay(Math.min(joined, referenceDay)),
  };
}

/** What the national generator wrote, for the summary and for the workforce declarations. */
export class NationalTally {
  readonly byStatus: Record<MemberStatus, number> = {
    active: 0,
    suspended: 0,
    left: 0,
    expelled: 0,
    deceased: 0,
  };
  foreign = 0;
  honorary = 0;
  duesExempt = 0;
  transfers = 0;
  events = 0;
  /** Current members (active or suspended) of each grassroots union, branches included: [all, women]. */
  readonly currentByGrassroots = new Map<number, [number, number]>();
}

export interface NationalMemberOptions {
  seed: number;
  chunkRows: number;
  /** The first member id and member-code serial to use (the table and the sequence are empty: 1). */
  firstId: number;
  firstSerial: number;
  referenceDay: number;
  tally: NationalTally;
}

const CONTRACT_MONTHS = [12, 24, 36] as const;

/**
 * The national registry as COPY text, `chunkRows` members at a time with their events: members of all
 * units interleaved as in `memberChunks` (the same people for the same seed, the same homes), each with
 * a contract, a few foreign workers among them, and a membership history (`drawHistory`) whose events
 * come in the same chunk and whose last state is the member's status.
 */
export function* nationalMemberChunks(
  tree: BuiltTree,
  options: NationalMemberOptions,
): Generator<{ text: string; rows: number; events: string; eventRows: number }> {
  const { seed, chunkRows, referenceDay, tally } = options;
  const random = new Random(seed ^ 0x5eed_0001);
  const order = new Random(seed ^ 0x5eed_0002);
  const life = new Random(seed ^ 0x5eed_0003);
  const ids = new CitizenIds();
  const passports = new PassportNumbers();
  const draw: DrawOptions = { referenceDay, joinSkew: 1.6 };
  // Grassroots unions (not branches), by level-2 unit: where transferred members came from.
  const origins = new Map<number, number[]>();
  const allOrigins: number[] = [];
  tree.homes.forEach((home, i) => {
    if (home.unitId !== home.grassrootsId) return;
    allOrigins.push(i);
    const list = origins.get(home.province.id) ?? [];
    list.push(i);
    origins.set(home.province.id, list);
  });
  let id = options.firstId - 1;
  let serial = options.firstSerial - 1;
  let lines: string[] = [];
  let events: string[] = [];
  let eventRows = 0;
  for (const index of interleavedHomes(tree, order)) {
    const home = tree.homes[index]!;
    id++;
    serial++;
    let record: {
      fullName: string;
      folded: string;
      sex: Sex;
      birthDate: string;
      joinedAt: string;
      citizenId: string | null;
      phone: string | null;
      nationality: string;
      passport: string | null;
      contract: 'indefinite' | 'fixed_term' | null;
      months: number | null;
    };
    if (life.chance(FOREIGN_SHARE)) {
      const f = drawForeigner(life, passports, home.establishedDay, referenceDay);
      record = { ...f, citizenId: null, phone: null, contract: 'indefinite', months: null };
      tally.foreign++;
    } else {
      const person = drawPerson(random, ids, home.province.profile, home.establishedDay, draw);
      if (serial - options.firstSerial < 5_000) assertValidPerson(person);
      const roll = life.next();
      const contract = roll < 0.7 ? 'indefinite' : roll < 0.92 ? 'fixed_term' : null;
      record = {
        fullName: person.name.fullName,
        folded: person.name.folded,
        sex: person.name.sex,
        birthDate: person.birthDate,
        joinedAt: person.joinedAt,
        citizenId: person.citizenId,
        phone: person.phone,
        nationality: 'VN',
        passport: null,
        contract,
        months: contract === 'fixed_term' ? life.pick(CONTRACT_MONTHS) : null,
      };
    }
    const provinceOrigins = origins.get(home.province.id) ?? [];
    const joinedDay = dayOf(record.joinedAt);
    const history = drawHistory(
      life,
      { unitId: home.unitId, joinedDay, birthDay: dayOf(record.birthDate) },
      referenceDay,
      () => {
        // Mostly from a union of the same province or central union; failing that, from anywhere.
        for (let attempt = 0; attempt < 4; attempt++) {
          const list = attempt < 2 && provinceOrigins.length > 1 ? provinceOrigins : allOrigins;
          const other = tree.homes[life.pick(list)]!;
          if (other.grassrootsId !== home.grassrootsId && other.establishedDay <= joinedDay)
            return { unitId: other.unitId, grassrootsId: other.grassrootsId };
        }
        return undefined;
      },
    );
    lines.push(
      [
        id,
        memberCodeFromSerial(serial),
        home.unitId,
        home.grassrootsId,
        home.path,
        home.province.id,
        history.status,
        record.fullName,
        record.folded,
        sortNameOf(record.folded),
        record.birthDate,
        record.sex,
        record.citizenId,
        storedPhone(record.phone),
        home.employerName,
        home.employerFolded,
        record.joinedAt,
        history.origin?.grassrootsId ?? home.grassrootsId,
        history.honorary ? 't' : 'f',
        history.duesExempt ? 't' : 'f',
        record.nationality,
        record.passport,
        record.contract,
        record.months,
      ]
        .map(copyValue)
        .join('\t'),
    );
    for (const event of history.events) {
      events.push(
        [id, event.type, isoDay(event.day), event.unitId, event.toUnitId ?? null].map(copyValue).join('\t'),
      );
    }
    eventRows += history.events.length;
    tally.byStatus[history.status]++;
    tally.events += history.events.length;
    if (history.origin) tally.transfers++;
    if (history.status === 'active' && history.honorary) tally.honorary++;
    if (history.status === 'active' && history.duesExempt) tally.duesExempt++;
    if (history.status === 'active' || history.status === 'suspended') {
      const counts = tally.currentByGrassroots.get(home.grassrootsId) ?? [0, 0];
      counts[0]++;
      if (record.sex === 'female') counts[1]++;
      tally.currentByGrassroots.set(home.grassrootsId, counts);
    }
    if (lines.length === chunkRows) {
      yield {
        text: `${lines.join('\n')}\n`,
        rows: lines.length,
        events: `${events.join('\n')}\n`,
        eventRows,
      };
      lines = [];
      events = [];
      eventRows = 0;
    }
  }
  if (lines.length > 0)
    yield { text: `${lines.join('\n')}\n`, rows: lines.length, events: `${events.join('\n')}\n`, eventRows };
}
