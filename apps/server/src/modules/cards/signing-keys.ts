import { randomUUID } from 'node:crypto';
import { and, desc, gt, lte, sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type JSONWebKeySet } from 'jose';
import { importTrustedKeys, type TrustedKeys } from '@union/card-verifier';
import { nodeSignatureVerifier } from '@union/card-verifier/node-verifier';
import type { Db } from '../../kernel/db/database.js';
import { PRINTED_CARD_YEARS } from './card-lifetimes.js';
import { cardSigningKeys } from './cards.schema.js';

const DAY_MS = 86_400_000;
/** A new key is made this long before the current one stops signing: published a day, then it takes over. */
const ROTATION_LEAD_DAYS = 7;
/** A new key is published this long before it signs anything. */
const PUBLISHED_BEFORE_SIGNING_MS = DAY_MS;
/** Only one server makes the next key. */
const KEY_ROTATION_LOCK = 73102031;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * The platform's Ed25519 keys, read from the database and kept in memory. One key signs until its
 * `signs_until`; the next is made a week earlier and takes over once it has been published for a day. Every key stays in the JWKS until the longest-lived
 * card it could have signed (a printed card) expires.
 */
export class CardSigningKeys {
  private signing: (SigningKey & { until: number }) | undefined;
  private trusted: { keys: TrustedKeys; loadedAt: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly rotationDays: number,
  ) {}

  /** Makes the next key when the current one is due to stop signing (at start, and on a timer). */
  async rotateIfDue(now = new Date()): Promise<boolean> {
    const created = await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${KEY_ROTATION_LOCK})`);
      const lead = new Date(now.getTime() + ROTATION_LEAD_DAYS * DAY_MS);
      const [current] = await tx
        .select({ kid: cardSigningKeys.kid })
        .from(cardSigningKeys)
        .where(gt(cardSigningKeys.signsUntil, lead))
        .limit(1);
      if (current) return false;
      const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const kid = randomUUID();
      const signsUntil = new Date(now.getTime() + this.rotationDays * DAY_MS);
      const publishedUntil = new Date(signsUntil);
      publishedUntil.setUTCFullYear(publishedUntil.getUTCFullYear() + PRINTED_CARD_YEARS);
      await tx.insert(cardSigningKeys).values({
        kid,
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' },
        privateJwk: { ...(await exportJWK(privateKey)), kid },
        createdAt: now,
        signsUntil,
        publishedUntil,
      });
      return true;
    });
    if (created) this.signing = undefined;
    return created;
  }

  /** The key that signs now: the newest one that has not stopped signing. */
  async current(now = Date.now()): Promise<SigningKey> {
    if (this.signing && this.signing.until > now) return this.signing;
    let [row] = await this.signingRow(now);
    if (!row) {
      await this.rotateIfDue(new Date(now));
      [row] = await this.signingRow(now);
    }
    if (!row) throw new Error('No card signing key could be made');
    const privateKey = (await importJWK(row.privateJwk as JWK, 'EdDSA')) as CryptoKey;
    // Re-read at least hourly so a key made by another server takes over everywhere.
    this.signing = { kid: row.kid, privateKey, until: Math.min(row.signsUntil.getTime(), now + 3_600_000) };
    return this.signing;
  }

  /**
   * The newest key published for a day, so every verifier's cached JWKS already holds it when the first
   * card it signs is shown; on a first start, the only key there is.
   */
  private signingRow(now: number) {
    const settled = new Date(now - PUBLISHED_BEFORE_SIGNING_MS);
    return this.db
      .select()
      .from(cardSigningKeys)
      .where(
        and(gt(cardSigningKeys.signsUntil, new Date(now)), lte(cardSigningKeys.createdAt, new Date(now))),
      )
      .orderBy(sql`${cardSigningKeys.createdAt} <= ${settled} desc`, desc(cardSigningKeys.createdAt))
      .limit(1);
  }

  /** What /.well-known/jwks.json publishes: every key some unexpired card may carry. */
  async published(now = new Date()): Promise<JSONWebKeySet> {
    const rows = await this.db
      .select({ publicJwk: cardSigningKeys.publicJwk })
      .from(cardSigningKeys)
      .where(and(gt(cardSigningKeys.publishedUntil, now), sql`${cardSigningKeys.createdAt} <= ${now}`))
      .orderBy(desc(cardSigningKeys.createdAt));
    return { keys: rows.map((row) => row.publicJwk) };
  }

  /** The published keys, imported for verification; re-read when a card names a key not seen yet. */
  async trustedKeys(kid?: string, now = Date.now()): Promise<TrustedKeys> {
    const fresh = this.trusted && now - this.trusted.loadedAt < 300_000;
    const known = kid === undefined || this.trusted?.keys.keys.has(kid);
    // An unknown key id re-reads at most every 10 s: random key ids cannot make every request a query.
    const mayReload = !this.trusted || now - this.trusted.loadedAt > 10_000;
    if (!fresh || (!known && mayReload)) {
      const keys = await importTrustedKeys(await this.published(new Date(now)), nodeSignatureVerifier);
      this.trusted = { keys, loadedAt: now };
    }
    return this.trusted!.keys;
  }

  /** Tests and rotation: forget what is cached. */
  forget(): void {
    this.signing = undefined;
    this.trusted = undefined;
  }
}
