import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';
import { MemberStatus } from './members.js';

/**
 * The union card (domain.md §2.2, mission M4) as a signed credential: the platform signs it (EdDSA),
 * a phone card binds a key the phone made, and what the QR carries — the presentation — can be checked
 * offline with the published keys and status list. The design and its threat model are written in
 * apps/server/src/modules/cards/README.md; the offline check itself is `@union/card-verifier`.
 */

export const CARD_KINDS = ['phone', 'printed'] as const;
export const CardKind = z.enum(CARD_KINDS);
export type CardKind = z.infer<typeof CardKind>;

/** Why a card stopped being valid. `suspended` is the only one that can end (the member resumes). */
export const CARD_REVOKE_REASONS = [
  'device_lost',
  'device_replaced',
  'reissued',
  'transferred',
  'membership_ended',
] as const;
export const CardRevokeReason = z.enum(CARD_REVOKE_REASONS);
export type CardRevokeReason = z.infer<typeof CardRevokeReason>;

/** Why a presentation did not verify. Stable codes: partner systems branch on them. */
export const VERIFY_FAILURE_REASONS = [
  /** Not a presentation at all: random bytes, truncated, too long. */
  'malformed',
  /** Signed by a key the platform never published. */
  'unknown_key',
  /** The platform's signature does not match: tampered. */
  'bad_signature',
  'expired',
  'not_yet_valid',
  /** A phone card shown without the phone's fresh proof (a copied credential). */
  'proof_missing',
  /** The proof is not signed by the phone the card was issued to. */
  'proof_invalid',
  /** The proof is for a time window that has passed: a screenshot or a replay. */
  'proof_stale',
  /** The status list marks the card invalid (offline check: the reason is not known). */
  'revoked',
  /** The online check knows why. */
  'membership_suspended',
  'membership_ended',
  'card_replaced',
] as const;
export const VerifyFailureReason = z.enum(VERIFY_FAILURE_REASONS);
export type VerifyFailureReason = z.infer<typeof VerifyFailureReason>;

/** Seconds each phone proof covers; a verifier accepts the current window and a little clock skew. */
export const PROOF_WINDOW_SECONDS = 30;
/** The longest presentation anyone should send: anything longer is refused before parsing. */
export const PRESENTATION_MAX_LENGTH = 4096;

/** The holder as the card shows them: never the citizen ID, never a photo. */
export const CardHolderDto = z.object({
  fullName: z.string(),
  memberCode: z.string(),
  unitName: z.string(),
  status: MemberStatus,
});
export type CardHolderDto = z.infer<typeof CardHolderDto>;

/** `GET /me/card`: the contract's four fields, then what the app needs to draw and refresh the card. */
export const MyCardDto = z.object({
  /** The phone card's credential (bound to this phone's key), or a short-lived one before binding. */
  credential: z.string(),
  /** A presentation that verifies for a few minutes without the phone's key: for phones without WebCrypto. */
  qr: z.object({ svg: z.string(), expiresAt: z.string() }),
  expiresAt: z.string(),
  status: MemberStatus,
  holder: CardHolderDto,
  cardId: z.number(),
  /** The thumbprint of the phone key the credential binds, when bound. */
  deviceKeyThumbprint: z.string().nullable(),
  issuedAt: z.string(),
  /** The card is valid now: the member is active and the card not revoked. */
  valid: z.boolean(),
});
export type MyCardDto = z.infer<typeof MyCardDto>;

/** A P-256 public key as JWK: what WebCrypto exports for ECDSA, universally available on phones. */
export const DevicePublicKey = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strip();
export type DevicePublicKey = z.infer<typeof DevicePublicKey>;

export const BindDeviceBody = z.object({ publicKey: DevicePublicKey });
export type BindDeviceBody = z.infer<typeof BindDeviceBody>;

export const VerifyCardBody = z.object({
  // Checked in the handler, not here: an over-long or odd presentation answers valid:false, not 400.
  presentation: z.string(),
});
export type VerifyCardBody = z.infer<typeof VerifyCardBody>;

export const VerifyCardResponse = z.object({
  valid: z.boolean(),
  reason: VerifyFailureReason.optional(),
  /** Present whenever the platform's signature checked out, so a verifier sees whose card it is. */
  member: CardHolderDto.optional(),
  kind: CardKind.optional(),
  expiresAt: z.string().optional(),
});
export type VerifyCardResponse = z.infer<typeof VerifyCardResponse>;

