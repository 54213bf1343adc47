import { describe, expect, it } from 'vitest';
import type { Assessment } from '../api/types';
import { emptyAssessmentForm, fromAssessment, toAssessmentInput } from './assessmentForm';

const placement: Assessment = {
  id: 'a1',
  status: 'published',
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  title: { ja: 'レベル診断テスト（若手社員・適応型）', en: 'Placement test (junior staff, adaptive)' },
  mode: 'adaptive',
  bankIds: ['catalog:bank1'],
  adaptive: { skills: ['論理的思考', '問題解決'], minItems: 10, maxItems: 20, seTarget: 0.35, levels: ['new_hire', 'junior', 'mid'] },
  timeLimitMinutes: 30,
  passMark: 1,
  attemptsAllowed: null,
  reviewPolicy: 'after_submit',
  dueAt: null,
};

describe('an adaptive test limited to levels, edited in the form', () => {
  it('keeps its levels when HR saves another change', () => {
    const form = fromAssessment(placement);
    form.maxItems = '15';
    expect(toAssessmentInput(form).input.adaptive).toEqual({
      skills: ['論理的思考', '問題解決'],
      minItems: 10,
      maxItems: 15,
      seTarget: 0.35,
      levels: ['new_hire', 'junior', 'mid'],
    });
  });

  it('sends no levels for a test written in the form (every level)', () => {
    const form = { ...emptyAssessmentForm(), mode: 'adaptive' as const, skills: '論理的思考', passMark: '3' };
    expect(toAssessmentInput(form).input.adaptive).not.toHaveProperty('levels');
  });
});
