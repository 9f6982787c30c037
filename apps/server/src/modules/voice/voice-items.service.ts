import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  ClassifyVoiceBody,
  SubmittedVoiceDto,
  SubmitVoiceBody,
  VoiceCategory,
  VoiceItemSummaryDto,
  VoiceKind,
  VoiceListQuery,
  VoicePage,
  VoiceStatus,
  VoiceSuggestionDto,
} from '@union/contracts/voice';
import { OPEN_VOICE_STATUSES } from '@union/contracts/voice';
import { holdsAnywhere, scopePaths, type Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../kernel/http/cursor.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { queryRows } from '../../kernel/db/database.js';
import {
  findOwnVoiceMember,
  findVoiceMember,
  unsafeMemberNames,
  type VoiceMember,
} from '../members/index.js';
import { unsafeRoutingUnits, type RoutingUnit } from '../units/index.js';
import type { CategoryClassifier } from './classifier/category-classifier.js';
import { topicTermsOf } from './classifier/topic-terms.js';
import { checkEarlyWarnings } from './early-warning.js';
import { deadlineFor, handlingLevelOf, idsOnPath } from './handling-levels.js';
import { isOpen, type VoiceItemRow } from './voice-access.js';
import { itemLink, kindName, notifyHandlers } from './voice-notices.js';
import { loadSupportThresholds } from './support-thresholds.js';
import { voiceItemEvents, voiceItems, voiceSupports } from './voice.schema.js';

export interface VoiceContext {
  db: Db;
  /** The platform's clock: tests move it to prove deadlines and escalation. */
  now: () => Date;
  classifier: CategoryClassifier;
}

/** The folded text kept for similar-item search: enough words to compare, never a megabyte. */
const SEARCH_TEXT_MAX = 4000;

const textOf = (title: string, body: string) => `${title}\n${body}`;

/** The author, and who entered the item: the member themself, or an officer on their behalf. */
async function authorOf(db: Db, actor: Actor, body: SubmitVoiceBody): Promise<VoiceMember> {
  if (body.memberId !== undefined) {
    const member = await findVoiceMember(db, actor, body.memberId, 'voice.enter');
    if (!member) throw new DomainError('member.not_found');
    return member;
  }
  const own = await findOwnVoiceMember(db, actor);
  if (!own) throw new DomainError('voice.member_required');
  return own;
}

function firstOfType(path: readonly RoutingUnit[], type: RoutingUnit['type']): number | null {
  return path.find((unit) => unit.type === type)?.id ?? null;
}

/** Raises a concern, proposal or complaint: classified, routed to its handling unit, with its deadline. */
export async function submitItem(
  context: VoiceContext,
  actor: Actor,
  body: SubmitVoiceBody,
): Promise<SubmittedVoiceDto> {
  const { db } = context;
  if (body.kind === 'proposal' && body.anonymous) throw new DomainError('voice.proposal_not_anonymous');
  if (body.kind !== 'proposal' && body.scope !== undefined)
    throw new DomainError('voice.scope_for_proposals');
  const author = await authorOf(db, actor, body);
  if (author.status !== 'active' && author.status !== 'suspended')
    throw new DomainError('voice.member_not_current');

  const suggestion = context.classifier.classify(textOf(body.title, body.body));
  const category: VoiceCategory = body.category ?? suggestion.category;
  const scope = body.kind === 'proposal' ? (body.scope ?? 'unit') : null;

  const pathIds = idsOnPath(author.unitPath);
  const units = await unsafeRoutingUnits(db, pathIds);
  const pathUnits = pathIds.map((id) => units.get(id)).filter((unit) => unit !== undefined);
  // A proposal for the whole province is answered by the province; everything else starts at home.
  const handlingUnit =
    scope === 'province' && author.provinceId !== null
      ? units.get(author.provinceId)
      : units.get(author.grassrootsUnitId);
  if (!handlingUnit) throw new DomainError('voice.member_required');
  const level = handlingLevelOf(handlingUnit.type) ?? 'grassroots';
  const now = context.now();
  const dueAt = await deadlineFor(db, level, category, now);
  const anonymous = body.kind !== 'proposal' && body.anonymous === true;
  const enteredByOfficer = body.memberId !== undefined;
  const text = textOf(body.title, body.body);

  const row = {
    kind: body.kind,
    title: body.title,
    body: body.body,
    searchText: foldVietnamese(text).slice(0, SEARCH_TEXT_MAX),
    terms: topicTermsOf(text),
    category,
    categorySuggested: suggestion.category,
    categoryConfidence: suggestion.confidence,
    anonymous,
    scope,
    authorMemberId: author.id,
    authorAccountId: author.accountId ?? (enteredByOfficer ? null : actor.accountId),
    enteredByAccountId: enteredByOfficer ? actor.accountId : null,
    originUnitId: author.unitId,
    originUnitPath: author.unitPath,
    grassrootsUnitId: author.grassrootsUnitId,
    provinceId: author.provinceId,
    zoneUnitId: firstOfType(pathUnits, 'industrial_zone_union'),
    sectorUnitId: firstOfType(pathUnits, 'sector_union'),
    handlingUnitId: handlingUnit.id,
    handlingUnitPath: handlingUnit.path,
    handlingProvinceId: handlingUnit.provinceId,
    handlingSince: now,
    dueAt,
    createdAt: now,
    updatedAt: now,
  };

  return db.transaction(async (tx) => {
    // The insert's counting triggers lock counter rows every item shares (the province's, the
    // Confederation's): it goes last, so those locks are held only until commit, and items raised at
    // once across the country do not queue behind each other's notices and checks.
    const [next] = await queryRows<{ id: string }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('voice_items', 'id')) as id`,
    );
    const id = Number(next!.id);
    if (enteredByOfficer) {
      await recordAudit(tx, actor, {
        action: 'voice.entered_for_member',
        entityType: 'voice_item',
        entityId: id,
        unitId: handlingUnit.id,
        unitPath: handlingUnit.path,
        // The audit trail must not undo anonymity: the member is named only on a named item.
        details: anonymous ? { anonymous: true } : { memberId: author.id },
      });
    }
    await notifyHandlers(
      tx,
      [handlingUnit.id],
      {
        kind: 'voice_received',
        title: `${kindName(row)} mới: ${row.title}`.slice(0, 200),
        body: `Hạn xử lý: ${formatDue(dueAt)}.`,
        link: itemLink(id),
      },
      actor.accountId,
    );
    await checkEarlyWarnings(tx, row, now, { includingThisOne: true });
    await tx
      .insert(voiceItems)
      .overridingSystemValue()
      .values({ ...row, id });
    await tx.insert(voiceItemEvents).values({
      itemId: id,
      kind: 'submitted',
      // An anonymous item's history names no one; an officer entering it is named as the one who did.
      actorAccountId: enteredByOfficer ? actor.accountId : anonymous ? null : actor.accountId,
      toUnitId: handlingUnit.id,
      at: now,
    });
    return { id, category, handlingUnitId: handlingUnit.id, dueAt: dueAt.toISOString(), status: 'received' };
  });
}

export const formatDue = (dueAt: Date): string =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' }).format(dueAt);

/** Folded syllables of a text as an OR query for to_tsquery: letters and digits only, never operators. */
function orQueryOf(text: string): string | null {
  const words = [
    ...new Set(
      foldVietnamese(text)
        .split(/[^a-z0-9]+/)
        .filter((word) => word.length >= 2),
    ),
  ].slice(0, 24);
  return words.length === 0 ? null : words.join(' | ');
}

/** The proposals a member may read and support: their grassroots union's, and their province's. */
function publicProposalsOf(member: VoiceMember): SQL {
  const ofUnion = and(
    eq(voiceItems.kind, 'proposal'),
    eq(voiceItems.scope, 'unit'),
    eq(voiceItems.grassrootsUnitId, member.grassrootsUnitId),
  )!;
  if (member.provinceId === null) return ofUnion;
  return or(
    ofUnion,
    and(
      eq(voiceItems.kind, 'proposal'),
      eq(voiceItems.scope, 'province'),
      eq(voiceItems.provinceId, member.provinceId),
    ),
  )!;
}

const SIMILAR_LIMIT = 5;
/** Recent public proposals of a province compared for similarity: enough to find the live ones. */
const SIMILAR_CANDIDATES = 2000;

/** Before submitting: the suggested category, and similar items the member may see (theirs, public ones). */
export async function suggestForDraft(
  context: VoiceContext,
  actor: Actor,
  draft: ClassifyVoiceBody,
): Promise<VoiceSuggestionDto> {
  const text = textOf(draft.title, draft.body);
  const suggestion = context.classifier.classify(text);
  const member = await findOwnVoiceMember(context.db, actor);
  const query = orQueryOf(text);
  if (!member || query === null) return { ...suggestion, similar: [] };
  const visible = or(eq(voiceItems.authorMemberId, member.id), publicProposalsOf(member));
  // Visibility narrows first (small index ranges), then the words rank what is left.
  const candidates = context.db
    .select({ id: voiceItems.id })
    .from(voiceItems)
    .where(visible)
    .orderBy(desc(voiceItems.id))
    .limit(SIMILAR_CANDIDATES);
  const rank = sql<number>`ts_rank(to_tsvector('simple', ${voiceItems.searchText}), to_tsquery('simple', ${query}))`;
  const rows = await context.db
    .select({
      id: voiceItems.id,
      kind: voiceItems.kind,
      title: voiceItems.title,
      status: voiceItems.status,
      supportCount: voiceItems.supportCount,
      authorMemberId: voiceItems.authorMemberId,
      rank,
    })
    .from(voiceItems)
    .where(
      and(
        inArray(voiceItems.id, candidates),
        sql`to_tsvector('simple', ${voiceItems.searchText}) @@ to_tsquery('simple', ${query})`,
      ),
    )
    .orderBy(desc(rank), desc(voiceItems.id))
    .limit(SIMILAR_LIMIT);
  return {
    ...suggestion,
    similar: rows
      .filter((row) => row.rank >= 0.02)
      .map((row) => ({
        id: row.id,
        kind: row.kind as VoiceKind,
        title: row.title,
        status: row.status as VoiceStatus,
        supportCount: row.supportCount,
        mine: row.authorMemberId === member.id,
      })),
  };
}

type ListView = 'inbox' | 'mine' | 'public';

interface DueCursor {
  dueAt: string;
  id: number;
}
const isDueCursor = (value: unknown): value is DueCursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DueCursor).dueAt === 'string' &&
  !Number.isNaN(Date.parse((value as DueCursor).dueAt)) &&
  Number.isInteger((value as DueCursor).id);
const isIdCursor = (value: unknown): value is { id: number } =>
  typeof value === 'object' && value !== null && Number.isInteger((value as { id: number }).id);

/**
 * The officer's inbox: items handled within their scope for `voice.handle`, concerns only at their own
 * units. A federation's share is read through its province's index of open items by deadline.
 */
function inboxScope(actor: Actor): SQL {
  const paths = scopePaths(actor, 'voice.handle');
  if (paths.length === 0) return sql`false`;
  const ownUnits = actor.grants
    .filter((grant) => grant.permissions.has('voice.handle'))
    .map((grant) => grant.unitId);
  const subtrees = paths.map((path) => {
    const ids = idsOnPath(path);
    const byPath = sql`${voiceItems.handlingUnitPath} like ${`${path}%`}`;
    // A province's own id covers its whole subtree: the path adds nothing but a misleading estimate.
    if (ids.length === 2) return eq(voiceItems.handlingProvinceId, ids[1]!);
    return ids.length > 2 ? and(eq(voiceItems.handlingProvinceId, ids[1]!), byPath)! : byPath;
  });
  return and(
    or(...subtrees),
    or(sql`${voiceItems.kind} <> 'concern'`, inArray(voiceItems.handlingUnitId, ownUnits)),
  )!;
}

export async function listItems(
  context: VoiceContext,
  actor: Actor,
  query: VoiceListQuery,
): Promise<VoicePage> {
  const { db } = context;
  const view: ListView = query.view ?? (holdsAnywhere(actor, 'voice.handle') ? 'inbox' : 'mine');
  const conditions: (SQL | undefined)[] = [];
  let member: VoiceMember | undefined;
  if (view === 'inbox') {
    conditions.push(inboxScope(actor));
    if (query.unitId !== undefined) {
      const [unit] = [...(await unsafeRoutingUnits(db, [query.unitId])).values()];
      // A unit outside the caller's scope narrows to nothing, like a missing one.
      conditions.push(unit ? sql`${voiceItems.handlingUnitPath} like ${`${unit.path}%`}` : sql`false`);
    }
  } else {
    member = await findOwnVoiceMember(db, actor);
    if (!member) return { items: [], nextCursor: null };
    if (view === 'mine') conditions.push(eq(voiceItems.authorMemberId, member.id));
    else {
      conditions.push(publicProposalsOf(member));
    }
  }
  if (query.category) conditions.push(eq(voiceItems.category, query.category));
  if (query.kind) conditions.push(eq(voiceItems.kind, query.kind));
  const now = context.now();
  if (query.overdue) conditions.push(lt(voiceItems.dueAt, now));

  // The inbox of open items reads by deadline; everything else newest first.
  const byDeadline = view === 'inbox' && (query.status === undefined || query.overdue === true);
  if (query.status) conditions.push(eq(voiceItems.status, query.status));
  else if (byDeadline || query.overdue) conditions.push(inArray(voiceItems.status, [...OPEN_VOICE_STATUSES]));

  if (byDeadline) {
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor, isDueCursor);
      const at = new Date(after.dueAt);
      conditions.push(
        or(gt(voiceItems.dueAt, at), and(eq(voiceItems.dueAt, at), gt(voiceItems.id, after.id))),
      );
    }
  } else if (query.cursor !== undefined) {
    conditions.push(lt(voiceItems.id, decodeCursor(query.cursor, isIdCursor).id));
  }
  const rows = await db
    .select(summaryColumns)
    .from(voiceItems)
    .where(and(...conditions))
    .orderBy(...(byDeadline ? [asc(voiceItems.dueAt), asc(voiceItems.id)] : [desc(voiceItems.id)]))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(byDeadline ? { dueAt: last.dueAt.toISOString(), id: last.id } : { id: last.id })
      : null;
  return {
    items: await summariesOf(db, actor, page, now, view === 'inbox' ? 'handler' : member),
    nextCursor,
  };
}

const summaryColumns = {
  id: voiceItems.id,
  kind: voiceItems.kind,
  title: voiceItems.title,
  category: voiceItems.category,
  status: voiceItems.status,
  anonymous: voiceItems.anonymous,
  authorMemberId: voiceItems.authorMemberId,
  handlingUnitId: voiceItems.handlingUnitId,
  dueAt: voiceItems.dueAt,
  escalations: voiceItems.escalations,
  supportCount: voiceItems.supportCount,
  scope: voiceItems.scope,
  createdAt: voiceItems.createdAt,
};
type SummaryRow = Pick<VoiceItemRow, keyof typeof summaryColumns>;

/**
 * Summaries with names: handlers see the author of a named item; a member sees their own name on their
 * own items and no one's on others' proposals.
 */
export async function summariesOf(
  db: Db,
  actor: Actor,
  rows: readonly SummaryRow[],
  now: Date,
  viewer: 'handler' | VoiceMember | undefined,
): Promise<VoiceItemSummaryDto[]> {
  const units = await unsafeRoutingUnits(
    db,
    rows.map((row) => row.handlingUnitId),
  );
  const namedAuthors = rows
    .filter((row) => (viewer === 'handler' ? !row.anonymous : row.authorMemberId === viewer?.id))
    .map((row) => row.authorMemberId);
  const names = await unsafeMemberNames(db, namedAuthors);
  const proposals = rows.filter((row) => row.kind === 'proposal').map((row) => row.id);
  const thresholds = proposals.length > 0 ? await loadSupportThresholds(db) : () => null;
  const supported =
    proposals.length > 0 && viewer !== 'handler' && viewer !== undefined
      ? new Set(
          (
            await db
              .select({ itemId: voiceSupports.itemId })
              .from(voiceSupports)
              .where(and(eq(voiceSupports.memberId, viewer.id), inArray(voiceSupports.itemId, proposals)))
          ).map((row) => row.itemId),
        )
      : new Set<number>();
  return rows.map((row) => {
    const open = isOpen(row);
    const showAuthor = viewer === 'handler' ? !row.anonymous : row.authorMemberId === viewer?.id;
    return {
      id: row.id,
      kind: row.kind as VoiceKind,
      title: row.title,
      category: row.category as VoiceCategory,
      status: row.status as VoiceStatus,
      anonymous: row.anonymous,
      authorName: showAuthor ? (names.get(row.authorMemberId) ?? null) : null,
      handlingUnit: { id: row.handlingUnitId, name: units.get(row.handlingUnitId)?.name ?? '' },
      dueAt: row.dueAt.toISOString(),
      overdue: open && row.dueAt.getTime() < now.getTime(),
      escalations: row.escalations,
      supportCount: row.supportCount,
      supportThreshold: row.kind === 'proposal' && row.scope ? thresholds(row.scope, row.createdAt) : null,
      supportedByMe: supported.has(row.id),
      createdAt: row.createdAt.toISOString(),
    };
  });
}
