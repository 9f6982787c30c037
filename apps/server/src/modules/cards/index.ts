/** The cards module: the union card as a signed credential, its verification, and member benefits. */
export { cardsRoutes, wellKnownRoutes, type CardsRoutesOptions } from './cards.routes.js';
export { CardSigningKeys } from './signing-keys.js';
export { CardStatusList } from './status-list.js';
export { BULK_ISSUE_JOB_KIND, bulkIssueJobHandler } from './bulk-issue.js';
export { cardUnitHooks } from './card-unit-hooks.js';
export { unsafeIssuePrintedCards } from './cards.system.js';
