import { and, eq, lt, sql } from 'drizzle-orm';
import {
  parseReportPeriod,
  type OrganisationReportDto,
  type OrganisationReportLine,
  type ReportPeriod,
} from '@union/contracts/statistics';
import type { Actor } from '../../kernel/access/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { enqueueJob, type JobContext } from '../../kernel/jobs/job-runner.js';
import { jobs } from '../../kernel/jobs/jobs.schema.js';
import { todayInVietnam } from '../../kernel/time.js';
import { findUnit } from '../units/index.js';
import { unsafeFindUnitPlace } from './statistics.system.js';
import {
  grassrootsFoundedBetween,
  listChildren,
  type Figures,
  type UnitPlace,
} from './statistics.queries.js';
import { collectFigures, statisticsUnit, workforceFigures } from './statistics.service.js';
import { statisticsReportFiles } from './statistics.schema.js';
import {
  reportFilename,
  writeOrganisationReportPdf,
  writeOrganisationReportXlsx,
} from './report-files/index.js';

export const REPORT_JOB_KIND = 'statistics.organisation_report';
export type ReportFileFormat = 'xlsx' | 'pdf';

const CONTENT_TYPES: Record<ReportFileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Generated report files are kept this long for their creator to fetch. */
const REPORT_FILE_DAYS = 7;

function periodOrThrow(code: string, today: string): ReportPeriod {
  const period = parseReportPeriod(code);
  if (!period) throw new DomainError('statistics.period_invalid');
  if (period.from > today) throw new DomainError('statistics.period_not_started');
  return period;
}

const valueOf = (bag: Figures | undefined, metric: string) => bag?.get(metric) ?? 0;

function reportLine(
  unit: { id: number; name: string; code: string; type: OrganisationReportLine['type'] },
  figures: Figures | undefined,
  movements: Figures | undefined,
  founded: Figures | undefined,
): OrganisationReportLine {
  const workforce = workforceFigures(figures ?? new Map());
  return {
    unitId: unit.id,
    name: unit.name,
    code: unit.code,
    type: unit.type,
    grassrootsUnions: valueOf(figures, 'unit.grassroots_union'),
    grassrootsGuilds: valueOf(figures, 'unit.grassroots_guild'),
    newGrassroots: valueOf(founded, 'founded'),
    members: valueOf(figures, 'status.active'),
    femaleMembers: valueOf(figures, 'active.female'),
    admitted: valueOf(movements, 'admitted'),
    transferredIn: valueOf(movements, 'transferred_in'),
    transferredOut: valueOf(movements, 'transferred_out'),
    left: valueOf(movements, 'left'),
    expelled: valueOf(movements, 'expelled'),
    workers: workforce.workers,
    coverage: workforce.coverage,
  };
}

/**
 * The organisation statistics report of a subtree for a period, one line per child unit: members at the
 * period's end (or today while it runs), movements within it. Nobody below files anything.
 */
async function buildReport(
  db: Db,
  unit: UnitPlace & { name: string; code: string; parentName: string | null },
  period: ReportPeriod,
  today: string,
): Promise<OrganisationReportDto> {
  const at = period.to < today ? period.to : today;
  const range = { from: period.from, to: at };
  const children = await listChildren(db, unit.id);
  const { figures, movements } = await collectFigures(db, unit, children, at, range, today);
  const founded = await grassrootsFoundedBetween(db, unit, range);
  const lines = children
    .map((child) =>
      reportLine(
        child,
        figures.children.get(child.id),
        movements.children.get(child.id),
        founded.children.get(child.id),
      ),
    )
    .filter((line, index) => children[index]!.status === 'active' || line.members > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      code: unit.code,
      type: unit.type,
      superiorName: unit.parentName,
    },
    period: { code: period.code, label: period.labelVi, from: period.from, to: period.to },
    at,
    generatedAt: new Date().toISOString(),
    total: reportLine(unit, figures.subtree, movements.subtree, founded.subtree),
    lines,
  };
}

export async function organisationReport(
  db: Db,
  actor: Actor,
  unitId: number,
  periodCode: string,
): Promise<OrganisationReportDto> {
  const today = todayInVietnam();
  const period = periodOrThrow(periodCode, today);
  const unit = await statisticsUnit(db, actor, unitId);
  return buildReport(db, unit, period, today);
}

export async function reportFile(report: OrganisationReportDto, format: ReportFileFormat) {
  const content =
    format === 'xlsx' ? await writeOrganisationReportXlsx(report) : await writeOrganisationReportPdf(report);
  return { content, filename: reportFilename(report, format), contentType: CONTENT_TYPES[format] };
}

/** The Confederation's report reads the whole country: it runs as a job, the same for every format. */
export const reportRunsAsJob = (unit: { depth: number }) => unit.depth === 0;

export async function startReportJob(
  db: Db,
  actor: Actor,
  unitId: number,
  periodCode: string,
  format: ReportFileFormat,
): Promise<number> {
  periodOrThrow(periodCode, todayInVietnam());
  const unit = await statisticsUnit(db, actor, unitId);
  return enqueueJob(db, {
    kind: REPORT_JOB_KIND,
    payload: { unitId: unit.id, period: periodCode, format },
    accountId: actor.accountId,
  });
}

/** Builds the report file of a queued job; the scope was checked when the job was started. */
export function reportJobHandler() {
  return async (context: JobContext): Promise<Record<string, unknown>> => {
    const { db, job } = context;
    const payload = job.payload as { unitId: number; period: string; format: ReportFileFormat };
    const today = todayInVietnam();
    const unit = await unsafeFindUnitPlace(db, payload.unitId);
    if (!unit) throw new DomainError('unit.not_found');
    await db.transaction((tx) => context.checkpoint(tx, 0.1));
    const report = await buildReport(db, unit, periodOrThrow(payload.period, today), today);
    await db.transaction((tx) => context.checkpoint(tx, 0.8));
    const file = await reportFile(report, payload.format);
    await db.transaction(async (tx) => {
      await tx
        .delete(statisticsReportFiles)
        .where(lt(statisticsReportFiles.createdAt, sql`now() - make_interval(days => ${REPORT_FILE_DAYS})`));
      await tx
        .insert(statisticsReportFiles)
        .values({ jobId: job.id, ...file })
        .onConflictDoUpdate({ target: statisticsReportFiles.jobId, set: { ...file, createdAt: new Date() } });
      await context.checkpoint(tx, 1);
    });
    return { filename: file.filename, contentType: file.contentType, lines: report.lines.length };
  };
}

/** The file of a finished report job, for the account that started it only. */
export async function reportFileOfJob(db: Db, actor: Actor, jobId: number) {
  const [job] = await db
    .select({ status: jobs.status, payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.accountId, actor.accountId), eq(jobs.kind, REPORT_JOB_KIND)));
  if (!job) throw new DomainError('job.not_found');
  // The starter must still see the unit: an office that ended takes its reports with it.
  const unitId = Number((job.payload as { unitId?: number }).unitId);
  if (!(await findUnit(db, actor, unitId, 'statistics.read'))) throw new DomainError('job.not_found');
  const [file] = await db.select().from(statisticsReportFiles).where(eq(statisticsReportFiles.jobId, jobId));
  if (!file) {
    if (job.status === 'queued' || job.status === 'running') throw new DomainError('job.not_finished');
    throw new DomainError('job.not_found');
  }
  return file;
}
