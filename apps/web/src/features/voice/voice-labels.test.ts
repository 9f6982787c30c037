import {
  HEAT_DIMENSIONS,
  SURVEY_BREAKDOWNS,
  SURVEY_QUESTION_KINDS,
  VOICE_CATEGORIES,
  VOICE_EVENT_KINDS,
  VOICE_KINDS,
  VOICE_STATUSES,
} from '@union/contracts/voice';
import { describe, expect, it } from 'vitest';
import { voiceEn } from './locales/en';
import { voiceVi } from './locales/vi';

describe('voice labels', () => {
  it('name every kind, category, status and history step of the contract, in both languages', () => {
    for (const texts of [voiceVi, voiceEn]) {
      expect(Object.keys(texts.kind).sort()).toEqual([...VOICE_KINDS].sort());
      expect(Object.keys(texts.kindHint).sort()).toEqual([...VOICE_KINDS].sort());
      expect(Object.keys(texts.category).sort()).toEqual([...VOICE_CATEGORIES].sort());
      expect(Object.keys(texts.status).sort()).toEqual([...VOICE_STATUSES].sort());
      expect(Object.keys(texts.event).sort()).toEqual([...VOICE_EVENT_KINDS].sort());
      expect(Object.keys(texts.analytics.dimension).sort()).toEqual([...HEAT_DIMENSIONS].sort());
      expect(Object.keys(texts.builder.kinds).sort()).toEqual([...SURVEY_QUESTION_KINDS].sort());
      expect(Object.keys(texts.results.breakdownBy).sort()).toEqual([...SURVEY_BREAKDOWNS].sort());
    }
  });

  it('use the union’s own Vietnamese words', () => {
    expect(voiceVi.kind).toEqual({
      concern: 'Ý kiến, tâm tư',
      proposal: 'Kiến nghị',
      complaint: 'Khiếu nại',
    });
    expect(voiceVi.status.in_progress).toBe('Đang xử lý');
    expect(voiceVi.event.auto_escalated).toBe('Tự động chuyển lên cấp trên do quá hạn');
    expect(voiceVi.category.contracts).toBe('Hợp đồng, kỷ luật, sa thải');
  });
});
