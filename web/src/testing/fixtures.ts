import type { AttemptResult, AttemptView, Question, QuestionDetail, ServedItem, User } from '../api/types';

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    name: '山田 花子',
    email: 'hanako@example.co.jp',
    role: 'tenant_admin',
    departmentId: null,
    departmentName: null,
    level: null,
    hireDate: null,
    status: 'active',
    locale: 'ja',
    emailVerified: true,
    createdAt: '2025-04-01T00:00:00Z',
    updatedAt: '2025-04-01T00:00:00Z',
    ...overrides,
  };
}

export function makeServedItem(overrides: Partial<ServedItem> = {}): ServedItem {
  return {
    index: 0,
    questionId: 'q1',
    type: 'single_choice',
    stem: { ja: '報連相の「相」は何の略ですか。', en: 'What does the third part of "Ho-Ren-So" stand for?' },
    options: [
      { id: 'a', text: { ja: '相談', en: 'Consult' } },
      { id: 'b', text: { ja: '相互', en: 'Mutual' } },
      { id: 'c', text: { ja: '相続', en: 'Inherit' } },
    ],
    ...overrides,
  };
}

export function makeAttempt(overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    id: 'att1',
    assessmentId: 'as1',
    title: { ja: 'ビジネス基礎テスト', en: 'Business basics' },
    mode: 'fixed',
    status: 'in_progress',
    startedAt: '2025-04-01T09:55:00Z',
    deadline: null,
    serverNow: '2025-04-01T10:00:00Z',
    progress: { answered: 2, total: 10, aboutLeft: null, maxItems: null },
    current: makeServedItem(),
    result: null,
    ...overrides,
  };
}

export function makeResult(overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    score: 80,
    passed: true,
    correct: 8,
    answered: 10,
    bySkill: [
      { skill: '論理的思考', correct: 4, answered: 5, percent: 80 },
      { skill: '報連相', correct: 4, answered: 5, percent: 80 },
    ],
    theta: null,
    se: null,
    band: 4,
    scaledScore: null,
    timeTakenSeconds: 754,
    review: null,
    ...overrides,
  };
}

export function makeQuestionDetail(overrides: Partial<QuestionDetail> = {}): QuestionDetail {
  const content: Question = {
    type: 'single_choice',
    stem: { ja: '報連相の「相」は？' },
    options: [
      { id: 'a', text: { ja: '相談' } },
      { id: 'b', text: { ja: '相互' } },
    ],
    correctOptionIds: ['a'],
    skillTags: ['報連相'],
    level: 'new_hire',
    difficultyPrior: null,
    irt: { a: 1, b: 0, c: 0.5, source: 'prior' },
    status: 'draft',
  };
  return {
    id: 'q1',
    bankId: 'bank1',
    type: 'single_choice',
    title: null,
    stemPreview: '報連相の「相」は？',
    skillTags: ['報連相'],
    level: 'new_hire',
    status: 'draft',
    latestVersion: 1,
    publishedVersion: null,
    irt: { a: 1, b: 0, c: 0.5, source: 'prior' },
    updatedAt: '2025-04-01T10:00:00Z',
    content,
    ...overrides,
  };
}
