import { accessSuite } from './denial.js';
import { officesRouteTable } from './offices.cases.js';

// Denial suites for offices: one describe block per route, cases in offices.cases.ts.
const s = accessSuite();
s.describeRoutes(officesRouteTable(s));
