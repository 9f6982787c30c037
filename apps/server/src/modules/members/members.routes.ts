import type { FastifyRequest } from 'fastify';
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
  DuplicateCheckDto,
  EventOutcomeDto,
  DuplicateCheckQuery,
  MemberAccountBody,
  MemberAccountDto,
  MemberDto,
  MemberListQuery,
  MemberPage,
  OwnMemberDto,
  OwnUnionDto,
  RecordMemberEventBody,
  RequestTransferInBody,
  TransferDto,
  TransferListQuery,
  TransferPage,
  UpdateMemberBody,
} from '@union/contracts/members';
import multipart from '@fastify/multipart';
import {
  ExportQuery,
  IMPORT_MAX_BYTES,
  ImportQuery,
  ImportReportDto,
  ImportStartedDto,
  TransferDestinationDto,
  TransferDestinationQuery,
} from '@union/contracts/members';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import { DomainError } from '../../kernel/errors.js';
import { languageOf } from '../../kernel/http/error-handler.js';
import type { JobRunner } from '../../kernel/jobs/job-runner.js';
import { dryRunImport, startImport } from './member-import.js';
import { exportMembers } from './member-export.js';
import { memberImportTemplate } from './spreadsheet/write-member-sheet.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { unsafeSearchGrassrootsUnits } from '../units/index.js';
import { searchMembers } from './members.queries.js';
import * as service from './members.service.js';
import * as transfers from './member-transfers.js';
import * as corrections from './member-corrections.js';
import { createMemberAccount } from './member-accounts.js';
import { getOwnUnion } from './member-own-union.js';

export interface MembersRoutesOptions {
  jobs: JobRunner;
}

export const membersRoutes: FastifyPluginAsyncZod<MembersRoutesOptions> = async (app, { jobs }) => {
  const tags = ['members'];
  // Uploads only here: one file, at most the import limit; anything bigger is refused while it streams.
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 2 } });

  /** The uploaded file, whole (spreadsheets must be read from their end), or a clear refusal. */
  async function uploadedFile(request: FastifyRequest) {
    if (!request.isMultipart()) throw new DomainError('import.file_required');
    const part = await request.file();
    if (!part) throw new DomainError('import.file_required');
    const bytes = await part.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('import.too_large');
      throw error;
    });
    if (bytes.length === 0) throw new DomainError('import.empty');
    return { bytes, filename: part.filename || 'upload' };
  }

  app.get(
    '/members/import/template',
    { config: { permission: 'members.import' }, schema: { tags } },
    async (_request, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-nhap-doan-vien.xlsx"')
        .send(await memberImportTemplate()),
  );

  app.post(
    '/members/import',
    {
      config: { permission: 'members.import' },
      schema: {
        tags,
        querystring: ImportQuery,
        response: { 200: ImportReportDto, 202: ImportStartedDto },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await uploadedFile(request);
      const { unitId, dryRun } = request.query;
      if (dryRun) return dryRunImport(app.db, actor, { unitId, ...file, language: languageOf(request) });
      const jobId = await startImport(app.db, actor, { unitId, ...file });
      jobs.wake();
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/members/export',
    { config: { permission: 'members.export' }, schema: { tags, querystring: ExportQuery } },
    async (request, reply) => {
      const { format } = request.query;
      const stream = await exportMembers(app.db, actorOf(request), request.query);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header(
          'content-type',
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="doan-vien-${date}.${format}"`)
        .send(stream);
    },
  );

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
        response: { 200: DuplicateCheckDto },
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
        querystring: TransferDestinationQuery,
        response: { 200: z.array(TransferDestinationDto) },
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
      schema: { tags, body: RequestTransferInBody, response: { 200: EventOutcomeDto } },
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
      schema: { tags, params: IdParams, body: RecordMemberEventBody, response: { 200: EventOutcomeDto } },
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

  app.post(
    '/members/:id/account',
    {
      config: { permission: 'members.update' },
      schema: { tags, params: IdParams, body: MemberAccountBody, response: { 201: MemberAccountDto } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createMemberAccount(app.db, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/me/union',
    { config: { authenticated: true }, schema: { tags, response: { 200: OwnUnionDto } } },
    (request) => getOwnUnion(app.db, actorOf(request)),
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
