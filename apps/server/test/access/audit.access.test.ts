import { accessSuite } from './denial.js';
import { auditRouteTable } from './audit.cases.js';

// Denial suites for audit: one describe block per route, cases in audit.cases.ts.
const s = accessSuite();
s.describeRoutes(auditRouteTable(s));
