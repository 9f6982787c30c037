import { sql, type SQL } from 'drizzle-orm';
import { GRASSROOTS_TYPES, type UnitType } from '@union/contracts/units';
import { queryRows, type Db } from '../../kernel/db/database.js';

/**
 * The statistics module is the read side of the union's data: it reads the tables of units, members and
 * offices by name in SQL (joins no module function could offer at this speed), and never writes them.
 * Figures travel as bags of metrics (`status.active` → 1234) per bucket: the unit asked about, or one of
 * its children.
 */
export type Figures = Map<string, number>;

export interface UnitPlace {
  id: number;
  path: string;
  depth: number;
  type: UnitType;
  status: string;
}

export interface ChildUnit {
  id: number;
  name: string;
  code: string;
  type: UnitType;
  status: string;
}

export interface FigureBags {
  /** The whole subtree. */
  subtree: Figures;
  /** Each child's subtree, by child id. */
  children: Map<number, Figures>;
}

const add = (bag: Figures, metric: string, value: number) => bag.set(metric, (bag.get(metric) ?? 0) + value);

function sumInto(target: Figures, source: Figures | undefined) {
  if (source) for (const [metric, value] of source) add(target, metric, value);
}

function bagsFrom(rows: { bucket: number; metric: string; value: number | string }[]): Map<number, Figures> {
  const bags = new Map<number, Figures>();
  for (const row of rows) {
    let bag = bags.get(Number(row.bucket));
    if (!bag) bags.set(Number(row.bucket), (bag = new Map()));
    add(bag, row.metric, Number(row.value));
  }
  return bags;
}

/** Every child of the unit (any status: a closed child still holds its former members' figures). */
export async function listChildren(db: Db, unitId: number): Promise<ChildUnit[]> {
  return queryRows<ChildUnit>(
    db,
    sql`select id, name, code, type, status from units where parent_id = ${unitId} order by id`,
  );
}

/**
 * Figures of the unit and its children read from the live counters: a few index reads, whatever the
 * size of the subtree. The Confederation keeps no row of its own: it is the sum of its children.
 */
export async function liveFigures(db: Db, unit: UnitPlace, children: ChildUnit[]): Promise<FigureBags> {
  const childIds = children.map((child) => child.id);
  const ids = unit.depth === 0 ? childIds : [unit.id, ...childIds];
  const rows = await queryRows<{ bucket: number; metric: string; value: string }>(
    db,
    sql`select unit_id as bucket, metric, value from unit_figures where unit_id = any(${intArray(ids)})`,
  );
  const bags = bagsFrom(rows);
  const childBags = new Map(childIds.map((id) => [id, bags.get(id) ?? new Map<string, number>()]));
  return {
    subtree: unit.depth === 0 ? rootFigures(unit, childBags) : (bags.get(unit.id) ?? new Map()),
    children: childBags,
  };
}

