/**
 * The app's own rules the generator must agree with, through the modules' index files: member codes,
 * sort names, unit codes, the membership lifecycle's allowed events.
 */
export { memberCodeFromSerial, sortNameOf } from '../../apps/server/src/modules/members/index.js';
export { generateUnitCode } from '../../apps/server/src/modules/units/index.js';
