import { accessSuite } from './denial.js';
import { accountsRouteTable } from './accounts.cases.js';

// Denial suites for accounts: one describe block per route, cases in accounts.cases.ts.
const s = accessSuite();
s.describeRoutes(accountsRouteTable(s));
