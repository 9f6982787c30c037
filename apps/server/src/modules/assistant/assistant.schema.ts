import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ArticleRef } from '@union/contracts/assistant';
import type { ConversationMemory } from './engine/assistant-engine.js';

/**
 * The legal knowledge: documents with their validity and what they amend, their articles, dated rates,
 * and curated answers whose every change is a version reviewed before it goes live. National data,
 * not bound to the tree: one body of law for every union.
 */
export const legalDocuments = pgTable('legal_documents', {
  id: serial('id').primaryKey(),
  number: text('number').notNull().unique(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  shortTitle: text('short_title').notNull(),
  issuer: text('issuer').notNull(),
  issuedOn: date('issued_on'),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
  amends: text('amends')
    .array()
    .notNull()
    .default(sql`'{}'`),
  replaces: text('replaces')
    .array()
    .notNull()
    .default(sql`'{}'`),
  sourceUrl: text('source_url'),
  sourceNote: text('source_note'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const legalArticles = pgTable(
  'legal_articles',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => legalDocuments.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    clauses: jsonb('clauses')
      .$type<{ number: string; text: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'`),
    effectiveFrom: date('effective_from'),
    sourceUrl: text('source_url'),
    verified: text('verified'),
  },
  (t) => [unique('legal_articles_document_number').on(t.documentId, t.number)],
);

/** Figures the calculators use (minimum wage, base salary, dues rate…), each valid from a date. */
export const legalRates = pgTable(
  'legal_rates',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    region: text('region'),
    value: numeric('value', { mode: 'number' }).notNull(),
    unit: text('unit'),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    document: text('document').notNull(),
    article: integer('article').notNull(),
  },
  (t) => [
    uniqueIndex('legal_rates_key_region_from').on(t.key, sql`coalesce(${t.region}, '')`, t.effectiveFrom),
  ],
);

export const curatedAnswers = pgTable('curated_answers', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * draft → in_review → live (the previous live version becomes superseded) or rejected. A reviewer
 * approves someone else's version only. Seed versions come from the repository's knowledge files.
 */
export const curatedAnswerVersions = pgTable(
  'curated_answer_versions',
  {
    id: serial('id').primaryKey(),
    answerId: integer('answer_id')
      .notNull()
      .references(() => curatedAnswers.id),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    topic: text('topic').notNull(),
    questions: text('questions').array().notNull(),
    answer: text('answer').notNull(),
    citations: jsonb('citations').$type<ArticleRef[]>().notNull(),
    calculator: text('calculator'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** Null for seed versions (the knowledge files in the repository, reviewed there). */
    authorAccountId: integer('author_account_id'),
    authorName: text('author_name').notNull(),
    reviewerAccountId: integer('reviewer_account_id'),
    reviewerName: text('reviewer_name'),
    reviewNote: text('review_note'),
    fromCaseId: integer('from_case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    unique('curated_answer_versions_answer_version').on(t.answerId, t.version),
    uniqueIndex('curated_answer_versions_one_live')
      .on(t.answerId)
      .where(sql`status = 'live'`),
    index('curated_answer_versions_status').on(t.status, t.id),
  ],
);

/** Which seed the knowledge files were last imported from (a content hash). */
export const legalKnowledgeSeeds = pgTable('legal_knowledge_seeds', {
  name: text('name').primaryKey(),
  contentHash: text('content_hash').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A conversation belongs to the signed-in account that started it, or, without a session, to whoever
 * holds its id (a random UUID, never listed anywhere). `memory` is what follow-ups lean on.
 */
export const assistantConversations = pgTable(
  'assistant_conversations',
  {
    id: uuid('id').primaryKey(),
    accountId: integer('account_id'),
    memberId: integer('member_id'),
    memory: jsonb('memory')
      .$type<ConversationMemory>()
      .notNull()
      .default(sql`'{}'`),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistant_conversations_account')
      .on(t.accountId, t.lastAt)
      .where(sql`account_id is not null`),
  ],
);

export const assistantMessages = pgTable(
  'assistant_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => assistantConversations.id),
    role: text('role').notNull(),
    text: text('text').notNull(),
    outcome: text('outcome'),
    citations: jsonb('citations')
      .$type<ArticleRef[]>()
      .notNull()
      .default(sql`'[]'`),
    formula: text('formula'),
    confidence: real('confidence'),
    /** The curated answer version the reply came from: thumbs down point at what to fix. */
    answerVersionId: integer('answer_version_id'),
    authorAccountId: integer('author_account_id'),
    authorName: text('author_name'),
    helpful: boolean('helpful'),
    feedbackComment: text('feedback_comment'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistant_messages_conversation').on(t.conversationId, t.id),
    index('assistant_messages_feedback')
      .on(t.helpful, t.feedbackAt)
      .where(sql`helpful is not null`),
  ],
);

/**
 * What the assistant hands to a person: one case per conversation, at the province-level union of the
 * member (or the union a person without a session chose), waiting → assigned → answered → closed.
 * Confidential: only the legal advisers of the handling union and above read it.
 */
export const legalCases = pgTable(
  'legal_cases',
  {
    id: serial('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .unique()
      .references(() => assistantConversations.id),
    status: text('status').notNull().default('waiting'),
    question: text('question').notNull(),
    reason: text('reason').notNull(),
    handlingUnitId: integer('handling_unit_id').notNull(),
    handlingUnitPath: text('handling_unit_path').notNull(),
    memberId: integer('member_id'),
    accountId: integer('account_id'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    assigneeAccountId: integer('assignee_account_id'),
    assigneeName: text('assignee_name'),
    draftAnswerId: integer('draft_answer_id'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('legal_cases_queue').using('btree', t.handlingUnitPath.op('text_pattern_ops'), t.status, t.id),
    index('legal_cases_assignee')
      .on(t.assigneeAccountId, t.status)
      .where(sql`assignee_account_id is not null`),
  ],
);
