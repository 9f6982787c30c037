import type { CardHolder } from '../members/index.js';
import { issuePrintedCards, type IssueOutcome } from './bulk-issue.js';
import type { CardsContext } from './cards.service.js';

/** Printed cards for members read without a caller's scope: benchmarks and seeds only. */
export function unsafeIssuePrintedCards(
  context: CardsContext,
  holders: readonly CardHolder[],
): Promise<IssueOutcome> {
  return issuePrintedCards(context, holders, { issuedBy: null });
}
