/**
 * The simplest assistant one could write over the same knowledge, as a baseline for both quality and
 * speed: fold the question (diacritics and case, as the app's search does), split it into words, and
 * score every article (title and summary) and every curated answer (its questions) of the seed by the
 * IDF weight of the words they share with it; cite the best ones. No segmentation into compounds, no
 * synonyms, no cues, no calculator, never declines. What the engine adds must show against it.
 */
import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import type { LabelledQuestion, readKnowledgeSeed } from '../../apps/server/src/modules/assistant/index.js';

type KnowledgeSeed = ReturnType<typeof readKnowledgeSeed>;

interface Passage {
  cites: string;
  words: Set<string>;
}

const wordsOf = (text: string): string[] =>
  foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export class WordScan {
  private readonly passages: Passage[];
  private readonly idf = new Map<string, number>();

  constructor(seed: KnowledgeSeed) {
    this.passages = [
      ...seed.articles.map((a) => ({
        cites: `${a.document}#${a.article}`,
        words: new Set(wordsOf(`${a.title} ${a.summary}`)),
      })),
      ...seed.answers
        .filter((a) => a.citations.length > 0)
        .map((a) => ({
          cites: `${a.citations[0]!.document}#${a.citations[0]!.article}`,
          words: new Set(wordsOf(a.questions.join(' '))),
        })),
    ];
    const documentFrequency = new Map<string, number>();
    for (const passage of this.passages) {
      for (const word of passage.words) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
    for (const [word, n] of documentFrequency) this.idf.set(word, Math.log(1 + this.passages.length / n));
  }

  /** The articles cited for a question, best first, at most `k`, each once. */
  cite(question: string, k = 3): string[] {
    const words = [...new Set(wordsOf(question))].filter((w) => this.idf.has(w));
    const scored: { cites: string; score: number }[] = [];
    for (const passage of this.passages) {
      let score = 0;
      for (const word of words) if (passage.words.has(word)) score += this.idf.get(word)!;
      if (score > 0) scored.push({ cites: passage.cites, score });
    }
    scored.sort((a, b) => b.score - a.score);
    const cited: string[] = [];
    for (const { cites } of scored) {
      if (!cited.includes(cites)) cited.push(cites);
      if (cited.length === k) break;
    }
    return cited;
  }
}

/** Top-1 and top-3 of the scan on the in-scope questions, counted as `evaluate` counts the engine's. */
export function scanAccuracy(
  scan: WordScan,
  labelled: readonly LabelledQuestion[],
): { top1: number; top3: number; of: number } {
  const inScope = labelled.filter((q) => q.expect === 'answered');
  let top1 = 0;
  let top3 = 0;
  for (const q of inScope) {
    const expected = new Set(q.citations.map((c) => `${c.document}#${c.article}`));
    const cited = scan.cite(q.question);
    if (cited.length > 0 && expected.has(cited[0]!)) top1++;
    if (cited.some((c) => expected.has(c))) top3++;
  }
  return { top1, top3, of: inScope.length };
}
