/**
 * The app functions this suite must call as they are: the search behind GET /members, and the
 * member-code, sort-name and unit-code rules the generator must agree with.
 */
export {
  memberCodeFromSerial,
  searchMembers,
  sortNameOf,
} from '../../apps/server/src/modules/members/index.js';
export { generateUnitCode } from '../../apps/server/src/modules/units/index.js';
