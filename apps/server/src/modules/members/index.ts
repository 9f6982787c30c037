/** The members module: the central member registry. Other modules enter only through this file. */
export { membersRoutes } from './members.routes.js';
export { memberUnitHooks } from './member-unit-hooks.js';
