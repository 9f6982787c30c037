/**
 * What this suite must call exactly as the app does, from inside the voice module: the inbox and the
 * analytics services (the routes' own functions, timed in process), the shared synthetic generator, the
 * classifier's cross-validation and the routing rules. The module's index is its door for other
 * modules; a benchmark measures its rooms.
 */
/* eslint-disable no-restricted-imports -- the benchmark measures module internals on purpose */
export {
  listItems,
  submitItem,
  type VoiceContext,
} from '../../apps/server/src/modules/voice/voice-items.service.js';
export { voiceAnalytics } from '../../apps/server/src/modules/voice/voice-analytics.js';
export {
  placeOf,
  SyntheticVoice,
  type SyntheticAuthor,
  type SyntheticPlace,
  type SyntheticVoiceItem,
} from '../../apps/server/src/modules/voice/voice-synthetic.js';
export { crossValidate } from '../../apps/server/src/modules/voice/classifier/cross-validate.js';
export { topicTermsOf } from '../../apps/server/src/modules/voice/classifier/topic-terms.js';
/* eslint-enable no-restricted-imports */
