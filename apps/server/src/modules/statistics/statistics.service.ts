import {
  AGE_BANDS,
  CHILDREN_MAX,
  MOVEMENT_KINDS,
  OFFICER_GAPS_LIMIT,
  reportYearOf,
  SERIES_MONTHS_MAX,
  type MemberFigures,
  type MovementFigures,
  type MovementKind,
  type OfficerFiguresDto,
  type StatisticsChildDto,
  type StatisticsSeriesDto,
  type UnitCountFigures,
  type UnitStatisticsDto,
  type WorkforceFigures,
} from '@union/contracts/statistics';
import { MEMBER_STATUSES } from '@union/contracts/members';
import { GRASSROOTS_TYPES, UNIT_TYPES } from '@union/contracts/units';
import { mayAt, type Actor } from '../../kernel/access/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { todayInVietnam } from '../../kernel/time.js';
import { getUnitOrThrow } from '../units/index.js';
import {
  figuresAt,
  listChildren,
  liveFigures,
  liveMovements,
  monthlyMovements,
  movementsBetween,
  officerFigures,
  ownFigures,
  type ChildUnit,
  type FigureBags,
  type Figures,
  type UnitPlace,
} from './statistics.queries.js';

const valueOf = (bag: Figures, metric: string) => bag.get(metric) ?? 0;

export function memberFigures(bag: Figures): MemberFigures {
  const byStatus = Object.fromEntries(
    MEMBER_STATUSES.map((status) => [status, valueOf(bag, `status.${status}`)]),
  ) as MemberFigures['byStatus'];
  return {
    total: byStatus.active,
    active: byStatus.active,
    current: byStatus.active + byStatus.suspended,
    female: valueOf(bag, 'active.female'),
    male: valueOf(bag, 'active.male'),
    foreign: valueOf(bag, 'active.foreign'),
    honorary: valueOf(bag, 'active.honorary'),
    duesExempt: valueOf(bag, 'active.dues_exempt'),
    byAgeBand: Object.fromEntries(
      AGE_BANDS.map((band) => [band, valueOf(bag, `age.${band}`)]),
    ) as MemberFigures['byAgeBand'],
    byStatus,
  };
}

/** Contract names (camelCase) to the metric names the counters use. */
const MOVEMENT_METRICS: Record<MovementKind, string> = {
  admitted: 'admitted',
  readmitted: 'readmitted',
  reinstated: 'reinstated',
  transferredIn: 'transferred_in',
  transferredOut: 'transferred_out',
  left: 'left',
  expelled: 'expelled',
  deceased: 'deceased',
};

export const movementFigures = (bag: Figures): MovementFigures =>
  Object.fromEntries(
    MOVEMENT_KINDS.map((kind) => [kind, valueOf(bag, MOVEMENT_METRICS[kind])]),
  ) as MovementFigures;

export function unitCountFigures(bag: Figures): UnitCountFigures {
  const byType = Object.fromEntries(
    UNIT_TYPES.map((type) => [type, valueOf(bag, `unit.${type}`)]),
  ) as UnitCountFigures['byType'];
  return { grassroots: GRASSROOTS_TYPES.reduce((sum, type) => sum + byType[type], 0), byType };
}

export function workforceFigures(bag: Figures): WorkforceFigures {
  const workers = valueOf(bag, 'workforce.workers');
  const current = valueOf(bag, 'declared.current');
  return {
    workers,
    femaleWorkers: valueOf(bag, 'workforce.female_workers'),
    unitsDeclared: valueOf(bag, 'workforce.units'),
    coverage: workers > 0 ? Math.round((current / workers) * 10_000) / 10_000 : null,
  };
}

/** The unit as the statistics need it, if the actor may read statistics there. */
export async function statisticsUnit(db: Db, actor: Actor, unitId: number) {
  const unit = await getUnitOrThrow(db, actor, unitId, 'statistics.read');
  return unit;
}

export function assertCutOff(at: string | undefined, today: string): string {
  if (at === undefined) return today;
  if (at > today) throw new DomainError('statistics.future_date');
  return at;
}

/**
 * Everything about a subtree at a cut-off date: from the live counters when the cut-off is today, else
 * recomputed from the dated events. Movements cover `range`.
 */
export async function collectFigures(
  db: Db,
  unit: UnitPlace,
  children: ChildUnit[],
  at: string,
  range: { from: string; to: string },
  today: string,
): Promise<{ live: boolean; figures: FigureBags; movements: FigureBags }> {
  const live = at === today;
  if (live) {
    // Whole months up to the current one: no event is dated after today, so the month in progress is exact.
    const [figures, movements] = [
      await liveFigures(db, unit, children),
      await liveMovements(db, unit, children, range),
    ];
    return { live, figures, movements };
  }
  const [figures, movements] = [await figuresAt(db, unit, at), await movementsBetween(db, unit, range)];
  return { live, figures, movements };
}

