/**
 * BM25+ over a few thousand short passages, scored into one typed array.
 *
 * Why not MiniSearch, which we used first: a question shares some word with most passages, and the
 * library builds a result object with its match data for each (about 700 a question here), which cost
 * 1–2 ms of the 2 ms a question may take at 500 answers a second on two cores. Scoring postings into a
 * Float64Array and keeping the top few costs a few hundredths of that. The scoring is MiniSearch's, so
 * the ranking is the same: Lv & Zhai's BM25+, a passage's length counted in distinct terms, and the sum
 * multiplied by how many of the question's words the passage matched.
 */

export interface Bm25Options {
  k1: number;
  b: number;
  /** BM25+'s lower bound for a matching term, so long passages are not pushed below short ones. */
  delta: number;
}

export interface WeightedTerm {
  term: string;
  boost: number;
  /** Entries with the same origin (a word and its typo variants) count once as a matched word. */
  origin: number;
}

interface Postings {
  documents: Int32Array;
  frequencies: Float64Array;
}

export class Bm25Index {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;
  private readonly scores: Float64Array;
  private readonly matchedWords: Uint16Array;
  private readonly lastOrigin: Int32Array;
  /** Terms by length, for one-typo lookups of words the knowledge never uses. */
  private readonly termsByLength = new Map<number, string[]>();

  constructor(
    documents: readonly (readonly string[])[],
    private readonly options: Bm25Options = { k1: 1.2, b: 0.7, delta: 0.5 },
  ) {
    this.lengths = new Float64Array(documents.length);
    this.scores = new Float64Array(documents.length);
    this.matchedWords = new Uint16Array(documents.length);
    this.lastOrigin = new Int32Array(documents.length).fill(-1);
    const building = new Map<string, Map<number, number>>();
    documents.forEach((terms, document) => {
      this.lengths[document] = new Set(terms).size;
      for (const term of terms) {
        let byDocument = building.get(term);
        if (!byDocument) building.set(term, (byDocument = new Map()));
        byDocument.set(document, (byDocument.get(document) ?? 0) + 1);
      }
    });
    for (const [term, byDocument] of building) {
      this.postings.set(term, {
        documents: Int32Array.from(byDocument.keys()),
        frequencies: Float64Array.from(byDocument.values()),
      });
      const sameLength = this.termsByLength.get(term.length) ?? [];
      sameLength.push(term);
      this.termsByLength.set(term.length, sameLength);
    }
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = documents.length > 0 ? total / documents.length : 0;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** How many documents hold the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.documents.length ?? 0;
  }

  /** The indexed terms one edit away from `term` (a typo), for a word the index does not hold. */
  nearTerms(term: string): string[] {
    const near: string[] = [];
    for (const length of [term.length - 1, term.length, term.length + 1]) {
      for (const candidate of this.termsByLength.get(length) ?? []) {
        if (withinOneEdit(term, candidate)) near.push(candidate);
      }
    }
    return near;
  }

  /** Every document with a score above zero, best first, at most `limit`. */
  search(query: readonly WeightedTerm[], limit: number): { document: number; score: number }[] {
    const { k1, b, delta } = this.options;
    const { scores, matchedWords, lastOrigin } = this;
    const touched: number[] = [];
    const count = this.lengths.length;
    for (const { term, boost, origin } of query) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const n = postings.documents.length;
      const idf = Math.log(1 + (count - n + 0.5) / (n + 0.5));
      for (let i = 0; i < n; i++) {
        const document = postings.documents[i]!;
        const tf = postings.frequencies[i]!;
        const norm = 1 - b + (b * this.lengths[document]!) / this.averageLength;
        if (scores[document] === 0) touched.push(document);
        if (lastOrigin[document] !== origin) {
          lastOrigin[document] = origin;
          matchedWords[document] = matchedWords[document]! + 1;
        }
        scores[document] = scores[document]! + boost * idf * (delta + (tf * (k1 + 1)) / (tf + k1 * norm));
      }
    }
    const ranked = touched.map((document) => ({
      document,
      score: scores[document]! * matchedWords[document]!,
    }));
    for (const document of touched) {
      scores[document] = 0;
      matchedWords[document] = 0;
      lastOrigin[document] = -1;
    }
    ranked.sort((x, y) => y.score - x.score);
    return ranked.slice(0, limit);
  }
}

/** Levenshtein distance ≤ 1, without building the matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
