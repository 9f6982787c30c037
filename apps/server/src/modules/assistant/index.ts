/** The assistant module: the legal assistant, the law's text, consultation cases and the knowledge console. */
export { assistantRoutes, type AssistantRoutesOptions } from './assistant.routes.js';
export { AssistantContext } from './assistant-context.js';
// For test templates, benchmarks and the quality check: the knowledge exactly as the app loads it.
export { importKnowledgeSeed, knowledgeFromSeed, readKnowledgeSeed } from './knowledge-store.js';
export { evaluate, type Evaluation, type LabelledQuestion } from './evaluation.js';
export { AssistantEngine } from './engine/assistant-engine.js';
export { unsafeSeedAssistantDemo } from './assistant.system.js';
