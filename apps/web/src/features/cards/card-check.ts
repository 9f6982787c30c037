import { verifyPresentation, webCryptoVerifier } from '@union/card-verifier';
import type { CardKind, VerifyFailureReason } from '@union/contracts/cards';
import type { MemberStatus } from '@union/contracts/members';
import { isNetworkError, verifyCardOnline } from './api';
import type { OfflineTrust } from './offline-trust';

/** What a check found, whichever way it was made. */
export interface CardCheck {
  valid: boolean;
  reason?: VerifyFailureReason;
  /** Whose card, when the platform's signature held (so the checker sees whose card failed). */
  member?: { fullName: string; memberCode: string; unitName: string; status?: MemberStatus };
  kind?: CardKind;
  method: 'online' | 'offline';
  checkedAt: number;
  /** Offline: when the status list used was fetched. */
  listFetchedAt?: number;
  /** Online was chosen, but the server could not be reached. */
  fellBack?: boolean;
}

/** Offline was asked for (or the server is unreachable) and this device has no keys or list yet. */
export class OfflineNotReadyError extends Error {}

const KINDS = { d: 'phone', o: 'phone', p: 'printed' } as const;

/** Checked here, with the kept keys and status list; the platform is not asked. */
export async function checkOffline(presentation: string, trust: OfflineTrust | null): Promise<CardCheck> {
  if (!trust) throw new OfflineNotReadyError();
  const check = await verifyPresentation(presentation, trust.keys, webCryptoVerifier, {
    statusList: trust.statusList,
  });
  const claims = check.claims;
  return {
    valid: check.valid,
    reason: check.valid ? undefined : check.reason,
    member: claims && {
      fullName: claims.name,
      memberCode: claims.sub,
      unitName: claims.unit,
      // The status when the card was signed: only a valid card vouches that it still holds.
      status: check.valid ? claims.st : undefined,
    },
    kind: claims && KINDS[claims.knd],
    method: 'offline',
    checkedAt: Date.now(),
    listFetchedAt: trust.fetchedAt,
  };
}

/** Online, the platform answers with the exact reason; when it cannot be reached, the check is made here. */
export async function checkCard(
  presentation: string,
  options: { online: boolean; trust: OfflineTrust | null },
): Promise<CardCheck> {
  if (!options.online) return checkOffline(presentation, options.trust);
  try {
    const answer = await verifyCardOnline(presentation);
    return { ...answer, method: 'online', checkedAt: Date.now() };
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    return { ...(await checkOffline(presentation, options.trust)), fellBack: true };
  }
}
