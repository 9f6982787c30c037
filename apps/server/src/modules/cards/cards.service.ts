import { calculateJwkThumbprint } from 'jose';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type {
  BindDeviceBody,
  CardClaims,
  CardDto,
  CardKind,
  CardRevokeReason,
  DevicePublicKey,
  MemberCardsDto,
  MyCardDto,
  PrintedCardDto,
  RevokeCardBody,
} from '@union/contracts/cards';
import type { Actor } from '../../kernel/access/actor.js';
import { mayAt } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { findCardHolder, findOwnCardHolder, type CardHolder } from '../members/index.js';
import { notify } from '../notifications/index.js';
import { ONLINE_QR_SECONDS, PHONE_CREDENTIAL_DAYS, PRINTED_CARD_YEARS } from './card-lifetimes.js';
import { cards } from './cards.schema.js';
import { signCardClaims } from './credentials.js';
import type { CardSigningKeys, SigningKey } from './signing-keys.js';

export type CardRow = typeof cards.$inferSelect;

/** What every card operation needs: the database, the signing keys, and who the issuer is. */
export interface CardsContext {
  db: Db;
  keys: CardSigningKeys;
  issuer: string;
}

const CURRENT = ['active', 'suspended'];
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Signs a credential for a card as the holder is now. */
export async function mintCredential(
  context: CardsContext,
  card: Pick<CardRow, 'id' | 'statusIndex' | 'unitName' | 'devicePublicJwk'>,
  holder: Pick<CardHolder, 'memberCode' | 'fullName' | 'status'>,
  kind: CardClaims['knd'],
  issuedAt: Date,
  expiresAt: Date,
  signingKey?: SigningKey,
): Promise<string> {
  // Inside a transaction pass the key: on PGlite a cold key cache would query outside it and wait forever.
  const key = signingKey ?? (await context.keys.current(issuedAt.getTime()));
  const claims: CardClaims = {
    iss: context.issuer,
    sub: holder.memberCode,
    jti: String(card.id),
    iat: seconds(issuedAt),
    exp: seconds(expiresAt),
    name: holder.fullName,
    unit: card.unitName,
    st: holder.status,
    knd: kind,
    sl: card.statusIndex,
    ...(kind === 'd' && card.devicePublicJwk
      ? { cnf: { jwk: card.devicePublicJwk as DevicePublicKey } }
      : {}),
  };
  return signCardClaims(key, claims);
}

export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

