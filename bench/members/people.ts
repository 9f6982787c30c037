import { centurySexDigit, citizenIdProblems } from '@union/contracts/citizen-id';
import { normaliseVietnamesePhone } from '@union/contracts/vn-phone';
import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import { memberCodeFromSerial, sortNameOf } from './app-internals.js';
import { copyValue } from './bulk.js';
import { drawName, type PersonName, type Sex } from './names.js';
import { MIGRANT_BIRTH_PROVINCES, migrantShare, type ProvinceProfile } from './places.js';
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

/** One person working in a province: name, birth, citizen ID, phone and the day they joined. */
export function drawPerson(
  random: Random,
  ids: CitizenIds,
  profile: ProvinceProfile,
  establishedDay: number,
): Person {
  const name = drawName(random, profile.south);
  let age = 37 + 10 * random.normal();
  while (age < 18 || age > 60) age = 37 + 10 * random.normal();
  const birthDay = Math.floor(REFERENCE_DAY - age * YEAR);
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
  const span = Math.max(0, REFERENCE_DAY - from);
  const u = random.next();
  const joinedAt = isoDay(REFERENCE_DAY - Math.floor(span * u * u));
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
 * Members as COPY text, `chunkRows` at a time: the members of all units interleaved in small batches
 * (one to 24 admissions at a time, the unit drawn in proportion to what it has left), so the rows of
 * a union are spread over the table as years of admissions spread them, not stored side by side.
 * Nothing but the current chunk is held in memory.
 */
export function* memberChunks(
  tree: BuiltTree,
  seed: number,
  chunkRows: number,
): Generator<{ text: string; rows: number }> {
  const random = new Random(seed ^ 0x5eed_0001);
  const order = new Random(seed ^ 0x5eed_0002);
  const ids = new CitizenIds();
  const left = tree.homes.map((h) => h.members);
  const remaining = new Remaining(left);
  let serial = 0;
  let lines: string[] = [];
  while (remaining.total > 0) {
    const index = remaining.pick(order);
    const home = tree.homes[index]!;
    const batch = Math.min(left[index]!, 1 + Math.floor(order.next() * 24));
    left[index] = left[index]! - batch;
    remaining.take(index, batch);
    for (let b = 0; b < batch; b++) {
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
          person.phone,
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
  }
  if (lines.length > 0) yield { text: `${lines.join('\n')}\n`, rows: lines.length };
}
