import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.js';
import type { OneTimeCodeMessage } from '../../kernel/notify/code-delivery.js';
import { oneTimeCodes } from './accounts.schema.js';

/** What a code is for: a password reset or a sign-in. A code of one purpose never serves the other. */
export type CodePurpose = OneTimeCodeMessage['purpose'];

/** Wrong guesses one code survives before it is spent: six digits leave no room for guessing. */
const MAX_ATTEMPTS = 5;

const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex');

/** Stores a new six-digit code (its hash only) and returns it for delivery. */
export async function issueCode(
  tx: Db,
  accountId: number,
  purpose: CodePurpose,
  minutes: number,
): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.insert(oneTimeCodes).values({
    accountId,
    purpose,
    codeHash: hashCode(code),
    expiresAt: new Date(Date.now() + minutes * 60_000),
  });
  return code;
}

/** Whether a code of this purpose was issued to the account since `since`: for resend throttling. */
export async function issuedSince(db: Db, accountId: number, purpose: CodePurpose, since: Date) {
  const [recent] = await db
    .select({ id: oneTimeCodes.id })
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.accountId, accountId),
        eq(oneTimeCodes.purpose, purpose),
        gt(oneTimeCodes.createdAt, since),
      ),
    )
    .limit(1);
  return recent !== undefined;
}

/**
 * The id of the account's latest live code of this purpose when `code` is it; otherwise undefined, and
 * a wrong guess is counted against that code. The code is not spent here: `spendCode` does that, in
 * the transaction of what it unlocks.
 */
export async function matchCode(
  db: Db,
  accountId: number,
  purpose: CodePurpose,
  code: string,
): Promise<number | undefined> {
  const [pending] = await db
    .select()
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.accountId, accountId),
        eq(oneTimeCodes.purpose, purpose),
        isNull(oneTimeCodes.usedAt),
        gt(oneTimeCodes.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1);
  if (!pending || pending.attempts >= MAX_ATTEMPTS) return undefined;
  if (timingSafeEqual(Buffer.from(pending.codeHash), Buffer.from(hashCode(code)))) return pending.id;
  await db
    .update(oneTimeCodes)
    .set({ attempts: pending.attempts + 1 })
    .where(eq(oneTimeCodes.id, pending.id));
  return undefined;
}

/** Marks the code used; false when another request spent it first (a code works once, even in a race). */
export async function spendCode(tx: Db, id: number): Promise<boolean> {
  const spent = await tx
    .update(oneTimeCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(oneTimeCodes.id, id), isNull(oneTimeCodes.usedAt)))
    .returning({ id: oneTimeCodes.id });
  return spent.length === 1;
}
