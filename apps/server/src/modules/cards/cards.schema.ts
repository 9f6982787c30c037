import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { JWK } from 'jose';
import { bytea } from '../../kernel/db/columns.js';

/**
 * The platform's signing keys (Ed25519). One signs at a time; a new one takes over on schedule, and an
 * old one stays published until every card it signed has expired (`published_until`).
 */
export const cardSigningKeys = pgTable('card_signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<JWK>().notNull(),
  privateJwk: jsonb('private_jwk').$type<JWK>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  signsUntil: timestamp('signs_until', { withTimezone: true }).notNull(),
  publishedUntil: timestamp('published_until', { withTimezone: true }).notNull(),
});

/** Each card takes the next position in the published status list, for life. */
export const cardStatusIndexSequence = pgSequence('card_status_index_seq', { startWith: 0, minValue: 0 });
/** Bumped on every status-list change, so a cached list knows it is stale. */
export const cardStatusVersionSequence = pgSequence('card_status_version_seq', { startWith: 1 });

/**
 * One row per card issued: a phone card (bound to the key the member's phone made) or a printed card
 * (a long-lived static credential). A member has at most one live card of each kind. A transfer, the
 * end of membership, a lost phone or a re-issue revokes a card for good; a suspension only flips its
 * bit in the status list until the member resumes (triggers in migration 0009).
 */
export const cards = pgTable(
  'cards',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id').notNull(),
    kind: text('kind').notNull(),
    statusIndex: integer('status_index')
      .notNull()
      .default(sql`nextval('card_status_index_seq')`),
    /** The member's unit when issued: the card shows it, and a transfer makes it stale. */
    unitId: integer('unit_id').notNull(),
    unitName: text('unit_name').notNull(),
    devicePublicJwk: jsonb('device_public_jwk').$type<JWK>(),
    deviceKeyThumbprint: text('device_key_thumbprint'),
    /** A printed card's credential, kept so a reprint carries the very same QR. */
    credential: text('credential'),
    kid: text('kid'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    issuedBy: integer('issued_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    revokedBy: integer('revoked_by'),
  },
  (t) => [
    uniqueIndex('cards_status_index_key').on(t.statusIndex),
    // The rule "one live card of each kind" is the index itself: two phones binding at once cannot break it.
    uniqueIndex('cards_one_live_key')
      .on(t.memberId, t.kind)
      .where(sql`${t.revokedAt} is null`),
    index('cards_member_idx').on(t.memberId, t.id),
    check('cards_kind_check', sql`${t.kind} in ('phone', 'printed')`),
    check(
      'cards_revoked_reason_check',
      sql`${t.revokedReason} is null or ${t.revokedReason} in ('device_lost', 'device_replaced', 'reissued', 'transferred', 'membership_ended')`,
    ),
  ],
);

/**
 * The status list as the W3C Bitstring Status List lays it out: bit i (most significant first) is 1 when
 * card i is not valid. Kept in 1 KiB chunks so a suspension rewrites one small row, and the whole list
 * for 11 M cards is ~1,400 rows read in one pass.
 */
export const cardStatusChunks = pgTable('card_status_chunks', {
  chunkNo: integer('chunk_no').primaryKey(),
  bits: bytea('bits').notNull(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/** A benefit a partner merchant gave a member on showing their card. */
export const cardBenefitUses = pgTable(
  'card_benefit_uses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    cardId: bigint('card_id', { mode: 'number' }).notNull(),
    memberId: integer('member_id').notNull(),
    unitId: integer('unit_id').notNull(),
    unitPath: text('unit_path').notNull(),
    provinceId: integer('province_id'),
    merchantAccountId: integer('merchant_account_id').notNull(),
    benefit: text('benefit').notNull(),
    // VND has no minor unit: whole đồng in a bigint.
    amountVnd: bigint('amount_vnd', { mode: 'number' }),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('card_benefit_uses_path_idx').on(t.unitPath.op('text_pattern_ops'), t.usedAt),
    index('card_benefit_uses_merchant_idx').on(t.merchantAccountId, t.usedAt),
  ],
);

/** The printable card sheet a bulk issue made, for its starter to download. */
export const cardPrintFiles = pgTable(
  'card_print_files',
  {
    jobId: integer('job_id').primaryKey(),
    filename: text('filename').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('card_print_files_created_idx').on(t.createdAt)],
);
