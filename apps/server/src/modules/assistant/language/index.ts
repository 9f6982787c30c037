/** How the assistant reads Vietnamese: folding, shorthand, segmentation, and the words of labour law. */
export { foldedPhrase, searchTermsOf, segment, warmSegmenter } from './vietnamese-words.js';
export { OTHER_TOPIC_PHRASES, STRONG_DOMAIN_PHRASES, WEAK_DOMAIN_PHRASES } from './legal-vocabulary.js';
