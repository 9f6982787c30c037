import { eq } from 'drizzle-orm';
import type { CardRevokeReason, VerifyCardResponse, VerifyFailureReason } from '@union/contracts/cards';
import { parseCompactJws, verifyPresentation } from '@union/card-verifier';
import { nodeSignatureVerifier } from '@union/card-verifier/node-verifier';
import { unsafeCardHolders, type CardHolder } from '../members/index.js';
import type { CardsContext, CardRow } from './cards.service.js';
import { cards } from './cards.schema.js';

const KINDS = { d: 'phone', o: 'phone', p: 'printed' } as const;

const REVOKED_REASONS: Record<CardRevokeReason, VerifyFailureReason> = {
  device_lost: 'revoked',
  device_replaced: 'card_replaced',
  reissued: 'card_replaced',
  transferred: 'card_replaced',
  membership_ended: 'membership_ended',
};

export interface OnlineCheck {
  response: VerifyCardResponse;
  card?: CardRow;
  holder?: CardHolder;
}

/**
 * The online check: everything the offline verifier checks, then the card and the membership as they
 * are this moment (not as a cached status list says), so the reason is exact.
 */
export async function verifyOnline(context: CardsContext, presentation: string): Promise<OnlineCheck> {
  const credential = presentation.trim().split('~')[0] ?? '';
  const kid = parseCompactJws(credential)?.kid;
  const trusted = await context.keys.trustedKeys(kid);
  const check = await verifyPresentation(presentation, trusted, nodeSignatureVerifier);
  if (!check.claims) return { response: { valid: false, reason: check.valid ? 'malformed' : check.reason } };
  const claims = check.claims;

  const cardId = Number(claims.jti);
  const [card] = Number.isSafeInteger(cardId)
    ? await context.db.select().from(cards).where(eq(cards.id, cardId))
    : [];
  const holder = card
    ? (await unsafeCardHolders(context.db, [card.memberId], { unitNames: false })).get(card.memberId)
    : undefined;
  const response: VerifyCardResponse = {
    valid: false,
    member: {
      fullName: claims.name,
      memberCode: claims.sub,
      unitName: claims.unit,
      status: holder?.status ?? claims.st,
    },
    kind: KINDS[claims.knd],
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
  if (!check.valid) return { response: { ...response, reason: check.reason }, card, holder };
  // A credential the platform signed for a card it has no record of (or a mismatched status slot).
  if (!card || !holder || card.statusIndex !== claims.sl || holder.memberCode !== claims.sub) {
    return { response: { ...response, reason: 'revoked' } };
  }
  if (card.revokedAt) {
    const reason = REVOKED_REASONS[card.revokedReason as CardRevokeReason] ?? 'revoked';
    return { response: { ...response, reason }, card, holder };
  }
  if (holder.status === 'suspended')
    return { response: { ...response, reason: 'membership_suspended' }, card, holder };
  if (holder.status !== 'active')
    return { response: { ...response, reason: 'membership_ended' }, card, holder };
  return { response: { ...response, valid: true }, card, holder };
}
