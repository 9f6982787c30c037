import { performance } from 'node:perf_hooks';
import type { AssistantOutcome } from '@union/contracts/assistant';
import { AssistantEngine } from './engine/assistant-engine.js';
import type { Knowledge } from './engine/knowledge.js';

/**
 * Measures the assistant on a labelled set of questions written the way workers write: how often the
 * first citation is a correct article (top-1) or one of the first three is (top-3), and how precisely it
 * declines and hands over. Shared by the benchmark and the quality test.
 */

export interface LabelledQuestion {
  question: string;
  style: string;
  expect: 'answered' | 'out_of_scope' | 'handover';
  citations: { document: string; article: number }[];
  topic?: string;
}

export interface QuestionResult {
  item: LabelledQuestion;
  outcome: AssistantOutcome;
  cited: string[];
  top1: boolean;
  top3: boolean;
  ms: number;
}

export interface Evaluation {
  results: QuestionResult[];
  inScope: number;
  top1: number;
  top3: number;
  /** Share of in-scope questions the assistant answered or asked a figure for (not declined, not handed over). */
  inScopeHandled: number;
  decline: { precision: number; recall: number };
  handover: { precision: number; recall: number };
}

const key = (c: { document: string; article: number }) => `${c.document}#${c.article}`;
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evaluate(
  knowledge: Knowledge,
  labelled: readonly LabelledQuestion[],
  onDate: string,
): Evaluation {
  const engine = new AssistantEngine(knowledge);
  const results: QuestionResult[] = labelled.map((item) => {
    const started = performance.now();
    const reply = engine.reply(item.question, {}, onDate);
    const ms = performance.now() - started;
    const cited = reply.citations.map(key);
    const expected = new Set(item.citations.map(key));
    const citing = reply.outcome === 'answered' || reply.outcome === 'needs_info';
    return {
      item,
      outcome: reply.outcome,
      cited,
      top1: citing && cited.length > 0 && expected.has(cited[0]!),
      top3: citing && cited.slice(0, 3).some((c) => expected.has(c)),
      ms,
    };
  });
  const inScope = results.filter((r) => r.item.expect === 'answered');
  const share = (outcome: AssistantOutcome, expect: LabelledQuestion['expect']) => {
    const predicted = results.filter((r) => r.outcome === outcome);
    const actual = results.filter((r) => r.item.expect === expect);
    const both = predicted.filter((r) => r.item.expect === expect);
    return { precision: ratio(both.length, predicted.length), recall: ratio(both.length, actual.length) };
  };
  return {
    results,
    inScope: inScope.length,
    top1: ratio(inScope.filter((r) => r.top1).length, inScope.length),
    top3: ratio(inScope.filter((r) => r.top3).length, inScope.length),
    inScopeHandled: ratio(
      inScope.filter((r) => r.outcome === 'answered' || r.outcome === 'needs_info').length,
      inScope.length,
    ),
    decline: share('out_of_scope', 'out_of_scope'),
    handover: share('handover', 'handover'),
  };
}
