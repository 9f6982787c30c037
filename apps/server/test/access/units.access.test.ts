import { accessSuite } from './denial.js';
import { unitsRouteTable } from './units.cases.js';

// Denial suites for the units module: one describe block per route, cases in units.cases.ts.
const s = accessSuite();
s.describeRoutes(unitsRouteTable(s));
