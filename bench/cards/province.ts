import { performance } from 'node:perf_hooks';
import type { EngineKind } from '../../apps/server/src/kernel/db/database.js';
import type { BulkSession } from '../../scripts/national/bulk.js';
import { PROVINCE_PROFILES } from '../../scripts/national/places.js';
import { Random } from '../../scripts/national/random.js';
import { buildTree } from '../../scripts/national/tree.js';
import { loadMembers, type LoadStats } from '../members/load.js';

export interface LoadedProvince {
  id: number;
  name: string;
  path: string;
  members: number;
  /** Grassroots unions and branches holding members, in the province. */
  homes: number;
  /** Units of the whole country's tree (other provinces' units are there, empty). */
  countryUnits: number;
  treeSeconds: number;
  stats: LoadStats;
}

/** Tables whose user triggers (the statistics counters) are off while the province loads. */
const LOADED_TABLES = ['members', 'member_events'];

/**
 * A province of about `members` members, national-shaped: the national generator's tree for the country
 * scaled so that its largest province (Hồ Chí Minh City, 16.5 % of the members) gets `members`, with
 * only that province's members generated and loaded (COPY, the app's indexes built after, VACUUM
 * ANALYZE: the members suite's loader). All of them are active, with one admission event each. The
 * statistics triggers are off during the load: nothing here reads the counters, and counting a
 * million admissions row by row would measure the statistics module, not the cards.
 */
export async function loadProvince(
  session: BulkSession,
  engine: EngineKind,
  members: number,
  seed: number,
  log: (message: string) => void,
): Promise<LoadedProvince> {
  const largest = PROVINCE_PROFILES.reduce((a, b) => (b.share > a.share ? b : a));
  const shareSum = PROVINCE_PROFILES.reduce((sum, p) => sum + p.share, 0);
  const country = Math.ceil((members * shareSum) / largest.share);
  const treeStarted = performance.now();
  log(`building the country's tree as for ${country.toLocaleString('en-US')} members…`);
  const tree = await buildTree(session, new Random(seed), country);
  const treeSeconds = (performance.now() - treeStarted) / 1000;
  const homes = tree.homes.filter((home) => home.province.code === largest.code);
  const province = homes[0]!.province;
  const total = homes.reduce((sum, home) => sum + home.members, 0);
  log(
    `loading ${total.toLocaleString('en-US')} members of ${province.name} ` +
      `(${homes.length.toLocaleString('en-US')} grassroots unions and branches) with COPY…`,
  );
  for (const table of LOADED_TABLES) await session.exec(`alter table ${table} disable trigger user`);
  let stats: LoadStats;
  try {
    stats = await loadMembers(session, engine, { ...tree, homes }, seed, log);
  } finally {
    for (const table of LOADED_TABLES) await session.exec(`alter table ${table} enable trigger user`);
  }
  return {
    id: province.id,
    name: province.name,
    path: province.path,
    members: stats.members,
    homes: homes.length,
    countryUnits: tree.upperUnits + tree.grassroots + tree.branches + 35,
    treeSeconds,
    stats,
  };
}
