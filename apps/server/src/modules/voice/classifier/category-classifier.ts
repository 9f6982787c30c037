import { readFileSync } from 'node:fs';
import { VOICE_CATEGORIES, isVoiceCategory, type VoiceCategory } from './categories.js';
import { CUE_EXAMPLES } from './category-cues.js';
import { featuresOf } from './text-features.js';

export interface LabelledConcern {
  text: string;
  category: VoiceCategory;
}

export interface CategorySuggestion {
  category: VoiceCategory;
  /** The model's probability for `category`, 0..1; 0 when the text has no word the model knows. */
  confidence: number;
  /** Every category with its probability, most likely first. */
  ranked: { category: VoiceCategory; score: number }[];
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per example and step; keeps weights of rare words small. */
  l2: number;
  /** Seeds the example order, so training is deterministic. */
  seed: number;
  featurise: (text: string) => string[];
  /** Added to every training set: the category definitions' key phrases (category-cues.ts). */
  cues: readonly LabelledConcern[];
}

/** Chosen by 5-fold cross-validation on labelled-concerns.json (see README.md). */
export const DEFAULT_TRAINING: TrainingOptions = {
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 1,
  featurise: featuresOf,
  cues: CUE_EXAMPLES,
};

/**
 * Temperature scaling (Guo et al., 2017): the L2 penalty and the norm leave raw scores underconfident
 * (held-out texts scored 0.3–0.5 were right 81% of the time), so classify divides scores by this before
 * the softmax. Fitted on cross-validated predictions: expected calibration error 0.33 → 0.03. It never
 * changes which category wins.
 */
export const CONFIDENCE_TEMPERATURE = 0.4;

/**
 * Every text's norm counts this many phantom unseen words, so a text with little evidence ("công ty", a
 * greeting) keeps small feature values and a confidence near the prior instead of being stretched to the
 * same length as a full concern. Costs about half a point of cross-validated accuracy (README.md).
 */
export const PHANTOM_UNKNOWN_WORDS = 2;

const CLASS_COUNT = VOICE_CATEGORIES.length;
const OTHER_INDEX = VOICE_CATEGORIES.indexOf('other');

/** A deterministic 32-bit PRNG (mulberry32): the same seed shuffles the same way on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A text as the model sees it: its known features' indices and their L2-normalised IDF weights. */
interface SparseText {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Multinomial logistic regression (softmax) over binary unigram + bigram features weighted by IDF,
 * L2-normalised per text and trained by SGD, with temperature-scaled outputs so that `confidence` is a
 * calibrated probability. Unknown words count in the normalisation (at the IDF of a word seen in no
 * training text), as do PHANTOM_UNKNOWN_WORDS, so a text made mostly of words the model never saw, or of
 * too few words, gets a diluted, low confidence.
 */
export class CategoryClassifier {
  private constructor(
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly idf: Float64Array,
    private readonly unknownIdf: number,
    /** Feature-major: weights[feature * CLASS_COUNT + class]; a text's features touch contiguous memory. */
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly featurise: (text: string) => string[],
  ) {}