/** `GET /members/:id/card`: the printed card's long-lived static presentation and its PDF. */
export const PrintedCardDto = z.object({
  presentation: z.string(),
  pdfUrl: z.string(),
  cardId: z.number(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type PrintedCardDto = z.infer<typeof PrintedCardDto>;

/** One card in a member's card history, as an officer sees it. */
export const CardDto = z.object({
  id: z.number(),
  kind: CardKind,
  unitName: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string().nullable(),
  deviceBound: z.boolean(),
  revokedAt: z.string().nullable(),
  revokedReason: CardRevokeReason.nullable(),
  /** Valid now (not revoked, and the member active). */
  valid: z.boolean(),
});
export type CardDto = z.infer<typeof CardDto>;

export const MemberCardsDto = z.object({
  items: z.array(CardDto),
  can: z.object({ issue: z.boolean(), revoke: z.boolean() }),
});
export type MemberCardsDto = z.infer<typeof MemberCardsDto>;

export const RevokeCardBody = z.object({
  kind: CardKind,
  reason: z.enum(['device_lost', 'reissued']).default('device_lost'),
});
export type RevokeCardBody = z.infer<typeof RevokeCardBody>;

/** Issue printed cards for every active member of a subtree; `reissue` replaces the valid ones too. */
export const BulkIssueBody = z.object({ reissue: z.boolean().default(false) });
export type BulkIssueBody = z.infer<typeof BulkIssueBody>;
/** Above this many members the job issues the cards but prints no sheet: print per grassroots union. */
export const CARD_SHEET_MAX_MEMBERS = 2_000;

// ——— Member benefits (partner merchants) ———

export const BENEFIT_DESCRIPTION_MAX = 200;
export const RecordBenefitBody = z.object({
  presentation: z.string(),
  benefit: z.string().trim().min(1).max(BENEFIT_DESCRIPTION_MAX),
  /** What the member saved, in whole đồng, when the merchant states it. */
  amountVnd: z.number().int().min(0).max(1_000_000_000).optional(),
});
export type RecordBenefitBody = z.infer<typeof RecordBenefitBody>;

export const RecordBenefitResponse = VerifyCardResponse.extend({ benefitUseId: z.number().optional() });
export type RecordBenefitResponse = z.infer<typeof RecordBenefitResponse>;

export const BenefitUseDto = z.object({
  id: z.number(),
  usedAt: z.string(),
  memberName: z.string(),
  memberCode: z.string(),
  unitName: z.string(),
  merchantName: z.string(),
  benefit: z.string(),
  amountVnd: z.number().nullable(),
});
export type BenefitUseDto = z.infer<typeof BenefitUseDto>;

export const BenefitUseQuery = PageQuery.extend({ from: IsoDate.optional(), to: IsoDate.optional() });
export type BenefitUseQuery = z.infer<typeof BenefitUseQuery>;

export const BenefitUsePage = pageOf(BenefitUseDto);
export type BenefitUsePage = z.infer<typeof BenefitUsePage>;

/** Benefit use per child unit over the period, and the total. */
export const BenefitSummaryDto = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: z.object({ uses: z.number(), members: z.number(), amountVnd: z.number() }),
  children: z.array(
    z.object({ unitId: Id, name: z.string(), uses: z.number(), members: z.number(), amountVnd: z.number() }),
  ),
});
export type BenefitSummaryDto = z.infer<typeof BenefitSummaryDto>;

// ——— What the QR and the published lists carry (the verifier library reads these) ———

/** The credential's claims, kept short: they travel in a QR code. */
export const CardClaims = z.object({
  iss: z.string(),
  /** The member code. */
  sub: z.string(),
  /** The card id. */
  jti: z.string(),
  iat: z.number(),
  exp: z.number(),
  name: z.string(),
  unit: z.string(),
  /** The member's status when signed; the status list says whether it still holds. */
  st: MemberStatus,
  /** d: a phone card (needs the phone's proof), o: a short online QR, p: a printed card. */
  knd: z.enum(['d', 'o', 'p']),
  /** Position in the status list. */
  sl: z.number().int().min(0),
  cnf: z.object({ jwk: DevicePublicKey }).optional(),
});
export type CardClaims = z.infer<typeof CardClaims>;
