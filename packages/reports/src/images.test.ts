import { describe, expect, it } from 'vitest';
import { parseAssignmentImage, parseAttemptImage } from './images.js';

const attempt = {
  pk: 'ignored',
  id: 'att1',
  tenantId: 't1',
  userId: 'u1',
  assessmentId: 'as1',
  status: 'finished',
  finishedAt: '2025-04-07T01:00:00.000Z',
  answers: [
    { questionId: 'q1', correct: true, score: 1, response: { optionId: 'b' }, answeredAt: '2025-04-07T00:59:00.000Z' },
    { questionId: 'q2', correct: false, score: 0, response: { text: 'x' }, answeredAt: '2025-04-07T00:59:30.000Z' },
  ],
  result: {
    score: 72.5,
    passed: true,
    correct: 29,
    bySkill: [{ skill: 'logic', correct: 3, answered: 4, percent: 75 }],
    band: 4,
    theta: null,
    se: null,
  },
};

describe('stream images', () => {
  it('keeps the fields reports use and drops the rest', () => {
    const a = parseAttemptImage(attempt);
    expect(a).toEqual({
      id: 'att1',
      tenantId: 't1',
      userId: 'u1',
      assessmentId: 'as1',
      status: 'finished',
      finishedAt: '2025-04-07T01:00:00.000Z',
      result: { score: 72.5, passed: true, bySkill: [{ skill: 'logic', correct: 3, answered: 4, percent: 75 }], band: 4, theta: null },
      // Responses reduced to right/wrong and the option chosen (item analysis); free text is dropped.
      answers: [
        { questionId: 'q1', correct: true, optionId: 'b' },
        { questionId: 'q2', correct: false, optionId: null },
      ],
    });
  });

  it('defaults what an in-progress attempt lacks', () => {
    const a = parseAttemptImage({ id: 'a', tenantId: 't', userId: 'u', assessmentId: 's', status: 'in_progress' });
    expect(a.finishedAt).toBeNull();
    expect(a.result).toBeNull();
  });

  it('rejects results that would corrupt a cell', () => {
    expect(() => parseAttemptImage({ ...attempt, result: { ...attempt.result, band: 6 } })).toThrow();
    expect(() => parseAttemptImage({ ...attempt, result: { ...attempt.result, score: 100.1 } })).toThrow();
    expect(() => parseAttemptImage({ ...attempt, status: 'abandoned' })).toThrow();
    expect(() => parseAttemptImage({ ...attempt, finishedAt: 'soon' })).toThrow();
  });

  it('parses an assignment and refuses a due date that does not exist', () => {
    const raw = {
      tenantId: 't',
      userId: 'u',
      packageId: 'p',
      dueDate: '2025-04-30',
      status: 'completed',
      completedAt: '2025-04-29T03:00:00Z',
    };
    expect(parseAssignmentImage(raw)).toEqual({ ...raw, overdue: false, departmentId: null, level: null });
    expect(() => parseAssignmentImage({ ...raw, dueDate: '2025-02-30' })).toThrow();
  });
});
