import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@union/contracts/common';
import {
  AdviceCentreList,
  AnswerDraftBody,
  AnswerVersionDto,
  AskBody,
  AskResponse,
  ContactBody,
  ConversationDto,
  ConversationList,
  CuratedAnswerDto,
  CuratedAnswerListQuery,
  CuratedAnswerPage,
  FeedbackBody,
  FeedbackListQuery,
  FeedbackPage,
  LegalArticleDto,
  LegalCaseDto,
  LegalCaseListQuery,
  LegalCasePage,
  LegalDocumentDetailDto,
  LegalDocumentList,
  ReplyCaseBody,
  ReviewBody,
} from '@union/contracts/assistant';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import type { AssistantContext } from './assistant-context.js';
import * as conversations from './conversations.service.js';
import * as cases from './legal-cases.service.js';
import * as knowledge from './legal-knowledge.service.js';
import * as law from './law.service.js';

export interface AssistantRoutesOptions {
  context: AssistantContext;
  /** Questions a minute from one address without a session. */
  anonymousRateLimitPerMinute: number;
  /** Questions a minute from one signed-in account. */
  memberRateLimitPerMinute: number;
}

const ConversationParams = z.object({ id: z.uuid() });

/**
 * The assistant is public: anyone may ask, rate-limited by address, or by account when signed in.
 * Conversations are read by their owner only (see conversations.service). Cases need `legal.consult`,
 * the knowledge console `legal.knowledge.edit` / `.review`; the law's text is public.
 */