async function liveCard(
  db: Db,
  memberId: number,
  kind: CardKind,
  lock = false,
): Promise<CardRow | undefined> {
  const query = db
    .select()
    .from(cards)
    .where(and(eq(cards.memberId, memberId), eq(cards.kind, kind), isNull(cards.revokedAt)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/**
 * The member's live card of a kind, made when there is none. The unique index on live cards settles
 * two requests racing to make one: the loser reads the winner's.
 */
async function liveOrNewCard(
  context: CardsContext,
  actor: Actor,
  holder: CardHolder,
  kind: CardKind,
  extra: Partial<Pick<CardRow, 'devicePublicJwk' | 'deviceKeyThumbprint'>> = {},
): Promise<{ card: CardRow; created: boolean }> {
  const existing = await liveCard(context.db, holder.id, kind);
  if (existing) return { card: existing, created: false };
  if (holder.status !== 'active') throw new DomainError('card.member_not_active');
  return context.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(cards)
      .values({
        memberId: holder.id,
        kind,
        unitId: holder.unitId,
        unitName: holder.grassrootsUnitName,
        issuedBy: actor.accountId,
        ...extra,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) return { card: (await liveCard(tx, holder.id, kind))!, created: false };
    await recordAudit(tx, actor, {
      action: 'card.issue',
      entityType: 'card',
      entityId: created.id,
      unitId: holder.unitId,
      unitPath: holder.unitPath,
      details: { memberId: holder.id, kind },
    });
    return { card: created, created: true };
  });
}

async function ownHolderOrThrow(db: Db, actor: Actor): Promise<CardHolder> {
  const holder = await findOwnCardHolder(db, actor);
  if (!holder || !CURRENT.includes(holder.status)) throw new DomainError('member.no_own_record');
  return holder;
}

async function myCardDto(context: CardsContext, holder: CardHolder, card: CardRow): Promise<MyCardDto> {
  const now = new Date();
  const onlineExpiry = new Date(now.getTime() + ONLINE_QR_SECONDS * 1000);
  const online = await mintCredential(context, card, holder, 'o', now, onlineExpiry);
  const bound = card.devicePublicJwk !== null;
  const phoneExpiry = new Date(now.getTime() + PHONE_CREDENTIAL_DAYS * 86_400_000);
  const credential = bound ? await mintCredential(context, card, holder, 'd', now, phoneExpiry) : online;
  return {
    credential,
    qr: { svg: await qrSvg(online), expiresAt: onlineExpiry.toISOString() },
    expiresAt: (bound ? phoneExpiry : onlineExpiry).toISOString(),
    status: holder.status,
    holder: {
      fullName: holder.fullName,
      memberCode: holder.memberCode,
      unitName: card.unitName,
      status: holder.status,
    },
    cardId: card.id,
    deviceKeyThumbprint: card.deviceKeyThumbprint,
    issuedAt: card.issuedAt.toISOString(),
    valid: holder.status === 'active',
  };
}

/** GET /me/card: the member's phone card, made on first use; a fresh credential on every call. */
export async function getMyCard(context: CardsContext, actor: Actor): Promise<MyCardDto> {
  const holder = await ownHolderOrThrow(context.db, actor);
  const { card } = await liveOrNewCard(context, actor, holder, 'phone');
  return myCardDto(context, holder, card);
}

/**
 * Binds the card to the key this phone made. A different key means a new phone: the old phone's card
 * is revoked (its credential stops verifying once the status list is refreshed) and a new card is made.
 */
export async function bindDevice(
  context: CardsContext,
  actor: Actor,
  body: BindDeviceBody,
): Promise<MyCardDto> {
  const holder = await ownHolderOrThrow(context.db, actor);
  const jwk: DevicePublicKey = { kty: 'EC', crv: 'P-256', x: body.publicKey.x, y: body.publicKey.y };
  const thumbprint = await calculateJwkThumbprint(jwk);
  const card = await context.db.transaction(async (tx) => {
    const live = await liveCard(tx, holder.id, 'phone', true);
    if (live?.deviceKeyThumbprint === thumbprint) return live;
    if (live && live.devicePublicJwk === null) {
      const [bound] = await tx
        .update(cards)
        .set({ devicePublicJwk: jwk, deviceKeyThumbprint: thumbprint })
        .where(eq(cards.id, live.id))
        .returning();
      await auditBind(tx, actor, holder, bound!, false);
      return bound!;
    }
    if (holder.status !== 'active') throw new DomainError('card.member_not_active');
    if (live) await revoke(tx, actor, live, 'device_replaced', holder);
    const [created] = await tx
      .insert(cards)
      .values({
        memberId: holder.id,
        kind: 'phone',
        unitId: holder.unitId,
        unitName: holder.grassrootsUnitName,
        issuedBy: actor.accountId,
        devicePublicJwk: jwk,
        deviceKeyThumbprint: thumbprint,
      })
      .returning();
    await auditBind(tx, actor, holder, created!, live !== undefined);
    if (live && holder.accountId !== null) {
      await notify(tx, {
        accountId: holder.accountId,
        kind: 'card_issued',
        title: 'Thẻ đoàn viên đã chuyển sang điện thoại mới',
        body: 'Thẻ trên điện thoại cũ không còn dùng được. Nếu không phải bạn làm, hãy đổi mật khẩu và báo công đoàn cơ sở.',
        link: '/card',
      });
    }
    return created!;
  });
  return myCardDto(context, holder, card);
}

function auditBind(tx: Db, actor: Actor, holder: CardHolder, card: CardRow, replaced: boolean) {
  return recordAudit(tx, actor, {
    action: 'card.device_bind',
    entityType: 'card',
    entityId: card.id,
    unitId: holder.unitId,
    unitPath: holder.unitPath,
    details: { memberId: holder.id, replacedPhone: replaced },
  });
}

const REVOKE_NOTICES: Partial<Record<CardRevokeReason, { title: string; body: string }>> = {
  device_lost: {
    title: 'Thẻ đoàn viên trên điện thoại đã bị khoá',
    body: 'Thẻ không còn dùng được trên điện thoại đó. Đăng nhập trên điện thoại mới để nhận thẻ mới.',
  },
  reissued: {
    title: 'Thẻ đoàn viên in đã được thu hồi để cấp lại',
    body: 'Thẻ in cũ không còn dùng được; công đoàn cơ sở sẽ giao thẻ mới.',
  },
};

async function revoke(
  tx: Db,
  actor: Actor,
  card: CardRow,
  reason: CardRevokeReason,
  holder: CardHolder,
): Promise<void> {
  await tx
    .update(cards)
    .set({ revokedAt: new Date(), revokedReason: reason, revokedBy: actor.accountId })
    .where(and(eq(cards.id, card.id), isNull(cards.revokedAt)));
  await recordAudit(tx, actor, {
    action: 'card.revoke',
    entityType: 'card',
    entityId: card.id,
    unitId: holder.unitId,
    unitPath: holder.unitPath,
    details: { memberId: card.memberId, kind: card.kind, reason },
  });
  const notice = REVOKE_NOTICES[reason];
  if (holder.accountId !== null && notice) {
    await notify(tx, { accountId: holder.accountId, kind: 'card_revoked', ...notice, link: '/card' });
  }
}

/** A member who lost their phone turns its card off from any other device they sign in on. */
export async function revokeMyPhoneCard(context: CardsContext, actor: Actor): Promise<void> {
  const holder = await ownHolderOrThrow(context.db, actor);
  await context.db.transaction(async (tx) => {
    const live = await liveCard(tx, holder.id, 'phone', true);
    if (!live) throw new DomainError('card.no_phone_card');
    await revoke(tx, actor, live, 'device_lost', holder);
  });
}

async function scopedHolder(
  db: Db,
  actor: Actor,
  memberId: number,
  permission: 'cards.read' | 'cards.issue' | 'cards.revoke',
) {
  const holder = await findCardHolder(db, actor, memberId, permission);
  if (!holder) throw new DomainError('member.not_found');
  return holder;
}

const toCardDto = (card: CardRow, holder: CardHolder): CardDto => ({
  id: card.id,
  kind: card.kind as CardKind,
  unitName: card.unitName,
  issuedAt: card.issuedAt.toISOString(),
  expiresAt: card.expiresAt?.toISOString() ?? null,
  deviceBound: card.devicePublicJwk !== null,
  revokedAt: card.revokedAt?.toISOString() ?? null,
  revokedReason: (card.revokedReason as CardRevokeReason | null) ?? null,
  valid: card.revokedAt === null && holder.status === 'active',
});

/** A member's cards, newest first, for an officer who may see the member. */
export async function listMemberCards(
  context: CardsContext,
  actor: Actor,
  memberId: number,
): Promise<MemberCardsDto> {
  const holder = await scopedHolder(context.db, actor, memberId, 'cards.read');
  const rows = await context.db
    .select()
    .from(cards)
    .where(eq(cards.memberId, holder.id))
    .orderBy(desc(cards.id))
    .limit(50);
  return {
    items: rows.map((row) => toCardDto(row, holder)),
    can: {
      issue: mayAt(actor, 'cards.issue', holder.unitPath) && holder.status === 'active',
      revoke: mayAt(actor, 'cards.revoke', holder.unitPath),
    },
  };
}

/**
 * The member's printed card: a static credential that lives for years, for members without a
 * smartphone. Made on first request and kept, so every reprint carries the same QR.
 */
export async function printedCard(
  context: CardsContext,
  actor: Actor,
  memberId: number,
): Promise<{ holder: CardHolder; card: CardRow & { credential: string; expiresAt: Date } }> {
  const holder = await scopedHolder(context.db, actor, memberId, 'cards.issue');
  return { holder, card: await printedCardFor(context, actor, holder) };
}

export async function printedCardFor(context: CardsContext, actor: Actor, holder: CardHolder) {
  const { card } = await liveOrNewCard(context, actor, holder, 'printed');
  if (card.credential && card.expiresAt) return card as CardRow & { credential: string; expiresAt: Date };
  const expiresAt = new Date(card.issuedAt);
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + PRINTED_CARD_YEARS);
  const credential = await mintCredential(context, card, holder, 'p', card.issuedAt, expiresAt);
  const key = await context.keys.current();
  // Only the first signature is kept: a concurrent request signing the same card writes nothing.
  const [kept] = await context.db
    .update(cards)
    .set({ credential, expiresAt, kid: key.kid })
    .where(and(eq(cards.id, card.id), sql`${cards.credential} is null`))
    .returning();
  const final = kept ?? (await context.db.select().from(cards).where(eq(cards.id, card.id)))[0]!;
  return final as CardRow & { credential: string; expiresAt: Date };
}

export const printedCardDto = (
  memberId: number,
  card: CardRow & { credential: string; expiresAt: Date },
): PrintedCardDto => ({
  presentation: card.credential,
  pdfUrl: `/api/v1/members/${memberId}/card.pdf`,
  cardId: card.id,
  issuedAt: card.issuedAt.toISOString(),
  expiresAt: card.expiresAt.toISOString(),
});

/** An officer turns off a member's phone card (a lost phone) or printed card (a lost or reissued card). */
export async function revokeMemberCard(
  context: CardsContext,
  actor: Actor,
  memberId: number,
  body: RevokeCardBody,
): Promise<void> {
  const holder = await scopedHolder(context.db, actor, memberId, 'cards.revoke');
  await context.db.transaction(async (tx) => {
    const live = await liveCard(tx, holder.id, body.kind, true);
    if (!live) throw new DomainError(body.kind === 'phone' ? 'card.no_phone_card' : 'card.no_printed_card');
    await revoke(tx, actor, live, body.reason, holder);
  });
}
