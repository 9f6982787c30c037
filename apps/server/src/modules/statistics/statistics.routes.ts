import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@union/contracts/common';
import {
  OfficerFiguresDto,
  OrganisationReportDto,
  OrganisationReportQuery,
  ReportJobDto,
  StatisticsQuery,
  StatisticsSeriesDto,
  StatisticsSeriesQuery,
  UnitStatisticsDto,
  WorkforceBody,
  WorkforceDto,
} from '@union/contracts/statistics';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import type { JobRunner } from '../../kernel/jobs/job-runner.js';
import {
  organisationReport,
  reportFile,
  reportFileOfJob,
  reportRunsAsJob,
  startReportJob,
} from './organisation-report.js';
import { statisticsUnit, unitOfficerFigures, unitSeries, unitStatistics } from './statistics.service.js';
import { declareWorkforce, readWorkforce } from './workforce.js';

export interface StatisticsRoutesOptions {
  jobs: JobRunner;
}

const tags = ['statistics'];

export const statisticsRoutes: FastifyPluginAsyncZod<StatisticsRoutesOptions> = async (app, { jobs }) => {
  app.get(
    '/units/:id/statistics',
    {
      config: { permission: 'statistics.read' },
      schema: { tags, params: IdParams, querystring: StatisticsQuery, response: { 200: UnitStatisticsDto } },
    },
    async (request) => unitStatistics(app.db, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/units/:id/statistics/series',
    {
      config: { permission: 'statistics.read' },
      schema: {
        tags,
        params: IdParams,
        querystring: StatisticsSeriesQuery,
        response: { 200: StatisticsSeriesDto },
      },
    },
    async (request) => unitSeries(app.db, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/units/:id/statistics/officers',
    {
      config: { permission: 'statistics.read' },
      schema: { tags, params: IdParams, response: { 200: OfficerFiguresDto } },
    },
    async (request) => unitOfficerFigures(app.db, actorOf(request), request.params.id),
  );

  app.get(
    '/units/:id/workforce',
    {
      config: { permission: 'statistics.read' },
      schema: { tags, params: IdParams, response: { 200: WorkforceDto } },
    },
    async (request) => readWorkforce(app.db, actorOf(request), request.params.id),
  );

  app.put(
    '/units/:id/workforce',
    {
      config: { permission: 'statistics.workforce' },
      schema: { tags, params: IdParams, body: WorkforceBody, response: { 200: WorkforceDto } },
    },
    async (request) => declareWorkforce(app.db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/units/:id/reports/organisation',
    {
      config: { permission: 'statistics.read' },
      schema: {
        tags,
        params: IdParams,
        querystring: OrganisationReportQuery,
        response: { 200: OrganisationReportDto, 202: ReportJobDto },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { period, format } = request.query;
      if (format === 'json') return organisationReport(app.db, actor, request.params.id, period);
      const unit = await statisticsUnit(app.db, actor, request.params.id);
      if (reportRunsAsJob(unit)) {
        const jobId = await startReportJob(app.db, actor, unit.id, period, format);
        jobs.wake();
        return reply.code(202).send({ jobId });
      }
      const file = await reportFile(await organisationReport(app.db, actor, unit.id, period), format);
      // A Buffer bypasses the JSON serializer: the 200 schema documents the json format only.
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.content as never);
    },
  );

  app.get(
    '/statistics/report-files/:id',
    { config: { permission: 'statistics.read' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const file = await reportFileOfJob(app.db, actorOf(request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );
};
