export {
  buildTestApp,
  daysFromToday,
  logIn,
  signInAs,
  signInAsAdmin,
  type SignedIn,
  type TestApp,
} from './test-app.js';
export { givenUnitTree, type TreeUnit } from './unit-tree.js';
export { TEST_ADMIN_PASSWORD, TEST_PASSWORD } from './constants.js';
export { givenSignedInMember, type MemberPerson, type SignedInMember } from './members.js';
