import { accessSuite } from './denial.js';
import { membersChangeRouteTable } from './members.cases.js';

// Denial suites for changes to the member registry: one describe block per route, cases in members.cases.ts.
const s = accessSuite();
s.describeRoutes(membersChangeRouteTable(s));
