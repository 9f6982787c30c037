/** The statistics module: live figures of every unit, reports from data. Other modules enter only here. */
export { statisticsRoutes, type StatisticsRoutesOptions } from './statistics.routes.js';
export { REPORT_JOB_KIND, reportJobHandler } from './organisation-report.js';
export { queueAgeRebandIfDue, REBAND_JOB_KIND, rebandJobHandler } from './age-bands.js';
export {
  unsafeRebuildStatistics,
  unsafeUnitsWithMembers,
  unsafeVerifyStatistics,
  type FigureMismatch,
} from './statistics.system.js';
export { unsafeDeclareWorkforce } from './workforce.js';
export { unitActiveMemberTotal } from './unit-member-totals.js';
