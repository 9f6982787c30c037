import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@union/contracts/common';
import {
  AdmitMemberBody,
  CorrectionDto,
  CorrectionListQuery,
  CorrectionPage,
  CorrectionRequestBody,
  DecideCorrectionBody,
  DecideTransferBody,
  DuplicateCandidateDto,
  DuplicateCheckQuery,
  MemberDto,
  MemberListQuery,
  MemberPage,
  OwnMemberDto,
  RecordMemberEventBody,
  RequestTransferInBody,
  TransferDto,
  TransferListQuery,
  TransferPage,
  UpdateMemberBody,
} from '@union/contracts/members';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { unsafeSearchGrassrootsUnits } from '../units/index.js';
import { searchMembers } from './members.queries.js';
import * as service from './members.service.js';
import * as transfers from './member-transfers.js';
import * as corrections from './member-corrections.js';

const TransferOutcomeDto = z.object({
  completed: z.boolean(),
  transferId: z.number().nullable(),
  member: MemberDto.nullable(),
});

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['members'];

  app.get(
    '/members',
    {
      config: { permission: 'members.read' },
      schema: { tags, querystring: MemberListQuery, response: { 200: MemberPage } },
    },
    async (request) => {
      const actor = actorOf(request);
      const page = await searchMembers(app.db, actor, request.query);
      // Looking people up by identifier is processing their data: the query is logged, not the results.
      if (request.query.q && /\d{6,}/.test(request.query.q)) {
        await recordAudit(app.db, actor, {
          action: 'member.search',
          entityType: 'member',
          details: { q: request.query.q, found: page.items.length },
        });
      }
      return page;
    },
  );

  app.post(
    '/members',
    {
      config: { permission: 'members.admit' },
      schema: { tags, body: AdmitMemberBody, response: { 201: MemberDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.admitMember(app.db, actorOf(request), request.body)),
  );

  app.get(
    '/members/duplicates',
    {
      config: { permission: 'members.admit' },
      schema: {
        tags,
        querystring: DuplicateCheckQuery,
        response: { 200: z.object({ candidates: z.array(DuplicateCandidateDto), elsewhere: z.number() }) },
      },
    },
    (request) =>
      service.findProbableDuplicates(
        app.db,
        actorOf(request),
        request.query.fullName,
        request.query.birthDate,
      ),
  );

  app.get(
    '/members/transfer-destinations',
    {
      config: { permission: 'members.transfer' },
      schema: {
        tags,
        querystring: z.object({ q: z.string().trim().min(2).max(100) }),
        response: { 200: z.array(z.object({ id: z.number(), name: z.string(), code: z.string() })) },
      },
    },
    async (request) => {
      const rows = await unsafeSearchGrassrootsUnits(
        app.db,
        foldVietnamese(request.query.q),
        request.query.q.toUpperCase(),
        20,
      );
      return rows.map(({ id, name, code }) => ({ id, name, code }));
    },
  );

  app.get(
    '/members/transfers',
    {
      config: { permission: 'members.transfer' },
      schema: { tags, querystring: TransferListQuery, response: { 200: TransferPage } },
    },
    (request) => transfers.listTransfers(app.db, actorOf(request), request.query),
  );

  app.post(
    '/members/transfers',
    {
      config: { permission: 'members.transfer' },
      schema: { tags, body: RequestTransferInBody, response: { 200: TransferOutcomeDto } },
    },
    async (request) => {
      const actor = actorOf(request);
      const outcome = await transfers.transferIn(app.db, actor, request.body);
      return { ...outcome, member: null };
    },
  );

  app.post(
    '/members/transfers/:id/decision',
    {
      config: { permission: 'members.transfer' },
      schema: { tags, params: IdParams, body: DecideTransferBody, response: { 200: TransferDto } },
    },
    (request) => transfers.decideTransfer(app.db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/members/corrections',
    {
      config: { permission: 'members.corrections' },
      schema: { tags, querystring: CorrectionListQuery, response: { 200: CorrectionPage } },
    },
    (request) => corrections.listCorrections(app.db, actorOf(request), request.query),
  );

  app.post(
    '/members/corrections/:id/decision',
    {
      config: { permission: 'members.corrections' },
      schema: { tags, params: IdParams, body: DecideCorrectionBody, response: { 200: CorrectionDto } },
    },
    (request) => corrections.decideCorrection(app.db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/members/:id',
    {
      config: { permission: 'members.read' },
      schema: { tags, params: IdParams, response: { 200: MemberDto } },
    },
    (request) => service.getMemberDto(app.db, actorOf(request), request.params.id, { audit: true }),
  );

  app.patch(
    '/members/:id',
    {
      config: { permission: 'members.update' },
      schema: { tags, params: IdParams, body: UpdateMemberBody, response: { 200: MemberDto } },
    },
    (request) => service.updateMember(app.db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/members/:id/events',
    {
      config: { permission: 'members.read' },
      schema: { tags, params: IdParams, body: RecordMemberEventBody, response: { 200: TransferOutcomeDto } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const body = request.body;
      if (body.type === 'transfer') {
        const outcome = await transfers.transferOut(app.db, actor, id, body);
        const member = outcome.completed ? await service.findVisibleMemberDto(app.db, actor, id) : null;
        return { ...outcome, member: member ?? null };
      }
      await service.recordLifecycleEvent(app.db, actor, id, { ...body, type: body.type });
      return {
        completed: true,
        transferId: null,
        member: await service.getMemberDto(app.db, actor, id, { audit: false }),
      };
    },
  );

  app.get(
    '/me/member',
    { config: { authenticated: true }, schema: { tags, response: { 200: OwnMemberDto } } },
    (request) => corrections.getOwnMember(app.db, actorOf(request)),
  );

  app.post(
    '/me/member/corrections',
    {
      config: { authenticated: true },
      schema: { tags, body: CorrectionRequestBody, response: { 201: CorrectionDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await corrections.requestCorrection(app.db, actorOf(request), request.body)),
  );
};
