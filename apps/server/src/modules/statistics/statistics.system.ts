import { sql } from 'drizzle-orm';
import type { UnitType } from '@union/contracts/units';
import { queryRows, type Db } from '../../kernel/db/database.js';

/**
 * The recount: every unit's figures computed again from scratch, from members, their events, units and
 * workforce declarations — written independently of the triggers that keep them live (window functions
 * over each member's history instead of looking back one event at a time), so that agreement proves
 * something. Reads every table whole: for `stats:verify`, the tests, seeds and the yearly re-banding,
 * never a request.
 *
 * It reads the members module's tables by name: the counters are derived from them by triggers in this
 * module's migration, and the recount must see exactly what the triggers saw.
 */

/** The figures each unit should hold for its whole subtree: (unit_id, metric, value), zeros left out. */
const expectedFigures = (bandYear: number) => sql`
  with own_members as (
    select unit_id,
      count(*) filter (where status = 'active') as active,
      count(*) filter (where status = 'suspended') as suspended,
      count(*) filter (where status = 'left') as left_,
      count(*) filter (where status = 'expelled') as expelled,
      count(*) filter (where status = 'deceased') as deceased,
      count(*) filter (where status = 'active' and sex = 'female') as female,
      count(*) filter (where status = 'active' and sex = 'male') as male,
      count(*) filter (where status = 'active' and nationality <> 'VN') as foreign_,
      count(*) filter (where status = 'active' and honorary) as honorary,
      count(*) filter (where status = 'active' and dues_exempt) as dues_exempt,
      count(*) filter (where status = 'active' and ${bandYear}::int - extract(year from birth_date) < 30) as age_under_30,
      count(*) filter (where status = 'active' and ${bandYear}::int - extract(year from birth_date) between 30 and 39) as age_30_39,
      count(*) filter (where status = 'active' and ${bandYear}::int - extract(year from birth_date) between 40 and 49) as age_40_49,
      count(*) filter (where status = 'active' and ${bandYear}::int - extract(year from birth_date) between 50 and 59) as age_50_59,
      count(*) filter (where status = 'active' and ${bandYear}::int - extract(year from birth_date) >= 60) as age_60_plus
    from members group by unit_id
  ), own as (
    select m.unit_id, v.metric, v.value
    from own_members m cross join lateral (values
      ('status.active', m.active), ('status.suspended', m.suspended), ('status.left', m.left_),
      ('status.expelled', m.expelled), ('status.deceased', m.deceased),
      ('active.female', m.female), ('active.male', m.male), ('active.foreign', m.foreign_),
      ('active.honorary', m.honorary), ('active.dues_exempt', m.dues_exempt),
      ('age.under_30', m.age_under_30), ('age.30_39', m.age_30_39), ('age.40_49', m.age_40_49),
      ('age.50_59', m.age_50_59), ('age.60_plus', m.age_60_plus)) as v(metric, value)
    union all
    select id, 'unit.' || type, 1 from units where status = 'active'
    union all
    select w.unit_id, v.metric, v.value
    from (select distinct on (unit_id) unit_id, workers, female_workers
          from unit_workforce order by unit_id, as_of desc, id desc) w
    cross join lateral (values ('workforce.workers', w.workers::bigint),
      ('workforce.female_workers', w.female_workers::bigint), ('workforce.units', 1::bigint)) as v(metric, value)
    union all
    -- Members of grassroots unions that declared a workforce, counted at the union named on their record.
    select m.grassroots_unit_id, 'declared.current', count(*)
    from members m
    where m.status in ('active', 'suspended')
      and exists (select 1 from unit_workforce w where w.unit_id = m.grassroots_unit_id)
    group by m.grassroots_unit_id
  ), own_totals as (
    select unit_id, metric, sum(value) as value from own group by unit_id, metric
  )
  select holder.id as unit_id, o.metric, sum(o.value)::bigint as value
  from own_totals o
  join units u on u.id = o.unit_id
  cross join lateral unnest((string_to_array(trim(both '/' from u.path), '/')::int[])[2:]) as holder(id)
  group by holder.id, o.metric
  having sum(o.value) <> 0`;

/** The monthly movements each unit should hold for its subtree, from the events alone. */
const expectedMovements = sql`
  with ev as (
    select id, member_id, type, unit_id, to_unit_id, effective_on,
      date_trunc('month', effective_on)::date as month,
      case when type in ('admit', 'readmit', 'reinstate', 'resume', 'honorary_grant') then 'active'
        when type = 'suspend' then 'suspended' when type = 'leave' then 'left'
        when type = 'expel' then 'expelled' when type = 'death' then 'deceased' end as sets_status
    from member_events
  ), runs as (
    select ev.*, count(sets_status) over (partition by member_id order by effective_on, id) as run
    from ev
  ), states as (
    select runs.*,
      first_value(sets_status) over (partition by member_id, run order by effective_on, id) as status_after
    from runs
  ), steps as (
    select states.*,
      coalesce(lag(status_after) over (partition by member_id order by effective_on, id) in ('active', 'suspended'), false)
        as current_before,
      coalesce(status_after in ('active', 'suspended'), false) as current_after
    from states
  ), own as (
    select unit_id, month, case type when 'admit' then 'admitted' when 'readmit' then 'readmitted'
        when 'reinstate' then 'reinstated' when 'transfer' then 'transferred_out' when 'leave' then 'left'
        when 'expel' then 'expelled' when 'death' then 'deceased' end as metric, 1 as value
    from steps
    union all
    select to_unit_id, month, 'transferred_in', 1 from steps where type = 'transfer'
    union all
    select unit_id, month, 'current_net',
      case when type = 'transfer' then -current_before::int else current_after::int - current_before::int end
    from steps
    union all
    select to_unit_id, month, 'current_net', current_before::int from steps where type = 'transfer'
  ), own_totals as (
    select unit_id, month, metric, sum(value) as value from own
    where metric is not null and unit_id is not null group by unit_id, month, metric
  )
  select holder.id as unit_id, o.month, o.metric, sum(o.value)::int as value
  from own_totals o
  join units u on u.id = o.unit_id
  cross join lateral unnest((string_to_array(trim(both '/' from u.path), '/')::int[])[2:]) as holder(id)
  group by holder.id, o.month, o.metric
  having sum(o.value) <> 0`;