export const assistantRoutes: FastifyPluginAsyncZod<AssistantRoutesOptions> = async (app, options) => {
  const { context } = options;
  const tags = ['assistant'];
  // Per account when signed in (one office's people behind one address must not share a limit), per
  // address otherwise.
  const askLimit: RateLimitOptions = {
    max: (request: FastifyRequest) =>
      request.actor ? options.memberRateLimitPerMinute : options.anonymousRateLimitPerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler',
    keyGenerator: (request: FastifyRequest) =>
      request.actor ? `assistant:account:${request.actor.accountId}` : `assistant:ip:${request.ip}`,
  };

  app.post(
    '/assistant/ask',
    {
      config: { public: true, rateLimit: askLimit },
      schema: { tags, body: AskBody, response: { 200: AskResponse } },
    },
    (request) => conversations.ask(context, request.actor, request.body),
  );

  app.get(
    '/assistant/conversations',
    { config: { authenticated: true }, schema: { tags, response: { 200: ConversationList } } },
    (request) => conversations.listConversations(context, actorOf(request)),
  );

  app.get(
    '/assistant/conversations/:id',
    {
      config: { public: true, rateLimit: askLimit },
      schema: { tags, params: ConversationParams, response: { 200: ConversationDto } },
    },
    (request) => conversations.getConversation(context, request.actor, request.params.id),
  );

  app.post(
    '/assistant/messages/:id/feedback',
    {
      config: { public: true, rateLimit: askLimit },
      schema: { tags, params: IdParams, body: FeedbackBody.extend({ conversationId: z.uuid() }) },
    },
    async (request, reply) => {
      await conversations.giveFeedback(context, request.actor, request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/assistant/contact',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 hour', hook: 'preHandler' } },
      schema: { tags, body: ContactBody, response: { 200: z.object({ caseId: z.number().int() }) } },
    },
    (request) => conversations.leaveContact(context, request.actor, request.body),
  );

  app.get(
    '/assistant/advice-centres',
    { config: { public: true }, schema: { tags, response: { 200: AdviceCentreList } } },
    () => conversations.adviceCentres(context),
  );

  // ——— The law's text, public ———
  const lawTags = ['law'];
  app.get(
    '/law/documents',
    { config: { public: true }, schema: { tags: lawTags, response: { 200: LegalDocumentList } } },
    () => law.listDocuments(context),
  );
  app.get(
    '/law/document',
    {
      config: { public: true },
      schema: {
        tags: lawTags,
        querystring: z.object({ number: z.string().trim().min(1).max(60) }),
        response: { 200: LegalDocumentDetailDto },
      },
    },
    (request) => law.getDocument(context, request.query.number),
  );
  app.get(
    '/law/articles/:id',
    {
      config: { public: true },
      schema: { tags: lawTags, params: IdParams, response: { 200: LegalArticleDto } },
    },
    (request) => law.getArticle(context, request.params.id),
  );

  // ——— Consultation cases, for the legal advisers ———
  const caseTags = ['legal-cases'];
  const consult = { permission: 'legal.consult' as const };
  app.get(
    '/legal-cases',
    {
      config: consult,
      schema: { tags: caseTags, querystring: LegalCaseListQuery, response: { 200: LegalCasePage } },
    },
    (request) => cases.listCases(context, actorOf(request), request.query),
  );
  app.get(
    '/legal-cases/:id',
    { config: consult, schema: { tags: caseTags, params: IdParams, response: { 200: LegalCaseDto } } },
    (request) => cases.getCase(context, actorOf(request), request.params.id),
  );
  app.post(
    '/legal-cases/:id/assign',
    { config: consult, schema: { tags: caseTags, params: IdParams, response: { 200: LegalCaseDto } } },
    (request) => cases.assignCase(context, actorOf(request), request.params.id),
  );
  app.post(
    '/legal-cases/:id/reply',
    {
      config: consult,
      schema: { tags: caseTags, params: IdParams, body: ReplyCaseBody, response: { 200: LegalCaseDto } },
    },
    (request) => cases.replyToCase(context, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/legal-cases/:id/draft-answer',
    {
      config: consult,
      schema: {
        tags: caseTags,
        params: IdParams,
        body: AnswerDraftBody,
        response: { 201: AnswerVersionDto },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await knowledge.draftFromCase(context, actorOf(request), request.params.id, request.body)),
  );

  // ——— The knowledge console ———
  const knowledgeTags = ['legal-knowledge'];
  const edit = { permission: 'legal.knowledge.edit' as const };
  app.get(
    '/legal-knowledge/answers',
    {
      config: edit,
      schema: {
        tags: knowledgeTags,
        querystring: CuratedAnswerListQuery,
        response: { 200: CuratedAnswerPage },
      },
    },
    (request) => knowledge.listAnswers(context, request.query),
  );
  app.get(
    '/legal-knowledge/answers/:id',
    { config: edit, schema: { tags: knowledgeTags, params: IdParams, response: { 200: CuratedAnswerDto } } },
    (request) => knowledge.getAnswer(context, request.params.id),
  );
  app.post(
    '/legal-knowledge/answers',
    {
      config: edit,
      schema: { tags: knowledgeTags, body: AnswerDraftBody, response: { 201: AnswerVersionDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await knowledge.createAnswer(context, actorOf(request), request.body)),
  );
  app.post(
    '/legal-knowledge/answers/:id/versions',
    {
      config: edit,
      schema: {
        tags: knowledgeTags,
        params: IdParams,
        body: AnswerDraftBody,
        response: { 201: AnswerVersionDto },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await knowledge.addVersion(context, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/legal-knowledge/versions/:id/submit',
    { config: edit, schema: { tags: knowledgeTags, params: IdParams, response: { 200: AnswerVersionDto } } },
    (request) => knowledge.submitVersion(context, actorOf(request), request.params.id),
  );
  app.post(
    '/legal-knowledge/versions/:id/review',
    {
      config: { permission: 'legal.knowledge.review' },
      schema: {
        tags: knowledgeTags,
        params: IdParams,
        body: ReviewBody,
        response: { 200: AnswerVersionDto },
      },
    },
    (request) => knowledge.reviewVersion(context, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/legal-knowledge/feedback',
    {
      config: edit,
      schema: { tags: knowledgeTags, querystring: FeedbackListQuery, response: { 200: FeedbackPage } },
    },
    (request) => knowledge.listFeedback(context, request.query),
  );
};
