import { accessSuite } from './denial.js';
import { voiceRouteTable } from './voice.cases.js';

// Denial suites for the voice module's permission routes (analytics, alerts, surveys run by officers):
// one describe block per route, cases in voice.cases.ts. The routes any signed-in person reaches
// (concerns, answering surveys) are proved in voice-items.access.test.ts.
const s = accessSuite();
s.describeRoutes(voiceRouteTable(s));
