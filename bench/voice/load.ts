import { performance } from 'node:perf_hooks';
import type { RoutingUnit } from '../../apps/server/src/modules/units/index.js';
import type { EngineKind } from '../../apps/server/src/kernel/db/database.js';
import { hashPassword } from '../../apps/server/src/modules/accounts/index.js';
import type { BulkSession } from '../../scripts/national/bulk.js';
import { Random } from '../../scripts/national/random.js';
import { buildTree, type BuiltTree } from '../../scripts/national/tree.js';
import { loadMembers, type LoadStats } from '../members/load.js';
import {
  placeOf,
  SyntheticVoice,
  type SyntheticAuthor,
  type SyntheticPlace,
  type SyntheticVoiceItem,
} from './app-internals.js';

const seconds = (since: number) => (performance.now() - since) / 1000;

export interface VoiceTree {
  tree: BuiltTree;
  treeSeconds: number;
  members: LoadStats;
  accounts: number;
  accountsSeconds: number;
  /** The password of every member account the suite made (one argon2 hash shared by all). */
  memberPassword: string;
}

/**
 * The country's tree for `treeMembers` members (the national generator, with the central sector and
 * corporate unions), `memberShare` of each union's members loaded with the members suite's loader
 * (COPY, indexes after, VACUUM ANALYZE; the statistics triggers off: nothing here reads those
 * counters), and an account for every member with a phone number of their own: authors of what members
 * raise have signed in to raise it.
 */
export async function loadTree(
  session: BulkSession,
  engine: EngineKind,
  treeMembers: number,
  memberShare: number,
  seed: number,
  memberPassword: string,
  log: (message: string) => void,
): Promise<VoiceTree> {
  const treeStarted = performance.now();
  log(`building the country's tree as for ${treeMembers.toLocaleString('en-US')} members…`);
  const built = await buildTree(session, new Random(seed), treeMembers, { centralUnions: true });
  // A share of every union's members (at least one): the tree's shape without all of its people.
  const tree: BuiltTree = {
    ...built,
    homes: built.homes.map((home) => ({
      ...home,
      members: Math.max(1, Math.round(home.members * memberShare)),
    })),
  };
  const treeSeconds = seconds(treeStarted);
  const total = tree.homes.reduce((sum, home) => sum + home.members, 0);
  log(`loading ${total.toLocaleString('en-US')} members with COPY…`);
  // The statistics and cards triggers stay off while members are loaded.
  for (const table of ['members', 'member_events'])
    await session.exec(`alter table ${table} disable trigger user`);
  let members: LoadStats;
  try {
    members = await loadMembers(session, engine, tree, seed, log);
  } finally {
    for (const table of ['members', 'member_events'])
      await session.exec(`alter table ${table} enable trigger user`);
  }
  log('accounts for members with a phone of their own…');
  const accountsStarted = performance.now();
  const made = await memberAccounts(session, memberPassword);
  await session.exec('analyze accounts');
  const accountsSeconds = seconds(accountsStarted);
  return {
    tree,
    treeSeconds,
    members,
    accounts: Number(made.n),
    accountsSeconds,
    memberPassword,
  };
}

/**
 * One account per member whose phone is their own, sharing one argon2 hash. The member record is linked
 * at the first sign-in that needs it, as the app does (findOwnMember matches the phone).
 */
async function memberAccounts(session: BulkSession, memberPassword: string): Promise<{ n: number }> {
  const hash = await hashPassword(memberPassword);
  // A phone shared by two members (a family's) logs in neither: such members get no account.
  const [made] = await session.query<{ n: number }>(
    `with made as (
       insert into accounts (phone, full_name, full_name_folded, password_hash)
       select m.phone, m.full_name, m.full_name_folded, $1 from members m
       where m.phone is not null and m.status = 'active'
         and not exists (select 1 from members o where o.phone = m.phone and o.id <> m.id)
       order by m.id
       returning id
     )
     select count(*)::int as n from made`,
    [hash],
  );
  return made!;
}

export interface Author {
  memberId: number;
  accountId: number;
  unitId: number;
  unitPath: string;
  grassrootsUnitId: number;
  provinceId: number;
  phone: string;
}

