/** The app function this suite must call as it is: the search behind GET /members. */
export { searchMembers } from '../../apps/server/src/modules/members/index.js';
