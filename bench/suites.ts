import { assistantSuite } from './assistant/assistant.suite.js';
import { cardsSuite } from './cards/cards.suite.js';
import { foundationSuite } from './foundation/foundation.suite.js';
import type { Suite } from './harness/suite.js';
import { membersSuite } from './members/members.suite.js';
import { statisticsSuite } from './statistics/statistics.suite.js';
import { voiceSuite } from './voice/voice.suite.js';
import { webSuite } from './web/web.suite.js';

/** Every suite `npm run bench` knows, by name, in the order a plain `npm run bench` runs them. */
export const SUITES: readonly Suite[] = [
  foundationSuite,
  membersSuite,
  statisticsSuite,
  webSuite,
  cardsSuite,
  voiceSuite,
  assistantSuite,
];