/** Every member with an account, and the units above them as routing reads them. */
export async function readAuthors(
  session: BulkSession,
): Promise<{ authors: Author[]; units: Map<number, RoutingUnit> }> {
  const rows = await session.query<{
    id: number;
    account_id: number;
    unit_id: number;
    unit_path: string;
    grassroots_unit_id: number;
    province_id: number;
    phone: string;
  }>(
    `select m.id, a.id as account_id, m.unit_id, m.unit_path, m.grassroots_unit_id, m.province_id, m.phone
     from members m join accounts a on a.phone = m.phone where m.status = 'active' order by m.id`,
  );
  const unitRows = await session.query<{
    id: number;
    name: string;
    type: RoutingUnit['type'];
    path: string;
    parent_id: number | null;
    managing_unit_id: number | null;
    province_id: number | null;
    status: RoutingUnit['status'];
  }>(`select id, name, type, path, parent_id, managing_unit_id, province_id, status from units`);
  const units = new Map<number, RoutingUnit>(
    unitRows.map((u) => [
      Number(u.id),
      {
        id: Number(u.id),
        name: u.name,
        type: u.type,
        path: u.path,
        parentId: u.parent_id === null ? null : Number(u.parent_id),
        managingUnitId: u.managing_unit_id === null ? null : Number(u.managing_unit_id),
        provinceId: u.province_id === null ? null : Number(u.province_id),
        status: u.status,
      },
    ]),
  );
  return {
    authors: rows.map((r) => ({
      memberId: Number(r.id),
      accountId: Number(r.account_id),
      unitId: Number(r.unit_id),
      unitPath: r.unit_path,
      grassrootsUnitId: Number(r.grassroots_unit_id),
      provinceId: Number(r.province_id),
      phone: r.phone,
    })),
    units,
  };
}