  static train(
    examples: readonly LabelledConcern[],
    options: Partial<TrainingOptions> = {},
  ): CategoryClassifier {
    const { epochs, learningRate, l2, seed, featurise, cues } = { ...DEFAULT_TRAINING, ...options };
    const all = [...examples, ...cues];
    const vocabulary = new Map<string, number>();
    const documentFrequency: number[] = [];
    const featured = all.map((example) => {
      const features = featurise(example.text);
      const indices = new Int32Array(features.length);
      features.forEach((feature, k) => {
        let index = vocabulary.get(feature);
        if (index === undefined) {
          index = vocabulary.size;
          vocabulary.set(feature, index);
          documentFrequency.push(0);
        }
        documentFrequency[index]! += 1;
        indices[k] = index;
      });
      return { indices, label: VOICE_CATEGORIES.indexOf(example.category) };
    });
    // Smoothed IDF, as in common TF-IDF practice: a word in every text still weighs 1, never 0.
    const idf = Float64Array.from(documentFrequency, (df) => Math.log((all.length + 1) / (df + 1)) + 1);
    const unknownIdf = Math.log(all.length + 1) + 1;
    const texts = featured.map(({ indices, label }) => ({ text: weigh(indices, 0, idf, unknownIdf), label }));

    const weights = new Float64Array(vocabulary.size * CLASS_COUNT);
    const bias = new Float64Array(CLASS_COUNT);
    const probabilities = new Float64Array(CLASS_COUNT);
    const steps = new Float64Array(CLASS_COUNT);
    const random = seededRandom(seed);
    // Weight decay is applied through one shared scale (true weight = scale × stored weight), so a step
    // costs O(features of the text) rather than O(vocabulary).
    let scale = 1;
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const { text, label } of shuffleInPlace([...texts], random)) {
        const rate = learningRate / (1 + learningRate * l2 * step++);
        scale *= 1 - rate * l2;
        scoreInto(probabilities, text, weights, bias, scale);
        softmaxInPlace(probabilities);
        for (let c = 0; c < CLASS_COUNT; c++) {
          const gradient = probabilities[c]! - (c === label ? 1 : 0);
          bias[c] = bias[c]! - rate * gradient;
          steps[c] = (rate * gradient) / scale;
        }
        for (let k = 0; k < text.indices.length; k++) {
          const row = text.indices[k]! * CLASS_COUNT;
          const value = text.values[k]!;
          for (let c = 0; c < CLASS_COUNT; c++) {
            weights[row + c] = weights[row + c]! - steps[c]! * value;
          }
        }
        if (scale < 1e-6) {
          for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * scale;
          scale = 1;
        }
      }
    }
    for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * scale;
    return new CategoryClassifier(vocabulary, idf, unknownIdf, weights, bias, featurise);
  }

  classify(text: string): CategorySuggestion {
    const features = typeof text === 'string' ? this.featurise(text) : [];
    const known: number[] = [];
    for (const feature of features) {
      const index = this.vocabulary.get(feature);
      if (index !== undefined) known.push(index);
    }
    if (known.length === 0) return noSuggestion();
    const indices = Int32Array.from(known);
    const unknownCount = features.length - indices.length;
    const probabilities = new Float64Array(CLASS_COUNT);
    scoreInto(
      probabilities,
      weigh(indices, unknownCount, this.idf, this.unknownIdf),
      this.weights,
      this.bias,
      1,
    );
    for (let c = 0; c < CLASS_COUNT; c++) probabilities[c] = probabilities[c]! / CONFIDENCE_TEMPERATURE;
    softmaxInPlace(probabilities);
    const ranked = VOICE_CATEGORIES.map((category, c) => ({ category, score: probabilities[c]! })).sort(
      (a, b) => b.score - a.score,
    );
    const best = ranked[0]!;
    return { category: best.category, confidence: best.score, ranked };
  }
}

/** IDF weights of the known features, divided by the norm of all features: unknown and phantom ones too. */
function weigh(indices: Int32Array, unknownCount: number, idf: Float64Array, unknownIdf: number): SparseText {
  const values = new Float64Array(indices.length);
  let squares = (unknownCount + PHANTOM_UNKNOWN_WORDS) * unknownIdf * unknownIdf;
  for (let k = 0; k < indices.length; k++) {
    const value = idf[indices[k]!]!;
    values[k] = value;
    squares += value * value;
  }
  const norm = Math.sqrt(squares);
  for (let k = 0; k < values.length; k++) values[k] = values[k]! / norm;
  return { indices, values };
}

function scoreInto(
  scores: Float64Array,
  text: SparseText,
  weights: Float64Array,
  bias: Float64Array,
  scale: number,
): void {
  scores.set(bias);
  for (let k = 0; k < text.indices.length; k++) {
    const value = text.values[k]! * scale;
    const row = text.indices[k]! * CLASS_COUNT;
    for (let c = 0; c < CLASS_COUNT; c++) scores[c] = scores[c]! + weights[row + c]! * value;
  }
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp(scores[c]! - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = scores[c]! / sum;
}

/** Empty, whitespace or all-unknown text: "other" with no confidence, the rest ranked after it at 0. */
function noSuggestion(): CategorySuggestion {
  const ranked = [
    { category: VOICE_CATEGORIES[OTHER_INDEX]!, score: 0 },
    ...VOICE_CATEGORIES.filter((_, c) => c !== OTHER_INDEX).map((category) => ({ category, score: 0 })),
  ];
  return { category: 'other', confidence: 0, ranked };
}

/** Reads and checks labelled-concerns.json: a mislabelled entry fails loudly at start, not silently later. */
export function loadLabelledConcerns(): LabelledConcern[] {
  const raw: unknown = JSON.parse(readFileSync(new URL('./labelled-concerns.json', import.meta.url), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('labelled-concerns.json: expected an array');
  return raw.map((entry: unknown, position) => {
    if (
      typeof entry === 'object' &&
      entry !== null &&
      'text' in entry &&
      'category' in entry &&
      typeof entry.text === 'string' &&
      isVoiceCategory(entry.category)
    ) {
      return { text: entry.text, category: entry.category };
    }
    throw new Error(`labelled-concerns.json: entry ${position} is not { text, category }`);
  });
}

let trained: CategoryClassifier | undefined;

/** The classifier trained on labelled-concerns.json, trained once per process on first use. */
export function defaultCategoryClassifier(): CategoryClassifier {
  trained ??= CategoryClassifier.train(loadLabelledConcerns());
  return trained;
}
