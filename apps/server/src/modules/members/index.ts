/** The members module: the central member registry. Other modules enter only through this file. */
export { membersRoutes, type MembersRoutesOptions } from './members.routes.js';
export { IMPORT_JOB_KIND, importJobHandler } from './member-import.js';
export { memberUnitHooks } from './member-unit-hooks.js';
export { unsafeAdmitMembers, unsafeCountMembers, type SeedMember } from './members.system.js';
// For benchmarks and seeds that must write members exactly as the registry does.
export { searchMembers } from './members.queries.js';
export { memberCodeFromSerial } from './member-codes.js';
export { sortNameOf } from './members.service.js';
// What the cards module may read of a member.
export {
  findCardHolder,
  findOwnCardHolder,
  unsafeActiveCardHoldersIn,
  unsafeCardHolders,
  type CardHolder,
} from './member-card-holders.js';
// What the voice module may read of a member.
export { findOwnVoiceMember, findVoiceMember, unsafeMemberNames, type VoiceMember } from './member-voices.js';
// What the assistant module may read of a member.
export { findOwnAssistantMember, type AssistantMember } from './member-assistant.js';
