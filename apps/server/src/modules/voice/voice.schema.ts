import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { SurveyQuestion } from '@union/contracts/voice';
import { bytea } from '../../kernel/db/columns.js';

const OPEN = sql`status in ('received', 'in_progress')`;

/**
 * What members raise: concerns (private), proposals (public within a scope, gathering support) and
 * complaints (with files). Each sits at a handling unit with a deadline; a missed deadline moves it to
 * the managing unit. The origin columns (where the member belongs) feed analytics and alerts; the
 * handling columns feed inboxes and scope. An anonymous item keeps its author for the member's own
 * view only: no officer-facing read returns `author_*`.
 */
export const voiceItems = pgTable(
  'voice_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Folded title and body (no diacritics, lower case): similar items are ranked on its words. */
    searchText: text('search_text').notNull(),
    /** Folded content terms, for emerging topics. */
    terms: text('terms').array().notNull(),
    category: text('category').notNull(),
    categorySuggested: text('category_suggested').notNull(),
    categoryConfidence: real('category_confidence').notNull(),
    status: text('status').notNull().default('received'),
    anonymous: boolean('anonymous').notNull().default(false),
    /** Proposals only: 'unit' (the grassroots union) or 'province'. */
    scope: text('scope'),
    authorMemberId: integer('author_member_id').notNull(),
    authorAccountId: integer('author_account_id'),
    /** An officer who entered the item on the member's behalf. */
    enteredByAccountId: integer('entered_by_account_id'),
    originUnitId: integer('origin_unit_id').notNull(),
    originUnitPath: text('origin_unit_path').notNull(),
    /** The member's grassroots union: the employer, for heat maps and alerts. */
    grassrootsUnitId: integer('grassroots_unit_id').notNull(),
    provinceId: integer('province_id'),
    /** The industrial zone union and sector union above the grassroots union, when there is one. */
    zoneUnitId: integer('zone_unit_id'),
    sectorUnitId: integer('sector_unit_id'),
    handlingUnitId: integer('handling_unit_id').notNull(),
    handlingUnitPath: text('handling_unit_path').notNull(),
    handlingProvinceId: integer('handling_province_id'),
    handlingSince: timestamp('handling_since', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    escalations: smallint('escalations').notNull().default(0),
    supportCount: integer('support_count').notNull().default(0),
    answerRequiredAt: timestamp('answer_required_at', { withTimezone: true }),
    answerBody: text('answer_body'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByAccountId: integer('answered_by_account_id'),
    answeredByUnitId: integer('answered_by_unit_id'),
    answeredOnTime: boolean('answered_on_time'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Inboxes read open items by deadline: a grassroots union by its id, a federation by its province.
    index('voice_items_open_unit_idx').on(t.handlingUnitId, t.dueAt).where(OPEN),
    index('voice_items_open_province_idx').on(t.handlingProvinceId, t.dueAt).where(OPEN),
    // The escalation sweep and the Confederation's inbox: every open item by deadline.
    index('voice_items_open_due_idx').on(t.dueAt).where(OPEN),
    index('voice_items_handling_path_idx').using('btree', sql`handling_unit_path text_pattern_ops`, t.id),
    index('voice_items_author_idx').on(t.authorMemberId, t.id),
    index('voice_items_public_unit_idx')
      .on(t.grassrootsUnitId, t.id)
      .where(sql`kind = 'proposal'`),
    index('voice_items_public_province_idx')
      .on(t.provinceId, t.id)
      .where(sql`kind = 'proposal' and scope = 'province'`),
    // Early warning counts an employer's or a zone's recent items.
    index('voice_items_employer_idx').on(t.grassrootsUnitId, t.createdAt),
    index('voice_items_zone_idx')
      .on(t.zoneUnitId, t.createdAt)
      .where(sql`zone_unit_id is not null`),
    index('voice_items_province_created_idx').on(t.provinceId, t.createdAt),
    check('voice_items_kind_check', sql`kind in ('concern', 'proposal', 'complaint')`),
    check('voice_items_status_check', sql`status in ('received', 'in_progress', 'answered', 'closed')`),
    check(
      'voice_items_category_check',
      sql`category in ('wages', 'working_hours', 'social_insurance', 'safety', 'contracts', 'housing', 'welfare', 'union_activity', 'other')`,
    ),
    check('voice_items_scope_check', sql`(kind = 'proposal') = (scope is not null)`),
    check('voice_items_anonymous_check', sql`not (anonymous and kind = 'proposal')`),
    check('voice_items_rating_check', sql`rating is null or rating between 1 and 5`),
  ],
);

/** Every step of an item, in order: what the member sees, less the internal notes. */
export const voiceItemEvents = pgTable(
  'voice_item_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    /** Null for the platform (an automatic escalation) and for the author's own steps on anonymous items. */
    actorAccountId: integer('actor_account_id'),
    fromUnitId: integer('from_unit_id'),
    toUnitId: integer('to_unit_id'),
    text: text('text'),
    internal: boolean('internal').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voice_item_events_item_idx').on(t.itemId, t.id)],
);

/** One member's support for a proposal, once. */
export const voiceSupports = pgTable(
  'voice_supports',
  {
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    memberId: integer('member_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] })],
);

export const voiceAttachments = pgTable(
  'voice_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('voice_attachments_item_idx').on(t.itemId, t.id)],
);

/**
 * How many working days each level has for an item, by category; dated, so a new rule applies to items
 * received from its day on. A null category is the level's default.
 */
export const voiceDeadlineRules = pgTable(
  'voice_deadline_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level').notNull(),
    category: text('category'),
    workingDays: smallint('working_days').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    source: text('source').notNull(),
  },
  () => [
    check(
      'voice_deadline_rules_level_check',
      sql`level in ('grassroots', 'upper', 'federation', 'confederation')`,
    ),
    check('voice_deadline_rules_days_check', sql`working_days between 1 and 90`),
  ],
);

/** How many supports oblige an official answer to a proposal, by its scope; dated. */
export const voiceSupportThresholds = pgTable(
  'voice_support_thresholds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    scope: text('scope').notNull(),
    minSupports: integer('min_supports').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    source: text('source').notNull(),
  },
  () => [check('voice_support_thresholds_scope_check', sql`scope in ('unit', 'province')`)],
);

/**
 * Early-warning rules: items of a category (or any) from one employer or one industrial zone within
 * `window_days`, at least `min_count` and at least `ratio` times the usual rate over the
 * `baseline_weeks` before. Dated, and shown beside each alert so officers see why it was raised.
 */
export const voiceAlertRules = pgTable(
  'voice_alert_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    scopeKind: text('scope_kind').notNull(),
    category: text('category'),
    windowDays: smallint('window_days').notNull(),
    baselineWeeks: smallint('baseline_weeks').notNull(),
    minCount: integer('min_count').notNull(),
    ratio: real('ratio').notNull(),
    description: text('description').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
  },
  () => [check('voice_alert_rules_scope_check', sql`scope_kind in ('employer', 'industrial_zone')`)],
);

