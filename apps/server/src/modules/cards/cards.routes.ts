import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@union/contracts/common';
import {
  BenefitSummaryDto,
  BenefitUsePage,
  BenefitUseQuery,
  BindDeviceBody,
  BulkIssueBody,
  MemberCardsDto,
  MyCardDto,
  PrintedCardDto,
  RecordBenefitBody,
  RecordBenefitResponse,
  RevokeCardBody,
  VerifyCardBody,
  VerifyCardResponse,
} from '@union/contracts/cards';
import { z } from 'zod';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import type { JobRunner } from '../../kernel/jobs/job-runner.js';
import { benefitSummary, listBenefitUses, recordBenefitUse } from './benefits.js';
import { printFileOfJob, startBulkIssue } from './bulk-issue.js';
import { cardSheetPdf } from './card-pdf.js';
import { verifyOnline } from './card-verification.js';
import * as service from './cards.service.js';
import type { CardStatusList } from './status-list.js';

export interface CardsRoutesOptions {
  context: Omit<service.CardsContext, 'db'>;
  statusList: CardStatusList;
  jobs: JobRunner;
  /** Card checks per minute per client address on the public verify route. */
  verifyRateLimitPerMinute: number;
}

const tags = ['cards'];
/** A 1 MB presentation must still get `valid:false`, not a 413: the verify route reads a little more. */
const VERIFY_BODY_LIMIT = 2 * 1024 * 1024;

export const cardsRoutes: FastifyPluginAsyncZod<CardsRoutesOptions> = async (app, options) => {
  const context: service.CardsContext = { ...options.context, db: app.db };

  app.get(
    '/me/card',
    { config: { authenticated: true }, schema: { tags, response: { 200: MyCardDto } } },
    (request) => service.getMyCard(context, actorOf(request)),
  );

  app.post(
    '/me/card/device',
    {
      config: {
        authenticated: true,
        // Binding a new phone retires the old phone's card: a handful an hour per person is plenty.
        rateLimit: {
          max: 10,
          timeWindow: '1 hour',
          hook: 'preHandler',
          keyGenerator: (request) => `card-device:${actorOf(request).accountId}`,
        },
      },
      schema: { tags, body: BindDeviceBody, response: { 200: MyCardDto } },
    },
    (request) => service.bindDevice(context, actorOf(request), request.body),
  );

  app.post(
    '/me/card/revoke',
    { config: { authenticated: true }, schema: { tags } },
    async (request, reply) => {
      await service.revokeMyPhoneCard(context, actorOf(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/cards/verify',
    {
      config: { public: true, rateLimit: { max: options.verifyRateLimitPerMinute, timeWindow: '1 minute' } },
      bodyLimit: VERIFY_BODY_LIMIT,
      schema: { tags, body: VerifyCardBody, response: { 200: VerifyCardResponse } },
    },
    async (request) => (await verifyOnline(context, request.body.presentation)).response,
  );

  app.get('/cards/status-list', { config: { public: true }, schema: { tags } }, async (request, reply) => {
    const list = await options.statusList.current();
    reply.header('etag', list.etag).header('cache-control', 'public, max-age=60');
    if (request.headers['if-none-match'] === list.etag) return reply.code(304).send();
    return reply.header('content-type', 'application/vc+jwt').send(list.jwt);
  });

  app.get(
    '/members/:id/cards',
    {
      config: { permission: 'cards.read' },
      schema: { tags, params: IdParams, response: { 200: MemberCardsDto } },
    },
    (request) => service.listMemberCards(context, actorOf(request), request.params.id),
  );

  app.get(
    '/members/:id/card',
    {
      config: { permission: 'cards.issue' },
      schema: { tags, params: IdParams, response: { 200: PrintedCardDto } },
    },
    async (request) => {
      const { card } = await service.printedCard(context, actorOf(request), request.params.id);
      return service.printedCardDto(request.params.id, card);
    },
  );

  app.get(
    '/members/:id/card.pdf',
    { config: { permission: 'cards.issue' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { holder, card } = await service.printedCard(context, actorOf(request), request.params.id);
      const pdf = await cardSheetPdf(
        [
          {
            fullName: holder.fullName,
            memberCode: holder.memberCode,
            unitName: card.unitName,
            issuedAt: card.issuedAt,
            expiresAt: card.expiresAt,
            presentation: card.credential,
          },
        ],
        `Thẻ đoàn viên — ${holder.fullName}`,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="the-doan-vien-${holder.memberCode}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  app.post(
    '/members/:id/cards/revoke',
    { config: { permission: 'cards.revoke' }, schema: { tags, params: IdParams, body: RevokeCardBody } },
    async (request, reply) => {
      await service.revokeMemberCard(context, actorOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/units/:id/cards/issue',
    {
      config: { permission: 'cards.issue' },
      schema: {
        tags,
        params: IdParams,
        body: BulkIssueBody,
        response: { 202: z.object({ jobId: z.number() }) },
      },
    },
    async (request, reply) => {
      const jobId = await startBulkIssue(context, actorOf(request), request.params.id, request.body);
      options.jobs.wake();
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/cards/print-files/:id',
    { config: { permission: 'cards.issue' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const file = await printFileOfJob(app.db, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );

  app.post(
    '/cards/benefit-uses',
    {
      config: { permission: 'cards.benefits.record' },
      schema: { tags, body: RecordBenefitBody, response: { 200: RecordBenefitResponse } },
    },
    (request) => recordBenefitUse(context, actorOf(request), request.body),
  );

  app.get(
    '/units/:id/benefit-uses/summary',
    {
      config: { permission: 'cards.benefits.read' },
      schema: {
        tags,
        params: IdParams,
        querystring: BenefitUseQuery.pick({ from: true, to: true }),
        response: { 200: BenefitSummaryDto },
      },
    },
    (request) => benefitSummary(context, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/units/:id/benefit-uses',
    {
      config: { permission: 'cards.benefits.read' },
      schema: { tags, params: IdParams, querystring: BenefitUseQuery, response: { 200: BenefitUsePage } },
    },
    (request) => listBenefitUses(context, actorOf(request), request.params.id, request.query),
  );
};

/** /.well-known/jwks.json sits at the site root, where verifiers look for it. */
export const wellKnownRoutes: FastifyPluginAsyncZod<{ keys: service.CardsContext['keys'] }> = async (
  app,
  options,
) => {
  app.get(
    '/.well-known/jwks.json',
    { config: { public: true }, schema: { tags } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return options.keys.published();
    },
  );
};