const EMPTY: Figures = new Map();

export async function unitStatistics(
  db: Db,
  actor: Actor,
  unitId: number,
  query: { at?: string },
): Promise<UnitStatisticsDto> {
  const today = todayInVietnam();
  const at = assertCutOff(query.at, today);
  const unit = await statisticsUnit(db, actor, unitId);
  const children = await listChildren(db, unit.id);
  const period = { from: reportYearOf(at).from, to: at };
  const { live, figures, movements } = await collectFigures(db, unit, children, at, period, today);
  const childDtos: StatisticsChildDto[] = children
    .map((child) => {
      const bag = figures.children.get(child.id) ?? EMPTY;
      return {
        unitId: child.id,
        name: child.name,
        code: child.code,
        type: child.type,
        members: memberFigures(bag),
        movements: movementFigures(movements.children.get(child.id) ?? EMPTY),
        units: unitCountFigures(bag),
      };
    })
    // A closed child with nobody left in it says nothing.
    .filter((child, index) => children[index]!.status === 'active' || child.members.byStatus.active > 0)
    .sort((a, b) => b.members.total - a.members.total || a.name.localeCompare(b.name, 'vi'));
  return {
    unitId: unit.id,
    name: unit.name,
    code: unit.code,
    type: unit.type,
    at,
    live,
    period,
    members: memberFigures(figures.subtree),
    movements: movementFigures(movements.subtree),
    units: unitCountFigures(figures.subtree),
    workforce: workforceFigures(figures.subtree),
    own: {
      members: memberFigures(ownFigures(figures)),
      movements: movementFigures(ownFigures(movements)),
    },
    children: childDtos.slice(0, CHILDREN_MAX),
    childrenTotal: childDtos.length,
    can: {
      declareWorkforce:
        GRASSROOTS_TYPES.includes(unit.type) && mayAt(actor, 'statistics.workforce', unit.path),
    },
  };
}

const monthIndex = (yearMonth: string) =>
  Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Month by month: the movements, and the members at each month's end — today's count less the net
 * changes dated after that month, so one read of the monthly counters gives the whole curve.
 */
export async function unitSeries(
  db: Db,
  actor: Actor,
  unitId: number,
  query: { from: string; to: string },
): Promise<StatisticsSeriesDto> {
  const today = todayInVietnam();
  const first = monthIndex(query.from);
  const last = Math.min(monthIndex(query.to), monthIndex(today));
  if (first > monthIndex(query.to) || monthIndex(query.to) - first + 1 > SERIES_MONTHS_MAX) {
    throw new DomainError('statistics.series_too_long');
  }
  const unit = await statisticsUnit(db, actor, unitId);
  const children = unit.depth === 0 ? await listChildren(db, unit.id) : [];
  const [live, months] = [
    await liveFigures(db, unit, children),
    await monthlyMovements(db, unit, `${monthOf(first)}-01`),
  ];
  const currentNow = valueOf(live.subtree, 'status.active') + valueOf(live.subtree, 'status.suspended');
  // Walk back from today: the members at the end of month m are those now, less what came after m.
  let membersAtEnd = currentNow;
  const series: StatisticsSeriesDto['months'] = [];
  for (let index = monthIndex(today); index >= first; index--) {
    const month = monthOf(index);
    const bag = months.get(`${month}-01`) ?? EMPTY;
    if (index <= last) series.push({ month, movements: movementFigures(bag), membersAtEnd });
    membersAtEnd -= valueOf(bag, 'current_net');
  }
  return { unitId: unit.id, months: series.reverse() };
}

export async function unitOfficerFigures(db: Db, actor: Actor, unitId: number): Promise<OfficerFiguresDto> {
  const today = todayInVietnam();
  const unit = await statisticsUnit(db, actor, unitId);
  const children = unit.depth === 0 ? await listChildren(db, unit.id) : [];
  const live = await liveFigures(db, unit, children);
  const figures = await officerFigures(db, unit, today, OFFICER_GAPS_LIMIT);
  const current = valueOf(live.subtree, 'status.active') + valueOf(live.subtree, 'status.suspended');
  return {
    unitId: unit.id,
    grassroots: figures.grassroots,
    withoutChair: figures.withoutChair,
    chairTermExpired: figures.chairTermExpired,
    officers: figures.officers,
    membersPerOfficer: figures.officers > 0 ? Math.round((current / figures.officers) * 10) / 10 : null,
    gaps: figures.gaps.map((row) => ({
      unitId: row.id,
      name: row.name,
      code: row.code,
      type: row.type,
      parentName: row.parent_name,
      gap: row.chair_until === null ? 'no_chair' : 'term_expired',
      termEndedOn: row.chair_until,
      members: Number(row.members),
    })),
  };
}
