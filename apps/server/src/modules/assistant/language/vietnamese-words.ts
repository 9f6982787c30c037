import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { foldVietnamese } from '../../../kernel/text/fold.js';
import { SHORTHAND } from '../../../kernel/text/shorthand.js';
import {
  COLLOQUIAL_PHRASES,
  DOMAIN_COMPOUNDS,
  ENGLISH_WORDS,
  STRONG_DOMAIN_PHRASES,
  WEAK_DOMAIN_PHRASES,
} from './legal-vocabulary.js';

/**
 * Vietnamese word segmentation for the assistant, in folded space (no diacritics, đ→d, lower case), so
 * "hợp đồng lao động", "hop dong lao dong" and "HĐLĐ" become the same words.
 *
 * Why not vntk's CRF segmenter per question: it costs ~34 ms a sentence (stack-notes §7), which caps the
 * assistant at ~30 answers a second per core against a target of 500. Longest matching over vntk's own
 * 74,000-word dictionary (`@vntk/dictionary`) plus our legal compounds runs in microseconds, and works on
 * text typed without diacritics, which the CRF model, trained on accented text, does not.
 */

/** Only this much of a question is read: a real question fits, junk input stays cheap. */
export const MAX_QUESTION_CHARS = 2_000;
const MAX_WORD_SYLLABLES = 5;

const require = createRequire(import.meta.url);

/**
 * Stopwords (stopwords-iso), folded. Folding merges words: "cả" and "ca" (a shift), "chuyện" and
 * "chuyển", "đến" and "đền", "dưới" and "đuổi", "thường" and "thưởng". A folded stopword that is also a
 * syllable of the law's words (our compounds and domain phrases), or one of the few listed here, is
 * kept: a third of questions come without diacritics, and the law's words must survive them.
 */
const KEPT_STOPWORDS = new Set([
  ...[...DOMAIN_COMPOUNDS, ...STRONG_DOMAIN_PHRASES, ...WEAK_DOMAIN_PHRASES].flatMap((w) => w.split(' ')),
  'nam', // năm / nam (men)
  'thang',
  'ngay',
  'gio',
  'ca', // cả / ca (shift)
  'chuyen', // chuyện / chuyển (transfer)
  'den', // đến / đền (compensate)
  'giua', // giữa ca
  'truoc', // báo trước
  'duoi', // dưới / đuổi
  'dung', // đúng luật
  'thuong', // thường / thưởng / thương
  'nghe', // nghe / nghề
  'xuong', // xuống / xưởng
  'tu', // từ / tù / tự
  'tai', // tại / tai nạn
  'bang', // bằng / bảng lương / bằng cấp
  'sau', // sau / sáu
  'lai', // lại / lãi
  'cao',
  'it',
  'nhieu',
  'dao', // đào tạo
  'cuoc',
  'can', // cần / căn
  'nhan', // nhận / nhân
  'lan',
  'so',
]);
const STOPWORDS = new Set(
  (require('stopwords-iso') as { vi: string[] }).vi.map(foldVietnamese).filter((w) => !KEPT_STOPWORDS.has(w)),
);

/** Folded compound words, keyed by their first syllable, longest first. */
class CompoundDictionary {
  private readonly byFirst = new Map<string, string[][]>();

  add(foldedWord: string, { domain = false } = {}): void {
    const syllables = foldedWord.split(' ');
    if (syllables.length < 2 || syllables.length > MAX_WORD_SYLLABLES) return;
    // "có khác", "có phải", "thì có" are dictionary words that glue a stopword onto a content word and
    // hide it from search; a general word that starts or ends with a stopword is not used.
    if (!domain && (STOPWORDS.has(syllables[0]!) || STOPWORDS.has(syllables.at(-1)!))) return;
    if (!syllables.every((s) => /^[a-z]+$/.test(s))) return;
    const list = this.byFirst.get(syllables[0]!) ?? [];
    list.push(syllables);
    this.byFirst.set(syllables[0]!, list);
  }

