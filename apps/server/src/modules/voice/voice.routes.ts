import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IdParams } from '@union/contracts/common';
import {
  AnswerVoiceBody,
  ClassifyVoiceBody,
  EscalateVoiceBody,
  PassOnVoiceBody,
  RateVoiceBody,
  RecategoriseVoiceBody,
  ReopenVoiceBody,
  SetVoiceStatusBody,
  SubmittedVoiceDto,
  SubmitVoiceBody,
  SupportResponse,
  VOICE_ATTACHMENT_MAX_BYTES,
  VoiceAnalyticsDto,
  VoiceAnalyticsQuery,
  VoiceAttachmentDto,
  VoiceItemDto,
  VoiceListQuery,
  VoiceNoteBody,
  VoicePage,
  VoiceSuggestionDto,
} from '@union/contracts/voice';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import { DomainError } from '../../kernel/errors.js';
import { addAttachment, readAttachment } from './voice-attachments.js';
import { acknowledgeAlert, voiceAnalytics } from './voice-analytics.js';
import * as handling from './voice-handling.js';
import { getItem } from './voice-item-detail.js';
import { listItems, submitItem, suggestForDraft, type VoiceContext } from './voice-items.service.js';

export interface VoiceRoutesOptions {
  context: Omit<VoiceContext, 'db'>;
  /** Items one account may raise per hour. */
  submitRateLimitPerHour: number;
}

const tags = ['voice'];
const AttachmentParams = z.object({ id: Id, attachmentId: Id });

/**
 * Concerns, proposals and complaints. Members use their session (what they may do with an item follows
 * from whose it is); officers' handling needs `voice.handle`, analytics `voice.analytics`.
 */
export const voiceRoutes: FastifyPluginAsyncZod<VoiceRoutesOptions> = async (app, options) => {
  const context: VoiceContext = { ...options.context, db: app.db };
  // Files come one at a time and are checked by content; the limit is a little over the contract's.
  await app.register(multipart, {
    limits: { fileSize: VOICE_ATTACHMENT_MAX_BYTES + 1, files: 1, fields: 0, parts: 1 },
  });

  app.post(
    '/concerns',
    {
      config: {
        authenticated: true,
        rateLimit: {
          max: options.submitRateLimitPerHour,
          timeWindow: '1 hour',
          hook: 'preHandler',
          keyGenerator: (request) => `voice-submit:${actorOf(request).accountId}`,
        },
      },
      schema: { tags, body: SubmitVoiceBody, response: { 201: SubmittedVoiceDto } },
    },
    async (request, reply) => reply.code(201).send(await submitItem(context, actorOf(request), request.body)),
  );

  app.post(
    '/concerns/suggest',
    {
      config: {
        authenticated: true,
        rateLimit: {
          max: 120,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `voice-suggest:${actorOf(request).accountId}`,
        },
      },
      schema: { tags, body: ClassifyVoiceBody, response: { 200: VoiceSuggestionDto } },
    },
    (request) => suggestForDraft(context, actorOf(request), request.body),
  );

  app.get(
    '/concerns',
    {
      config: { authenticated: true },
      schema: { tags, querystring: VoiceListQuery, response: { 200: VoicePage } },
    },
    (request) => listItems(context, actorOf(request), request.query),
  );

  app.get(
    '/concerns/:id',
    { config: { authenticated: true }, schema: { tags, params: IdParams, response: { 200: VoiceItemDto } } },
    (request) => getItem(context, actorOf(request), request.params.id),
  );

  const change = <Body extends z.ZodType>(
    path: string,
    body: Body,
    act: (actor: ReturnType<typeof actorOf>, id: number, payload: z.infer<Body>) => Promise<VoiceItemDto>,
  ) =>
    app.post(
      `/concerns/:id/${path}`,
      {
        // What the caller may do follows from how they see the item (author or handling officer).
        config: { authenticated: true },
        schema: { tags, params: IdParams, body, response: { 200: VoiceItemDto } },
      },
      (request) => act(actorOf(request), request.params.id, request.body as z.infer<Body>),
    );

  change('answer', AnswerVoiceBody, (actor, id, body) => handling.answerItem(context, actor, id, body));
  change('escalate', EscalateVoiceBody, (actor, id, body) => handling.escalateItem(context, actor, id, body));
  change('pass-on', PassOnVoiceBody, (actor, id, body) => handling.passOnItem(context, actor, id, body));
  change('notes', VoiceNoteBody, (actor, id, body) => handling.noteItem(context, actor, id, body));
  change('status', SetVoiceStatusBody, (actor, id, body) => handling.setItemStatus(context, actor, id, body));
  change('category', RecategoriseVoiceBody, (actor, id, body) =>
    handling.recategoriseItem(context, actor, id, body),
  );
  change('rate', RateVoiceBody, (actor, id, body) => handling.rateItem(context, actor, id, body));
  change('reopen', ReopenVoiceBody, (actor, id, body) => handling.reopenItem(context, actor, id, body));

  app.post(
    '/concerns/:id/support',
    {
      config: { authenticated: true },
      schema: { tags, params: IdParams, response: { 200: SupportResponse } },
    },
    (request) => handling.supportItem(context, actorOf(request), request.params.id),
  );

  app.delete(
    '/concerns/:id/support',
    {
      config: { authenticated: true },
      schema: { tags, params: IdParams, response: { 200: SupportResponse } },
    },
    (request) => handling.withdrawSupport(context, actorOf(request), request.params.id),
  );

  app.post(
    '/concerns/:id/attachments',
    {
      config: { authenticated: true },
      bodyLimit: VOICE_ATTACHMENT_MAX_BYTES + 64 * 1024,
      schema: { tags, params: IdParams, response: { 201: VoiceAttachmentDto } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type');
      const part = await request.file();
      if (!part) throw new DomainError('voice.attachment_type');
      const content = await part.toBuffer().catch((error: unknown) => {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError('voice.attachment_too_large');
        throw error;
      });
      const saved = await addAttachment(context, actorOf(request), request.params.id, {
        fileName: part.filename,
        content,
      });
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/concerns/:id/attachments/:attachmentId',
    { config: { authenticated: true }, schema: { tags, params: AttachmentParams } },
    async (request, reply) => {
      const file = await readAttachment(
        context,
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      const asciiName =
        file.fileName
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .replace(/"/g, '') || 'tep';
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.get(
    '/units/:id/voice/analytics',
    {
      config: { permission: 'voice.analytics' },
      schema: {
        tags,
        params: IdParams,
        querystring: VoiceAnalyticsQuery,
        response: { 200: VoiceAnalyticsDto },
      },
    },
    (request) => voiceAnalytics(context, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/voice/alerts/:id/acknowledge',
    { config: { permission: 'voice.analytics' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      await acknowledgeAlert(context, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
