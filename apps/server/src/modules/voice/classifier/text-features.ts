import { foldVietnamese } from '../../../kernel/text/fold.js';
import { SHORTHAND } from '../../../kernel/text/shorthand.js';

/**
 * Tokenisation shared by the category classifier and the topic terms. Everything happens in folded space
 * (no diacritics, đ→d, lower case), so "lương", "luong" and "LƯƠNG" are one token: members type on phones,
 * often without diacritics.
 */

/** Only this many characters of a text are read: a concern is a few sentences, and junk input stays cheap. */
export const MAX_TEXT_CHARS = 4000;

/** Every token with a digit ("500k", "7h30", "12m2") becomes this one token: the amount rarely says what a concern is about. */
export const NUMBER_TOKEN = '#';

const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”\n\r\t|/\\–—-]+/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * The folded, abbreviation-expanded syllables of a text, split into clauses at punctuation so that a
 * bigram never spans two clauses ("lương, cty" is not a phrase).
 */
export function clausesOf(text: string): string[][] {
  const folded = foldVietnamese(text.slice(0, MAX_TEXT_CHARS));
  const clauses: string[][] = [];
  for (const rawClause of folded.split(CLAUSE_BREAK)) {
    const syllables: string[] = [];
    for (const token of rawClause.split(NOT_WORD)) {
      if (token === '') continue;
      if (HAS_DIGIT.test(token)) {
        syllables.push(NUMBER_TOKEN);
        continue;
      }
      const expansion = SHORTHAND[token];
      if (expansion === undefined) syllables.push(token);
      else for (const part of expansion.split(' ')) syllables.push(part);
    }
    if (syllables.length > 0) clauses.push(syllables);
  }
  return clauses;
}

/** The folded, expanded syllables of a text in order. */
export const syllablesOf = (text: string): string[] => clausesOf(text).flat();

/** The features the classifier sees: syllable unigrams and within-clause syllable bigrams, distinct. */
export function featuresOf(text: string): string[] {
  const features = new Set<string>();
  for (const clause of clausesOf(text)) {
    for (let i = 0; i < clause.length; i++) {
      const syllable = clause[i]!;
      features.add(syllable);
      const next = clause[i + 1];
      if (next !== undefined) features.add(`${syllable} ${next}`);
    }
  }
  return [...features];
}
