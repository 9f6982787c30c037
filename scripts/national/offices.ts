import { hash } from '@node-rs/argon2';
import { copyValue, type BulkSession } from './bulk.js';
import { drawName } from './names.js';
import type { NationalTally } from './people.js';
import type { Random } from './random.js';
import { isoDay, type BuiltTree, type Province } from './tree.js';

/**
 * The people who run the units: a chair for most grassroots unions (a five-year congress term; some
 * terms ran out and no one was elected again yet; a few unions never recorded one), an officer for
 * every commune, industrial-zone and upper union, and federation officers in every province and central
 * union. Each holds an account with a username the unit code gives: `chutich.79-cdcs000123`.
 */

const TERM_DAYS = Math.round(5 * 365.2425);
const NO_CHAIR = 0.03;
const EXPIRED_ONLY = 0.06;
/** Chairs re-elected: their previous term is on record too. */
const PREVIOUS_TERM = 0.25;
const COMMUNES_FROM = '2025-07-01';

export interface OfficeCounts {
  accounts: number;
  offices: number;
  chairs: number;
  expiredChairs: number;
  grassrootsWithoutChair: number;
}

/**
 * Writes accounts and offices with COPY. Every synthetic account gets the same password hash, made
 * once: argon2id costs ~14 ms a hash by design, 130,000 of them would take half an hour.
 */
export async function writeOffices(
  session: BulkSession,
  random: Random,
  tree: BuiltTree,
  referenceDay: number,
  password: string,
): Promise<OfficeCounts> {
  const passwordHash = await hash(password);
  const [row] = await session.query<{ next: number }>(
    `select coalesce(max(id), 0)::int + 1 as next from accounts`,
  );
  let accountId = Number(row!.next) - 1;
  const accounts: string[] = [];
  const offices: string[] = [];
  const counts: OfficeCounts = {
    accounts: 0,
    offices: 0,
    chairs: 0,
    expiredChairs: 0,
    grassrootsWithoutChair: 0,
  };

  const person = (unit: { province: Province }, username: string): number => {
    const name = drawName(random, unit.province.profile.south);
    accountId++;
    accounts.push([accountId, username, name.fullName, name.folded, passwordHash].map(copyValue).join('\t'));
    counts.accounts++;
    return accountId;
  };
  const office = (
    account: number,
    unit: { id: number; path: string },
    role: string,
    start: number,
    end: number | null,
  ) => {
    offices.push(
      [account, unit.id, unit.path, role, isoDay(start), end === null ? null : isoDay(end)]
        .map(copyValue)
        .join('\t'),
    );
    counts.offices++;
  };

  for (const unit of tree.grassrootsUnits) {
    const roll = random.next();
    if (roll < NO_CHAIR) {
      counts.grassrootsWithoutChair++;
      continue;
    }
    const chair = person(unit, `chutich.${unit.code.toLowerCase()}`);
    if (roll < NO_CHAIR + EXPIRED_ONLY) {
      // The term ran out between a month and three years ago.
      const end = referenceDay - random.int(30, 1_000);
      const start = Math.max(unit.establishedDay, end - TERM_DAYS + 1);
      if (start <= end) {
        office(chair, unit, 'grassroots_chair', start, end);
        counts.expiredChairs++;
        continue;
      }
    }
    const start = Math.max(unit.establishedDay, referenceDay - random.int(0, TERM_DAYS - 30));
    office(chair, unit, 'grassroots_chair', start, start + TERM_DAYS - 1);
    counts.chairs++;
    if (random.chance(PREVIOUS_TERM) && start - TERM_DAYS >= unit.establishedDay)
      office(chair, unit, 'grassroots_chair', start - TERM_DAYS, start - 1);
  }
  const communesFrom = Math.round(Date.parse(`${COMMUNES_FROM}T00:00:00Z`) / 86_400_000);
  for (const unit of tree.upperUnitList) {
    const officer = person(unit, `canbo.${unit.code.toLowerCase()}`);
    office(officer, unit, 'upper_union_officer', Math.max(unit.establishedDay, communesFrom), null);
  }
  for (const unit of [...tree.provinces, ...tree.centralUnions]) {
    const officers = unit.type === 'provincial_federation' ? 2 + Math.round(unit.profile.share) : 2;
    for (let k = 1; k <= officers; k++) {
      const officer = person({ province: unit }, `${unit.code.toLowerCase()}.canbo${k}`);
      office(officer, unit, 'federation_officer', communesFrom, null);
    }
  }
  await session.copy(
    'accounts',
    ['id', 'username', 'full_name', 'full_name_folded', 'password_hash'],
    `${accounts.join('\n')}\n`,
  );
  await session.query(`select setval(pg_get_serial_sequence('accounts', 'id'), $1)`, [accountId]);
  await session.copy(
    'offices',
    ['account_id', 'unit_id', 'unit_path', 'role', 'term_start', 'term_end'],
    `${offices.join('\n')}\n`,
  );
  return counts;
}

/**
 * Workforce declarations (số CNVCLĐ) for about four grassroots unions in five: at least as many workers
 * as current members (union coverage 55–100 %), women in about the members' proportion; a third also
 * declared a year earlier, so the latest one must win.
 */
export async function writeWorkforce(
  session: BulkSession,
  random: Random,
  tree: BuiltTree,
  tally: NationalTally,
  referenceDay: number,
): Promise<number> {
  const lines: string[] = [];
  for (const unit of tree.grassrootsUnits) {
    if (!random.chance(0.8)) continue;
    const [current, women] = tally.currentByGrassroots.get(unit.id) ?? [0, 0];
    const coverage = 0.55 + 0.45 * random.next();
    const workers = current > 0 ? Math.ceil(current / coverage) : random.int(5, 40);
    const share = current > 0 ? women / current : 0.5;
    const femaleShare = Math.min(1, Math.max(0, share + (random.next() - 0.5) * 0.1));
    const asOf = Math.max(unit.establishedDay, referenceDay - random.int(0, 330));
    lines.push([unit.id, isoDay(asOf), workers, Math.round(workers * femaleShare)].map(copyValue).join('\t'));
    if (random.chance(0.33) && asOf - 365 >= unit.establishedDay) {
      const before = Math.max(1, Math.round(workers * (0.85 + 0.2 * random.next())));
      lines.push(
        [unit.id, isoDay(asOf - 365), before, Math.round(before * femaleShare)].map(copyValue).join('\t'),
      );
    }
  }
  if (lines.length > 0)
    await session.copy(
      'unit_workforce',
      ['unit_id', 'as_of', 'workers', 'female_workers'],
      `${lines.join('\n')}\n`,
    );
  return lines.length;
}
