import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@union/contracts/common';
import {
  AnswerSurveyBody,
  AnswerSurveyResponse,
  CreateSurveyBody,
  SurveyDto,
  SurveyListQuery,
  SurveyPage,
  SurveyResultsDto,
  SurveyResultsQuery,
} from '@union/contracts/voice';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import { exportSurveyResults, XLSX_CONTENT_TYPE } from './survey-export.js';
import { getSurveyResults } from './survey-results.js';
import {
  answerSurvey,
  closeSurvey,
  createSurvey,
  getSurvey,
  listSurveys,
  type SurveysContext,
} from './surveys.service.js';

export interface SurveysRoutesOptions {
  /** The platform's clock (the voice module's context fits); the system clock when not given. */
  context?: Omit<SurveysContext, 'db'>;
}

const tags = ['voice'];

/** Surveys: officers create, close and read results in their units; members of the subtree answer once. */
export const surveysRoutes: FastifyPluginAsyncZod<SurveysRoutesOptions> = async (app, options) => {
  const context: SurveysContext = { db: app.db, now: options.context?.now ?? (() => new Date()) };
  app.post(
    '/surveys',
    {
      config: { permission: 'voice.surveys' },
      schema: { tags, body: CreateSurveyBody, response: { 201: SurveyDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await createSurvey(context, actorOf(request), request.body)),
  );

  app.get(
    '/surveys',
    {
      config: { authenticated: true },
      schema: { tags, querystring: SurveyListQuery, response: { 200: SurveyPage } },
    },
    (request) => listSurveys(context, actorOf(request), request.query),
  );

  app.get(
    '/surveys/:id',
    { config: { authenticated: true }, schema: { tags, params: IdParams, response: { 200: SurveyDto } } },
    (request) => getSurvey(context, actorOf(request), request.params.id),
  );

  app.post(
    '/surveys/:id/responses',
    {
      config: { authenticated: true },
      schema: { tags, params: IdParams, body: AnswerSurveyBody, response: { 201: AnswerSurveyResponse } },
    },
    async (request, reply) =>
      reply.code(201).send(await answerSurvey(context, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/surveys/:id/results',
    {
      config: { permission: 'voice.surveys' },
      schema: {
        tags,
        params: IdParams,
        querystring: SurveyResultsQuery,
        response: { 200: SurveyResultsDto },
      },
    },
    (request) => getSurveyResults(context, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/surveys/:id/results.xlsx',
    { config: { permission: 'voice.surveys' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { filename, stream } = await exportSurveyResults(context, actorOf(request), request.params.id);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(stream);
    },
  );

  app.post(
    '/surveys/:id/close',
    {
      config: { permission: 'voice.surveys' },
      schema: { tags, params: IdParams, response: { 200: SurveyDto } },
    },
    (request) => closeSurvey(context, actorOf(request), request.params.id),
  );
};
