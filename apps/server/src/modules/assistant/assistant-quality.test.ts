import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type LabelledQuestion } from './evaluation.js';
import { knowledgeFromSeed } from './knowledge-store.js';

/**
 * Floors under the assistant's measured quality, so a change to the knowledge or the engine that makes it
 * worse fails here and not in front of a worker. The figures themselves come from `npm run bench --
 * assistant`; the floors sit a few points under them (the day is fixed, so nothing here moves by itself).
 */
const ON = '2026-11-29';
const setOf = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../../bench/assistant/${file}`, import.meta.url), 'utf8'),
  ) as LabelledQuestion[];

describe('the assistant’s quality does not fall', () => {
  const knowledge = knowledgeFromSeed();

  it('on the labelled set: cites a right article first, declines what is out of scope, hands over disputes', () => {
    const result = evaluate(knowledge, setOf('labelled-questions.json'), ON);
    expect(result.top1).toBeGreaterThanOrEqual(0.9);
    expect(result.decline.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.handover.recall).toBeGreaterThanOrEqual(0.88);
  });

  it('on the second development set (long stories and one-liners from other workers)', () => {
    const result = evaluate(knowledge, setOf('development-questions-2.json'), ON);
    expect(result.top1).toBeGreaterThanOrEqual(0.82);
    expect(result.decline.recall).toBeGreaterThanOrEqual(0.92);
    expect(result.handover.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('on the held-out set it was never tuned on', () => {
    const result = evaluate(knowledge, setOf('held-out-questions.json'), ON);
    expect(result.top1).toBeGreaterThanOrEqual(0.82);
    expect(result.decline.recall).toBeGreaterThanOrEqual(0.86);
  });
});
