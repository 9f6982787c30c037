import { VOICE_CATEGORIES, type VoiceCategory } from './categories.js';
import {
  CategoryClassifier,
  seededRandom,
  shuffleInPlace,
  type LabelledConcern,
  type TrainingOptions,
} from './category-classifier.js';

export interface CrossValidation {
  accuracy: number;
  /** The unweighted mean of per-category F1: a category the model ignores costs as much as a big one. */
  macroF1: number;
  perCategory: Record<VoiceCategory, { precision: number; recall: number; support: number }>;
  /** confusion[actual][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Stratified k-fold cross-validation: each category's examples are shuffled by `seed` and dealt round-robin
 * into the folds, so every fold holds about the same share of every category.
 */
export function crossValidate(
  examples: readonly LabelledConcern[],
  folds = 5,
  seed = 1,
  options: Partial<TrainingOptions> = {},
): CrossValidation {
  if (!Number.isInteger(folds) || folds < 2) throw new RangeError('folds must be an integer ≥ 2');
  const random = seededRandom(seed);
  const foldOf = new Array<number>(examples.length);
  for (const category of VOICE_CATEGORIES) {
    const members = examples.flatMap((example, index) => (example.category === category ? [index] : []));
    shuffleInPlace(members, random).forEach((index, position) => (foldOf[index] = position % folds));
  }

  const confusion: Record<string, Record<string, number>> = {};
  for (const actual of VOICE_CATEGORIES) {
    confusion[actual] = Object.fromEntries(VOICE_CATEGORIES.map((predicted) => [predicted, 0]));
  }
  let correct = 0;
  for (let fold = 0; fold < folds; fold++) {
    const training = examples.filter((_, index) => foldOf[index] !== fold);
    const model = CategoryClassifier.train(training, options);
    examples.forEach((example, index) => {
      if (foldOf[index] !== fold) return;
      const predicted = model.classify(example.text).category;
      confusion[example.category]![predicted]! += 1;
      if (predicted === example.category) correct += 1;
    });
  }

  const perCategory = {} as CrossValidation['perCategory'];
  let f1Sum = 0;
  for (const category of VOICE_CATEGORIES) {
    const truePositives = confusion[category]![category]!;
    const support = VOICE_CATEGORIES.reduce((sum, predicted) => sum + confusion[category]![predicted]!, 0);
    const predictedCount = VOICE_CATEGORIES.reduce((sum, actual) => sum + confusion[actual]![category]!, 0);
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perCategory[category] = { precision, recall, support };
  }
  return {
    accuracy: examples.length === 0 ? 0 : correct / examples.length,
    macroF1: f1Sum / VOICE_CATEGORIES.length,
    perCategory,
    confusion,
  };
}