/** The columns of voice_items the generator fills (all but the identity), in COPY order. */
const ITEM_COLUMNS = [
  'kind',
  'title',
  'body',
  'search_text',
  'terms',
  'category',
  'category_suggested',
  'category_confidence',
  'status',
  'anonymous',
  'scope',
  'author_member_id',
  'author_account_id',
  'entered_by_account_id',
  'origin_unit_id',
  'origin_unit_path',
  'grassroots_unit_id',
  'province_id',
  'zone_unit_id',
  'sector_unit_id',
  'handling_unit_id',
  'handling_unit_path',
  'handling_province_id',
  'handling_since',
  'due_at',
  'escalations',
  'support_count',
  'answer_required_at',
  'answer_body',
  'answered_at',
  'answered_by_account_id',
  'answered_by_unit_id',
  'answered_on_time',
  'rating',
  'rating_comment',
  'reopened_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const;

// COPY's text format: \N for null, backslash escapes for backslash, tab and line breaks.
const text = (value: string | null | undefined) =>
  value === null || value === undefined
    ? '\\N'
    : value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
const num = (value: number | null | undefined) =>
  value === null || value === undefined ? '\\N' : String(value);
const instant = (value: Date | null | undefined) => (value ? value.toISOString() : '\\N');
const bool = (value: boolean | null | undefined) =>
  value === null || value === undefined ? '\\N' : value ? 't' : 'f';
// Terms are folded letters, digits and one space: quoted, they need no escaping inside the array.
const terms = (value: string[]) => `{${value.map((term) => `"${term}"`).join(',')}}`;

function copyLine(item: SyntheticVoiceItem): string {
  return [
    item.kind,
    text(item.title),
    text(item.body),
    text(item.searchText),
    terms(item.terms),
    item.category,
    item.categorySuggested,
    num(item.categoryConfidence),
    item.status,
    bool(item.anonymous),
    text(item.scope),
    num(item.authorMemberId),
    num(item.authorAccountId),
    num(item.enteredByAccountId),
    num(item.originUnitId),
    text(item.originUnitPath),
    num(item.grassrootsUnitId),
    num(item.provinceId),
    num(item.zoneUnitId),
    num(item.sectorUnitId),
    num(item.handlingUnitId),
    text(item.handlingUnitPath),
    num(item.handlingProvinceId),
    instant(item.handlingSince),
    instant(item.dueAt),
    num(item.escalations),
    num(item.supportCount),
    instant(item.answerRequiredAt),
    text(item.answerBody),
    instant(item.answeredAt),
    num(item.answeredByAccountId),
    num(item.answeredByUnitId),
    bool(item.answeredOnTime),
    num(item.rating),
    text(item.ratingComment),
    instant(item.reopenedAt),
    instant(item.closedAt),
    instant(item.createdAt),
    instant(item.updatedAt),
  ].join('\t');
}

export interface ItemLoad {
  items: number;
  distinctWordings: number;
  statements: number;
  /** The whole load: every COPY statement and the generation of its rows, the sample's extra COPYs not. */
  loadSeconds: number;
  /** The sample statements' rows, generated beforehand (classification of distinct wordings included). */
  sampleGenerateSeconds: number;
  /** The sample: rows COPYed into a plain table of the same columns, then the same into voice_items. */
  sampleRows: number;
  plainSeconds: number;
  /** The sample's COPY into voice_items with its indexes and statement triggers. */
  pairedSeconds: number;
  /** The sample into voice_items with the counting triggers disabled (rolled back). */
  untriggeredSeconds: number;
  /** The same with only the topic-terms trigger disabled (rolled back). */
  withoutTermsSeconds: number;
  analyzeSeconds: number;
}

/** Rows generated at a time while a COPY streams. */
const PIECE_ROWS = 2_000;

/**
 * `count` items over 24 months from members drawn at random (one with an account: they raised it through
 * the app), in arrival order, COPYed `perStatement` rows a statement into voice_items, where the
 * statement triggers count them into voice_monthly_counts and voice_term_counts as an import would.
 * The first `sampleStatements` statements are generated beforehand and measured four ways: into a plain
 * table with the same columns and no index, constraint or trigger (the floor), into voice_items without
 * the counting triggers and with the monthly counts only (both rolled back), and for real. The others
 * stream: rows are generated while PostgreSQL takes in the ones before.
 */
export async function loadItems(
  session: BulkSession,
  authors: readonly Author[],
  units: ReadonlyMap<number, RoutingUnit>,
  options: { count: number; seed: number; now: Date; perStatement: number; sampleStatements: number },
  log: (message: string) => void,
): Promise<ItemLoad> {
  const generator = new SyntheticVoice({ seed: options.seed, now: options.now, months: 24, events: false });
  const random = new Random(options.seed ^ 0x70c3);
  const places = new Map<number, SyntheticPlace>();
  const authorOf = (author: Author): SyntheticAuthor => {
    let place = places.get(author.grassrootsUnitId);
    if (!place) {
      place = placeOf(author.unitPath, author.grassrootsUnitId, units);
      places.set(author.grassrootsUnitId, place);
    }
    return { ...author, enteredByAccountId: null, place };
  };
  const loadStarted = performance.now();
  let experimentSeconds = 0;
  const instants = generator.drawInstants(options.count);
  const rows = (from: number, to: number) => {
    const lines: string[] = [];
    for (let i = from; i < to; i++) {
      const author = authors[random.int(0, authors.length - 1)]!;
      lines.push(copyLine(generator.item(authorOf(author), instants[i]!).item));
    }
    return `${lines.join('\n')}\n`;
  };
  function* pieces(from: number, to: number): Generator<string> {
    for (let i = from; i < to; i += PIECE_ROWS) yield rows(i, Math.min(to, i + PIECE_ROWS));
  }

  await session.exec(
    `create table bench_voice_plain (like voice_items including defaults including identity)`,
  );
  const result: ItemLoad = {
    items: 0,
    distinctWordings: 0,
    statements: 0,
    loadSeconds: 0,
    sampleGenerateSeconds: 0,
    sampleRows: 0,
    plainSeconds: 0,
    pairedSeconds: 0,
    untriggeredSeconds: 0,
    withoutTermsSeconds: 0,
    analyzeSeconds: 0,
  };
  const timedCopy = async (table: string, text: string | Iterable<string>) => {
    const t = performance.now();
    await session.copy(table, ITEM_COLUMNS, text);
    return seconds(t);
  };
  // The same rows without some of the counting triggers, rolled back: what each trigger costs.
  const rolledBack = async (disable: string, chunk: string) => {
    await session.exec('begin');
    try {
      await session.exec(`alter table voice_items disable trigger ${disable}`);
      return await timedCopy('voice_items', chunk);
    } finally {
      await session.exec('rollback');
    }
  };
  try {
    for (let offset = 0; offset < options.count; offset += options.perStatement) {
      const end = Math.min(options.count, offset + options.perStatement);
      let itemSeconds: number;
      if (result.statements < options.sampleStatements) {
        const generated = performance.now();
        const chunk = rows(offset, end);
        result.sampleGenerateSeconds += seconds(generated);
        const untriggered = await rolledBack('user', chunk);
        const withoutTerms = await rolledBack('voice_terms_counted_insert', chunk);
        const plain = await timedCopy('bench_voice_plain', chunk);
        result.untriggeredSeconds += untriggered;
        result.withoutTermsSeconds += withoutTerms;
        result.plainSeconds += plain;
        experimentSeconds += untriggered + withoutTerms + plain;
        itemSeconds = await timedCopy('voice_items', chunk);
        result.pairedSeconds += itemSeconds;
        result.sampleRows += end - offset;
      } else {
        itemSeconds = await timedCopy('voice_items', pieces(offset, end));
      }
      result.statements += 1;
      result.items = end;
      log(
        `  ${end.toLocaleString('en-US')}/${options.count.toLocaleString('en-US')} items ` +
          `(${Math.round((end - offset) / itemSeconds).toLocaleString('en-US')} rows/s into voice_items)`,
      );
    }
  } finally {
    await session.exec('drop table if exists bench_voice_plain');
  }
  result.loadSeconds = seconds(loadStarted) - experimentSeconds;
  // As autovacuum leaves a table after a bulk load (and as the members suite's loader does).
  log('  VACUUM ANALYZE…');
  const analyzed = performance.now();
  await session.exec('vacuum analyze voice_items, voice_monthly_counts, voice_term_counts');
  result.analyzeSeconds = seconds(analyzed);
  result.distinctWordings = generator.distinctWordings;
  return result;
}
