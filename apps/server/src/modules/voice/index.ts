/** The voice module: concerns, proposals and complaints routed up the tree, and surveys. Others enter here. */
export { voiceRoutes, type VoiceRoutesOptions } from './voice.routes.js';
export { surveysRoutes } from './surveys.routes.js';
export { escalateOverdueItems } from './voice-handling.js';
export { defaultCategoryClassifier } from './classifier/category-classifier.js';
export { voiceUnitHooks } from './voice-unit-hooks.js';
export { unsafeSeedVoiceDemo } from './voice.system.js';