function rootFigures(root: UnitPlace, children: Map<number, Figures>): Figures {
  const total: Figures = new Map();
  for (const bag of children.values()) sumInto(total, bag);
  if (root.status === 'active') add(total, `unit.${root.type}`, 1);
  return total;
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/** Movements of the unit and its children over whole months, from the live monthly counters. */
export async function liveMovements(
  db: Db,
  unit: UnitPlace,
  children: ChildUnit[],
  range: { from: string; to: string },
): Promise<FigureBags> {
  const childIds = children.map((child) => child.id);
  const ids = unit.depth === 0 ? childIds : [unit.id, ...childIds];
  const rows = await queryRows<{ bucket: number; metric: string; value: string }>(
    db,
    sql`select unit_id as bucket, metric, sum(value) as value from unit_monthly_movements
      where unit_id = any(${intArray(ids)}) and month between ${firstOfMonth(range.from)}::date and ${firstOfMonth(range.to)}::date
      group by unit_id, metric`,
  );
  const bags = bagsFrom(rows);
  const childBags = new Map(childIds.map((id) => [id, bags.get(id) ?? new Map<string, number>()]));
  let subtree: Figures;
  if (unit.depth === 0) {
    subtree = new Map();
    for (const bag of childBags.values()) sumInto(subtree, bag);
  } else {
    subtree = bags.get(unit.id) ?? new Map();
  }
  return { subtree, children: childBags };
}

/** Month by month movements of the subtree (`yyyy-mm-01` → figures), from `fromMonth` on. */
export async function monthlyMovements(
  db: Db,
  unit: UnitPlace,
  fromMonth: string,
): Promise<Map<string, Figures>> {
  const holders =
    unit.depth === 0 ? sql`(select id from units where parent_id = ${unit.id})` : sql`(${unit.id}::int)`;
  const rows = await queryRows<{ month: string; metric: string; value: string }>(
    db,
    sql`select month::text as month, metric, sum(value) as value from unit_monthly_movements
      where unit_id in ${holders} and month >= ${fromMonth}::date
      group by month, metric`,
  );
  const months = new Map<string, Figures>();
  for (const row of rows) {
    let bag = months.get(row.month);
    if (!bag) months.set(row.month, (bag = new Map()));
    add(bag, row.metric, Number(row.value));
  }
  return months;
}

const intArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

/** The units of the subtree, each with the bucket it counts in: the child holding it, or the unit itself. */
const subtreeWithBuckets = (unit: UnitPlace) => sql`
  select id, path, type, status, established_on, closed_on,
    coalesce((string_to_array(trim(both '/' from path), '/')::int[])[${unit.depth + 2}::int], ${unit.id}::int) as bucket
  from units where path like ${`${unit.path}%`}`;

const STATUS_EVENT = (column: SQL) => sql`statistics_status_after(${column})`;

/**
 * The figures as they stood at the end of `at`, recomputed from the dated events: where each member was
 * (their last event then) and in what state (their last status-changing event), honorary membership and
 * dues exemption likewise; units open on that day; the workforce last declared by then. Sex, birth date
 * and nationality are the record's current values. Scans the subtree's events: for reports and past
 * cut-off dates, not for the live dashboard.
 */
export async function figuresAt(db: Db, unit: UnitPlace, at: string): Promise<FigureBags> {
  const bandYear = Number(at.slice(0, 4));
  const rows = await queryRows<{ bucket: number; metric: string; value: string }>(
    db,
    sql`
    with subtree as materialized (
      select s.*, (select a.id from units a
          where a.id = any(string_to_array(trim(both '/' from s.path), '/')::int[])
            and a.type in ('grassroots_union', 'grassroots_guild') limit 1) as grassroots_id
      from (${subtreeWithBuckets(unit)}) s
    ),
    touched as (
      select e.member_id from member_events e join subtree s on s.id = e.unit_id where e.effective_on <= ${at}::date
      union
      select e.member_id from member_events e join subtree s on s.id = e.to_unit_id where e.effective_on <= ${at}::date
    ),
    history as materialized (
      select e.id, e.member_id, e.type, e.unit_id, e.to_unit_id, e.effective_on
      from member_events e join touched t on t.member_id = e.member_id
      where e.effective_on <= ${at}::date
    ),
    place as (
      select distinct on (member_id) member_id,
        case when type = 'transfer' then to_unit_id else unit_id end as unit_id
      from history order by member_id, effective_on desc, id desc
    ),
    state as (
      select distinct on (member_id) member_id, ${STATUS_EVENT(sql`type`)} as status
      from history where ${STATUS_EVENT(sql`type`)} is not null
      order by member_id, effective_on desc, id desc
    ),
    honorary as (
      select distinct on (member_id) member_id, type = 'honorary_grant' as honorary
      from history where type in ('honorary_grant', 'honorary_revoke', 'expel')
      order by member_id, effective_on desc, id desc
    ),
    exempt as (
      select distinct on (member_id) member_id, type = 'exemption_start' as exempt
      from history where type in ('exemption_start', 'exemption_end', 'leave', 'expel', 'readmit', 'death')
      order by member_id, effective_on desc, id desc
    ),
    people as (
      select s.bucket, s.grassroots_id, st.status, m.sex, m.nationality, m.birth_date,
        coalesce(h.honorary, false) as honorary, coalesce(x.exempt, false) as exempt
      from place p
      join subtree s on s.id = p.unit_id
      join state st on st.member_id = p.member_id
      join members m on m.id = p.member_id
      left join honorary h on h.member_id = p.member_id
      left join exempt x on x.member_id = p.member_id
    )
    select bucket, metric, count(*) as value
    from people cross join lateral statistics_member_metrics(status, sex, nationality, birth_date, honorary, exempt,
      ${bandYear}::int) as metric
    group by bucket, metric
    union all
    select bucket, 'declared.current', count(*) from people
    where status in ('active', 'suspended') and exists (
      select 1 from unit_workforce w where w.unit_id = people.grassroots_id and w.as_of <= ${at}::date)
    group by bucket
    union all
    select bucket, 'unit.' || type, count(*) from subtree
    where established_on <= ${at}::date and (closed_on is null or closed_on > ${at}::date)
    group by bucket, type
    union all
    select s.bucket, v.metric, sum(v.value)
    from (select distinct on (unit_id) unit_id, workers, female_workers from unit_workforce
          where as_of <= ${at}::date order by unit_id, as_of desc, id desc) w
    join subtree s on s.id = w.unit_id
    cross join lateral (values ('workforce.workers', w.workers), ('workforce.female_workers', w.female_workers),
      ('workforce.units', 1)) as v(metric, value)
    group by s.bucket, v.metric`,
  );
  return splitBuckets(unit, bagsFrom(rows));
}

/** Movements within [from, to] recomputed from the events, for any pair of dates. */
export async function movementsBetween(
  db: Db,
  unit: UnitPlace,
  range: { from: string; to: string },
): Promise<FigureBags> {
  const rows = await queryRows<{ bucket: number; metric: string; value: string }>(
    db,
    sql`
    with subtree as materialized (${subtreeWithBuckets(unit)})
    select s.bucket, case e.type when 'admit' then 'admitted' when 'readmit' then 'readmitted'
        when 'reinstate' then 'reinstated' when 'transfer' then 'transferred_out' when 'leave' then 'left'
        when 'expel' then 'expelled' when 'death' then 'deceased' end as metric, count(*) as value
    from member_events e join subtree s on s.id = e.unit_id
    where e.effective_on between ${range.from}::date and ${range.to}::date
      and e.type in ('admit', 'readmit', 'reinstate', 'transfer', 'leave', 'expel', 'death')
    group by 1, 2
    union all
    select s.bucket, 'transferred_in', count(*)
    from member_events e join subtree s on s.id = e.to_unit_id
    where e.effective_on between ${range.from}::date and ${range.to}::date and e.type = 'transfer'
    group by 1`,
  );
  return splitBuckets(unit, bagsFrom(rows));
}

/** Grassroots unions and guilds founded within the range, per bucket. */
export async function grassrootsFoundedBetween(
  db: Db,
  unit: UnitPlace,
  range: { from: string; to: string },
): Promise<FigureBags> {
  const rows = await queryRows<{ bucket: number; metric: string; value: string }>(
    db,
    sql`
    with subtree as (${subtreeWithBuckets(unit)})
    select bucket, 'founded' as metric, count(*) as value from subtree
    where type = any(${`{${GRASSROOTS_TYPES.join(',')}}`}::text[])
      and established_on between ${range.from}::date and ${range.to}::date
    group by bucket`,
  );
  return splitBuckets(unit, bagsFrom(rows));
}

function splitBuckets(unit: UnitPlace, bags: Map<number, Figures>): FigureBags {
  const subtree: Figures = new Map();
  for (const bag of bags.values()) sumInto(subtree, bag);
  const children = new Map(bags);
  children.delete(unit.id);
  return { subtree, children };
}

/** The unit's own share of member figures: its subtree less its children's. */
export function ownFigures(bags: FigureBags): Figures {
  const own = new Map(bags.subtree);
  for (const bag of bags.children.values()) for (const [metric, value] of bag) add(own, metric, -value);
  return own;
}

export interface OfficerGapRow {
  id: number;
  name: string;
  code: string;
  type: UnitType;
  parent_name: string | null;
  chair_until: string | null;
  members: string;
}

/**
 * Grassroots unions of the subtree and their chairs: which have none in office on `today` (never elected,
 * or the term ended), the largest first; and how many people hold an office there now.
 */
export async function officerFigures(db: Db, unit: UnitPlace, today: string, limit: number) {
  // The grassroots unions of the subtree, and the latest term end of a chair who has taken office.
  const grassrootsAndChairs = sql`
    g as (select id, name, code, type, parent_id from units
      where path like ${`${unit.path}%`} and status = 'active'
        and type = any(${`{${GRASSROOTS_TYPES.join(',')}}`}::text[])),
    chairs as (
      select o.unit_id, max(coalesce(o.term_end, 'infinity'::date)) as until
      from offices o join g on g.id = o.unit_id
      where o.role = 'grassroots_chair' and o.term_start <= ${today}::date
      group by o.unit_id
    )`;
  const [totals] = await queryRows<{ grassroots: string; without_chair: string; expired: string }>(
    db,
    sql`
    with ${grassrootsAndChairs}
    select count(*) as grassroots,
      count(*) filter (where c.until is null or c.until < ${today}::date) as without_chair,
      count(*) filter (where c.until < ${today}::date) as expired
    from g left join chairs c on c.unit_id = g.id`,
  );
  const gaps = await queryRows<OfficerGapRow>(
    db,
    sql`
    with ${grassrootsAndChairs}
    select g.id, g.name, g.code, g.type, p.name as parent_name, c.until::text as chair_until,
      coalesce((select sum(f.value) from unit_figures f
        where f.unit_id = g.id and f.metric in ('status.active', 'status.suspended')), 0) as members
    from g left join chairs c on c.unit_id = g.id left join units p on p.id = g.parent_id
    where c.until is null or c.until < ${today}::date
    order by members desc, g.id
    limit ${limit}`,
  );
  const [officers] = await queryRows<{ officers: string }>(
    db,
    sql`select count(distinct account_id) as officers from offices
      where unit_path like ${`${unit.path}%`} and term_start <= ${today}::date
        and (term_end is null or term_end >= ${today}::date)
        and role not in ('member', 'partner_merchant')`,
  );
  return {
    grassroots: Number(totals!.grassroots),
    withoutChair: Number(totals!.without_chair),
    chairTermExpired: Number(totals!.expired),
    officers: Number(officers!.officers),
    gaps,
  };
}
