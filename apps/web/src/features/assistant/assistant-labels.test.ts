import {
  ANSWER_VERSION_STATUSES,
  ASSISTANT_OUTCOMES,
  CALCULATOR_KINDS,
  LEGAL_CASE_STATUSES,
} from '@union/contracts/assistant';
import { describe, expect, it } from 'vitest';
import { isCalculatorKind, isCaseStatus, isVersionStatus, STARTER_QUESTIONS } from './assistant-labels';
import { assistantEn } from './locales/en';
import { assistantVi } from './locales/vi';

describe('assistant labels', () => {
  it('name every outcome, status and calculator of the contract, in both languages', () => {
    for (const texts of [assistantVi, assistantEn]) {
      expect(Object.keys(texts.outcome).sort()).toEqual([...ASSISTANT_OUTCOMES].sort());
      expect(Object.keys(texts.caseStatus).sort()).toEqual([...LEGAL_CASE_STATUSES].sort());
      expect(Object.keys(texts.versionStatus).sort()).toEqual([...ANSWER_VERSION_STATUSES].sort());
      expect(Object.keys(texts.calculator).sort()).toEqual([...CALCULATOR_KINDS].sort());
      expect(Object.keys(texts.chat.starters).sort()).toEqual([...STARTER_QUESTIONS].sort());
    }
  });

  it('ask the starter questions in Vietnamese whatever the UI language', () => {
    expect(assistantEn.chat.starters).toEqual(assistantVi.chat.starters);
    expect(assistantVi.chat.starters.severance).toBe('Làm 3 năm nghỉ việc được trợ cấp bao nhiêu?');
  });

  it('recognise the contract’s values only', () => {
    expect(isCaseStatus('waiting')).toBe(true);
    expect(isCaseStatus('open')).toBe(false);
    expect(isCaseStatus(null)).toBe(false);
    expect(isVersionStatus('in_review')).toBe(true);
    expect(isVersionStatus('')).toBe(false);
    expect(isCalculatorKind('severance')).toBe(true);
    expect(isCalculatorKind('tax')).toBe(false);
  });
});
