/**
 * The assistant's quality on the labelled set, split into slices (by writing style, by half of the set),
 * with counts beside each share so that a slice of five questions is read as one. The definitions are
 * `evaluate`'s own (apps/server/src/modules/assistant/evaluation.ts); `qualityOf` recomputes them from
 * its per-question results, and the suite checks that the whole set agrees with `evaluate` exactly.
 */
import type { Evaluation, LabelledQuestion } from '../../apps/server/src/modules/assistant/index.js';

export type QuestionResult = Evaluation['results'][number];

/** A share with what it was computed from: `hits` of `of` (`of` = 0: nothing to measure). */
export interface Share {
  hits: number;
  of: number;
}

export interface Quality {
  questions: number;
  inScope: number;
  top1: Share;
  top3: Share;
  /** In-scope questions answered or asked a figure for (not declined, not handed over). */
  handled: Share;
  decline: { precision: Share; recall: Share };
  handover: { precision: Share; recall: Share };
}

/** As `evaluate` computes it: a share of nothing counts as 1 (nothing was wrong). */
export const valueOf = (share: Share): number => (share.of === 0 ? 1 : share.hits / share.of);

export function qualityOf(results: readonly QuestionResult[]): Quality {
  const inScope = results.filter((r) => r.item.expect === 'answered');
  const count = (list: readonly QuestionResult[], test: (r: QuestionResult) => boolean) =>
    list.filter(test).length;
  const precisionRecall = (
    outcome: QuestionResult['outcome'],
    expect: LabelledQuestion['expect'],
  ): { precision: Share; recall: Share } => {
    const predicted = results.filter((r) => r.outcome === outcome);
    const actual = results.filter((r) => r.item.expect === expect);
    const both = count(predicted, (r) => r.item.expect === expect);
    return { precision: { hits: both, of: predicted.length }, recall: { hits: both, of: actual.length } };
  };
  return {
    questions: results.length,
    inScope: inScope.length,
    top1: { hits: count(inScope, (r) => r.top1), of: inScope.length },
    top3: { hits: count(inScope, (r) => r.top3), of: inScope.length },
    handled: {
      hits: count(inScope, (r) => r.outcome === 'answered' || r.outcome === 'needs_info'),
      of: inScope.length,
    },
    decline: precisionRecall('out_of_scope', 'out_of_scope'),
    handover: precisionRecall('handover', 'handover'),
  };
}

/** The figures `evaluate` returns that `qualityOf` must reproduce; a mismatch names the first one. */
export function disagreement(evaluation: Evaluation, quality: Quality): string | undefined {
  const pairs: [string, number, number][] = [
    ['in-scope', evaluation.inScope, quality.inScope],
    ['top-1', evaluation.top1, valueOf(quality.top1)],
    ['top-3', evaluation.top3, valueOf(quality.top3)],
    ['handled', evaluation.inScopeHandled, valueOf(quality.handled)],
    ['decline precision', evaluation.decline.precision, valueOf(quality.decline.precision)],
    ['decline recall', evaluation.decline.recall, valueOf(quality.decline.recall)],
    ['handover precision', evaluation.handover.precision, valueOf(quality.handover.precision)],
    ['handover recall', evaluation.handover.recall, valueOf(quality.handover.recall)],
  ];
  const wrong = pairs.find(([, a, b]) => Math.abs(a - b) > 1e-12);
  return wrong ? `${wrong[0]}: evaluate ${wrong[1]}, recomputed ${wrong[2]}` : undefined;
}

/** Index parity: even indexes are the half the engine was tuned on, odd ones are held out. */

const cell = (share: Share): string =>
  share.of === 0 ? '—' : `${((share.hits / share.of) * 100).toFixed(1)} (${share.hits}/${share.of})`;

function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One row per slice: shares in % with their counts; "—" where the slice has nothing to measure. */
export function renderSlices(slices: readonly { name: string; quality: Quality }[]): string {
  return renderTable(
    [
      'slice',
      'questions',
      'in-scope',
      'top-1 %',
      'top-3 %',
      'answered/asked %',
      'decline P %',
      'decline R %',
      'handover P %',
      'handover R %',
    ],
    slices.map(({ name, quality: q }) => [
      name,
      String(q.questions),
      String(q.inScope),
      cell(q.top1),
      cell(q.top3),
      cell(q.handled),
      cell(q.decline.precision),
      cell(q.decline.recall),
      cell(q.handover.precision),
      cell(q.handover.recall),
    ]),
  );
}

const refs = (citations: readonly { document: string; article: number }[]) =>
  citations.map((c) => `${c.document}#${c.article}`).join(', ');

/**
 * Every question the assistant got wrong: an out-of-scope question not declined, a dispute not handed
 * over, an in-scope question declined or handed over, or answered with a wrong first citation (marked
 * when a right one was among the first three).
 */
export function failuresOf(results: readonly QuestionResult[]): string[] {
  const lines: string[] = [];
  for (const [index, r] of results.entries()) {
    const { item } = r;
    const citing = r.outcome === 'answered' || r.outcome === 'needs_info';
    const wrong = item.expect === 'answered' ? !(citing && r.top1) : r.outcome !== item.expect;
    if (!wrong) continue;
    const why =
      item.expect === 'answered' && citing ? (r.top3 ? 'top-1 wrong, right in top-3' : 'wrong citation') : '';
    const expected =
      item.expect === 'answered'
        ? `answered, citing ${refs(item.citations) || '(nothing listed)'}`
        : item.expect;
    const got = `${r.outcome}${r.cited.length ? `, citing ${r.cited.slice(0, 3).join(', ')}` : ''}`;
    lines.push(
      `#${index} [${item.style}${item.topic ? `, ${item.topic}` : ''}] ${item.question}\n` +
        `      expected: ${expected}\n      got:      ${got}${why ? `  (${why})` : ''}`,
    );
  }
  return lines;
}

/**
 * The floor a citation ranker must beat: cite the `k` articles the labelled set expects most often, for
 * every in-scope question. Returns the share of in-scope questions one of them would have been right for.
 */
export function mostCitedBaseline(
  labelled: readonly LabelledQuestion[],
  k: number,
): { share: Share; articles: string[] } {
  const inScope = labelled.filter((q) => q.expect === 'answered');
  const counts = new Map<string, number>();
  for (const q of inScope) {
    for (const ref of new Set(q.citations.map((c) => `${c.document}#${c.article}`))) {
      counts.set(ref, (counts.get(ref) ?? 0) + 1);
    }
  }
  const articles = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, k)
    .map(([ref]) => ref);
  const hits = inScope.filter((q) =>
    q.citations.some((c) => articles.includes(`${c.document}#${c.article}`)),
  ).length;
  return { share: { hits, of: inScope.length }, articles };
}
