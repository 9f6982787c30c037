/** The accounts module: people who sign in, their sessions, and the offices they hold. */
export { accountsRoutes, type AccountsRoutesOptions } from './accounts.routes.js';
export { getAccountNames } from './accounts.service.js';
export { officeLifecycleHooks } from './offices.service.js';
export { resolveActor } from './sessions.js';
export { hashPassword } from './passwords.js';
export {
  unsafeAccountIdByPhone,
  unsafeAccountPhone,
  unsafeAccountsHoldingAt,
  unsafeAssignOffice,
  unsafeCountAccounts,
  unsafeCreateAccount,
  unsafeCurrentOfficers,
  type OfficerContact,
} from './accounts.system.js';
