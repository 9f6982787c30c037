import { and, desc, gte, like, lt, sql } from 'drizzle-orm';
import type {
  BenefitSummaryDto,
  BenefitUsePage,
  BenefitUseQuery,
  RecordBenefitBody,
  RecordBenefitResponse,
} from '@union/contracts/cards';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { queryRows } from '../../kernel/db/database.js';
import { idCursorBefore, newestFirstPage } from '../../kernel/http/cursor.js';
import { getAccountNames } from '../accounts/index.js';
import { unsafeCardHolders } from '../members/index.js';
import { getUnitOrThrow, unsafeUnitSummaries } from '../units/index.js';
import { verifyOnline } from './card-verification.js';
import { cardBenefitUses } from './cards.schema.js';
import type { CardsContext } from './cards.service.js';

/** The day after `to`, so a period "to 31/12" includes all of 31/12 in Vietnam's time. */
const dayStart = (date: string) => sql`(${date}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`;
const dayAfter = (date: string) => sql`(${date}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`;

/**
 * A partner merchant shows the member's card to the platform and records the benefit given. Only a
 * valid card records anything; the answer is the same check a verifier gets.
 */
export async function recordBenefitUse(
  context: CardsContext,
  actor: Actor,
  body: RecordBenefitBody,
): Promise<RecordBenefitResponse> {
  const check = await verifyOnline(context, body.presentation);
  if (!check.response.valid || !check.card || !check.holder) return check.response;
  const { card, holder } = check;
  const id = await context.db.transaction(async (tx) => {
    const [use] = await tx
      .insert(cardBenefitUses)
      .values({
        cardId: card.id,
        memberId: holder.id,
        unitId: holder.unitId,
        unitPath: holder.unitPath,
        provinceId: holder.provinceId,
        merchantAccountId: actor.accountId,
        benefit: body.benefit,
        amountVnd: body.amountVnd ?? null,
      })
      .returning({ id: cardBenefitUses.id });
    await recordAudit(tx, actor, {
      action: 'card.benefit_use',
      entityType: 'card_benefit_use',
      entityId: use!.id,
      unitId: holder.unitId,
      unitPath: holder.unitPath,
      details: { cardId: card.id, memberId: holder.id, amountVnd: body.amountVnd ?? null },
    });
    return use!.id;
  });
  return { ...check.response, benefitUseId: id };
}

function periodConditions(unitPath: string, query: { from?: string | undefined; to?: string | undefined }) {
  return and(
    like(cardBenefitUses.unitPath, `${unitPath}%`),
    query.from ? gte(cardBenefitUses.usedAt, dayStart(query.from)) : undefined,
    query.to ? lt(cardBenefitUses.usedAt, dayAfter(query.to)) : undefined,
  );
}

/** Benefit use under a unit, one line per child unit: which unions' members use the programme. */
export async function benefitSummary(
  context: CardsContext,
  actor: Actor,
  unitId: number,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<BenefitSummaryDto> {
  const unit = await getUnitOrThrow(context.db, actor, unitId, 'cards.benefits.read');
  // The child is the path segment right after the unit's own: "/1/14/" + "203/…" → 203.
  const rows = await queryRows<{
    child: number | null;
    uses: string | number;
    members: string | number;
    amount: string | number;
  }>(
    context.db,
    sql`select nullif(split_part(substr(unit_path, ${unit.path.length + 1}), '/', 1), '')::int as child,
        count(*) as uses, count(distinct member_id) as members, coalesce(sum(amount_vnd), 0) as amount
      from card_benefit_uses
      where ${periodConditions(unit.path, query)}
      group by 1`,
  );
  const totals = await queryRows<{
    uses: string | number;
    members: string | number;
    amount: string | number;
  }>(
    context.db,
    sql`select count(*) as uses, count(distinct member_id) as members, coalesce(sum(amount_vnd), 0) as amount
      from card_benefit_uses where ${periodConditions(unit.path, query)}`,
  );
  const names = new Map(
    (
      await unsafeUnitSummaries(
        context.db,
        rows.flatMap((row) => (row.child === null ? [] : [row.child])),
      )
    ).map((summary) => [summary.id, summary.name]),
  );
  const total = totals[0]!;
  return {
    unit: { id: unit.id, name: unit.name },
    from: query.from ?? null,
    to: query.to ?? null,
    total: { uses: Number(total.uses), members: Number(total.members), amountVnd: Number(total.amount) },
    children: rows
      .map((row) => ({
        unitId: row.child ?? unit.id,
        name: row.child === null ? unit.name : (names.get(row.child) ?? ''),
        uses: Number(row.uses),
        members: Number(row.members),
        amountVnd: Number(row.amount),
      }))
      .sort((a, b) => b.uses - a.uses),
  };
}

/** The benefit uses under a unit, newest first. */
export async function listBenefitUses(
  context: CardsContext,
  actor: Actor,
  unitId: number,
  query: BenefitUseQuery,
): Promise<BenefitUsePage> {
  const unit = await getUnitOrThrow(context.db, actor, unitId, 'cards.benefits.read');
  const before = idCursorBefore(query.cursor);
  const rows = await context.db
    .select()
    .from(cardBenefitUses)
    .where(
      and(
        periodConditions(unit.path, query),
        before === undefined ? undefined : lt(cardBenefitUses.id, before),
      ),
    )
    .orderBy(desc(cardBenefitUses.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  const holders = await unsafeCardHolders(
    context.db,
    page.map((row) => row.memberId),
  );
  const merchants = await getAccountNames(context.db, [...new Set(page.map((row) => row.merchantAccountId))]);
  return {
    items: page.map((row) => {
      const holder = holders.get(row.memberId);
      return {
        id: row.id,
        usedAt: row.usedAt.toISOString(),
        memberName: holder?.fullName ?? '',
        memberCode: holder?.memberCode ?? '',
        unitName: holder?.grassrootsUnitName ?? '',
        merchantName: merchants.get(row.merchantAccountId) ?? '',
        benefit: row.benefit,
        amountVnd: row.amountVnd,
      };
    }),
    nextCursor,
  };
}