export interface FigureMismatch {
  unitId: number;
  /** yyyy-mm-dd for a monthly movement; null for a live figure. */
  month: string | null;
  metric: string;
  expected: number;
  stored: number;
}

async function ageBandYear(db: Db): Promise<number> {
  const [row] = await queryRows<{ year: number }>(
    db,
    sql`select age_band_year::int as year from statistics_settings where id = 1`,
  );
  return Number(row!.year);
}

/** Compares the stored figures with the recount; an empty list means they agree everywhere. */
export async function unsafeVerifyStatistics(db: Db, limit = 1000): Promise<FigureMismatch[]> {
  const bandYear = await ageBandYear(db);
  const figures = await queryRows<{ unit_id: number; metric: string; expected: string; stored: string }>(
    db,
    sql`
    with expected as (${expectedFigures(bandYear)}),
    stored as (select unit_id, metric, value from unit_figures where value <> 0)
    select coalesce(e.unit_id, s.unit_id) as unit_id, coalesce(e.metric, s.metric) as metric,
      coalesce(e.value, 0) as expected, coalesce(s.value, 0) as stored
    from expected e full join stored s on s.unit_id = e.unit_id and s.metric = e.metric
    where e.value is distinct from s.value
    order by 1, 2 limit ${limit}`,
  );
  const movements = await queryRows<{
    unit_id: number;
    month: string;
    metric: string;
    expected: string;
    stored: string;
  }>(
    db,
    sql`
    with expected as (${expectedMovements}),
    stored as (select unit_id, month, metric, value from unit_monthly_movements where value <> 0)
    select coalesce(e.unit_id, s.unit_id) as unit_id, coalesce(e.month, s.month)::text as month,
      coalesce(e.metric, s.metric) as metric, coalesce(e.value, 0) as expected, coalesce(s.value, 0) as stored
    from expected e full join stored s on s.unit_id = e.unit_id and s.month = e.month and s.metric = e.metric
    where e.value is distinct from s.value
    order by 1, 2, 3 limit ${limit}`,
  );
  return [
    ...figures.map((row) => ({
      unitId: Number(row.unit_id),
      month: null,
      metric: row.metric,
      expected: Number(row.expected),
      stored: Number(row.stored),
    })),
    ...movements.map((row) => ({
      unitId: Number(row.unit_id),
      month: row.month,
      metric: row.metric,
      expected: Number(row.expected),
      stored: Number(row.stored),
    })),
  ];
}

/**
 * Replaces every stored figure with the recount, with the writers of its sources held off meanwhile:
 * after a bulk load with the triggers off, to repair what `stats:verify` found, and each new year to
 * re-band ages (`bandYear`, default unchanged).
 */
export async function unsafeRebuildStatistics(db: Db, bandYear?: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`lock table members, member_events, units, unit_workforce, unit_figures, unit_monthly_movements in share row exclusive mode`,
    );
    if (bandYear !== undefined) {
      await tx.execute(sql`update statistics_settings set age_band_year = ${bandYear} where id = 1`);
    }
    const year = await ageBandYear(tx);
    await tx.execute(sql`delete from unit_figures`);
    await tx.execute(sql`delete from unit_monthly_movements`);
    await tx.execute(sql`insert into unit_figures (unit_id, metric, value) ${expectedFigures(year)}`);
    await tx.execute(
      sql`insert into unit_monthly_movements (unit_id, month, metric, value) ${expectedMovements}`,
    );
  });
}

/** A unit as reports need it, whoever asks: a job whose scope was checked when it was started. */
export async function unsafeFindUnitPlace(db: Db, unitId: number) {
  const [unit] = await queryRows<{
    id: number;
    name: string;
    code: string;
    type: UnitType;
    status: string;
    path: string;
    depth: number;
    parentName: string | null;
  }>(
    db,
    sql`select u.id, u.name, u.code, u.type, u.status, u.path, u.depth, p.name as "parentName"
      from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`,
  );
  return unit;
}

/**
 * Units with their current members (active or suspended), whoever asks: for seeds. Counted from the
 * members themselves, since the figures of the seed's own transaction are only added at its commit.
 */
export async function unsafeUnitsWithMembers(db: Db, ids: number[]) {
  const rows = await queryRows<{ id: number; path: string; members: string }>(
    db,
    sql`select u.id, u.path, coalesce(m.members, 0) as members
      from units u
      left join (select grassroots_unit_id, count(*) as members from members
        where status in ('active', 'suspended') group by grassroots_unit_id) m on m.grassroots_unit_id = u.id
      where u.id = any(${`{${ids.join(',')}}`}::int[])
      order by u.id`,
  );
  return rows.map((row) => ({ id: row.id, path: row.path, members: Number(row.members) }));
}