export const voiceAlerts = pgTable(
  'voice_alerts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: integer('rule_id').notNull(),
    unitId: integer('unit_id').notNull(),
    unitPath: text('unit_path').notNull(),
    scopeKind: text('scope_kind').notNull(),
    category: text('category'),
    count: integer('count').notNull(),
    baselinePerWindow: real('baseline_per_window').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: integer('acknowledged_by'),
  },
  (t) => [
    index('voice_alerts_path_idx').using('btree', sql`unit_path text_pattern_ops`, t.raisedAt),
    index('voice_alerts_unit_idx').on(t.unitId, t.ruleId, t.raisedAt),
  ],
);

/**
 * Items per origin unit (and every unit above it), month, category and kind, kept by triggers in the
 * same transaction as the change (migration 0012): the Confederation's twelve months are a few hundred
 * rows, not a scan of a million items.
 */
export const voiceMonthlyCounts = pgTable(
  'voice_monthly_counts',
  {
    unitId: integer('unit_id').notNull(),
    month: date('month').notNull(),
    category: text('category').notNull(),
    kind: text('kind').notNull(),
    unitType: text('unit_type').notNull(),
    unitPath: text('unit_path').notNull(),
    items: integer('items').notNull(),
    answered: integer('answered').notNull(),
    answeredOnTime: integer('answered_on_time').notNull(),
    ratingSum: integer('rating_sum').notNull(),
    ratingCount: integer('rating_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.month, t.category, t.kind] }),
    index('voice_monthly_counts_type_idx').using(
      'btree',
      t.unitType,
      t.month,
      sql`unit_path text_pattern_ops`,
    ),
  ],
);

/**
 * Topic terms per province and month (province 0 is the whole country), kept by trigger: emerging
 * topics compare recent months with earlier ones without reading the items.
 */
export const voiceTermCounts = pgTable(
  'voice_term_counts',
  {
    provinceId: integer('province_id').notNull(),
    month: date('month').notNull(),
    term: text('term').notNull(),
    items: integer('items').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.month, t.term] })],
);

/** A survey for the members of a subtree, open between two days. */
export const surveys = pgTable(
  'surveys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id').notNull(),
    unitPath: text('unit_path').notNull(),
    provinceId: integer('province_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    closedEarlyAt: timestamp('closed_early_at', { withTimezone: true }),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('surveys_path_idx').using('btree', sql`unit_path text_pattern_ops`, t.id),
    check('surveys_dates_check', sql`closes_on >= opens_on`),
  ],
);

/**
 * One member's answers to a survey, once. The breakdown columns are copied when answering (the child
 * unit of the survey's unit the member belongs to, sex, age band), so live results group without
 * joining members.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    surveyId: integer('survey_id').notNull(),
    memberId: integer('member_id').notNull(),
    groupUnitId: integer('group_unit_id').notNull(),
    sex: text('sex').notNull(),
    ageBand: text('age_band').notNull(),
    answers: jsonb('answers').$type<Record<string, number | number[] | string>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_responses_once_key').on(t.surveyId, t.memberId),
    index('survey_responses_survey_idx').on(t.surveyId, t.id),
  ],
);