  seal(): void {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The length in syllables of the longest word starting at `at`, or 1. */
  longestAt(syllables: readonly string[], at: number): number {
    const candidates = this.byFirst.get(syllables[at]!);
    if (!candidates) return 1;
    for (const word of candidates) {
      if (at + word.length > syllables.length) continue;
      let matches = true;
      for (let i = 1; i < word.length; i++) {
        if (syllables[at + i] !== word[i]) {
          matches = false;
          break;
        }
      }
      if (matches) return word.length;
    }
    return 1;
  }
}

let dictionary: CompoundDictionary | undefined;

function compoundDictionary(): CompoundDictionary {
  if (dictionary) return dictionary;
  const built = new CompoundDictionary();
  const words = readFileSync(require.resolve('@vntk/dictionary/data/Viet74K.txt'), 'utf8');
  for (const line of words.split('\n')) built.add(foldVietnamese(line));
  for (const word of DOMAIN_COMPOUNDS) built.add(word, { domain: true });
  built.seal();
  dictionary = built;
  return built;
}

const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”\n\r\t|\\–—]+/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const HAS_DIGIT = /\p{N}/u;

/** Folded syllables of a text with shorthand and English expanded, split into clauses. Numbers are dropped. */
export function foldedClauses(text: string): string[][] {
  const folded = foldVietnamese(text.slice(0, MAX_QUESTION_CHARS));
  const clauses: string[][] = [];
  for (const rawClause of folded.split(CLAUSE_BREAK)) {
    const syllables: string[] = [];
    for (const token of rawClause.split(NOT_WORD)) {
      if (token === '' || HAS_DIGIT.test(token)) continue;
      const expansion = ENGLISH_WORDS[token] ?? SHORTHAND[token];
      if (expansion === undefined) syllables.push(token);
      else for (const part of expansion.split(' ')) syllables.push(part);
    }
    if (syllables.length > 0) clauses.push(syllables);
  }
  return clauses;
}

/** Segments folded syllables into words (longest match); a word's syllables are joined with "_". */
export function segment(syllables: readonly string[]): string[] {
  const dict = compoundDictionary();
  const words: string[] = [];
  for (let at = 0; at < syllables.length;) {
    const length = dict.longestAt(syllables, at);
    words.push(syllables.slice(at, at + length).join('_'));
    at += length;
  }
  return words;
}

/** The folded text with colloquial phrases followed by the legal terms they mean. */
function withLegalTerms(clause: readonly string[]): string[] {
  const joined = ` ${clause.join(' ')} `;
  const extra: string[] = [];
  for (const [phrase, legal] of COLLOQUIAL_PHRASES) {
    if (joined.includes(` ${phrase} `)) extra.push(...legal.split(' '));
  }
  return extra.length > 0 ? [...clause, ...extra] : [...clause];
}

/**
 * The search terms of a text: each segmented word, and the syllables of compound words (so that
 * "hợp đồng" still meets "hợp đồng lao động"), stopwords removed, colloquial phrases mapped to the law's
 * words. Repeats are kept: BM25 counts them in documents.
 */
export function searchTermsOf(text: string, { legalTerms = true } = {}): string[] {
  const terms: string[] = [];
  for (const clause of foldedClauses(text)) {
    const syllables = legalTerms ? withLegalTerms(clause) : clause;
    for (const word of segment(syllables)) {
      if (!STOPWORDS.has(word.replaceAll('_', ' '))) terms.push(word);
      if (word.includes('_')) {
        for (const syllable of word.split('_')) if (!STOPWORDS.has(syllable)) terms.push(syllable);
      }
    }
    // Adjacent content syllables ("nghỉ bù", "báo trước", "ca đêm") keep some word order, which a bag of
    // syllables loses; the dictionary does not hold every such pair.
    for (let i = 0; i + 1 < clause.length; i++) {
      const a = clause[i]!;
      const b = clause[i + 1]!;
      if (!STOPWORDS.has(a) && !STOPWORDS.has(b)) terms.push(`${a}+${b}`);
    }
  }
  return terms;
}

/** Folded syllables in order, one string with single spaces: for phrase cues ("co nen kien"). */
export function foldedPhrase(text: string): string {
  return ` ${foldedClauses(text)
    .map((c) => c.join(' '))
    .join(' , ')} `;
}

/** Loads the dictionary now (at start), so the first question does not pay for it. */
export function warmSegmenter(): void {
  compoundDictionary();
}
