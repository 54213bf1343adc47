import type { Client } from './client.js';

/** Question content in the shape of @manabi/questions' model. */
export const singleChoice = (skill: string, n: number, correct = 'a', b = 0) => ({
  type: 'single_choice',
  stem: { ja: `${skill}の問題 ${n}`, en: `${skill} question ${n}` },
  options: [
    { id: 'a', text: { ja: '選択肢A', en: 'Option A' } },
    { id: 'b', text: { ja: '選択肢B', en: 'Option B' } },
    { id: 'c', text: { ja: '選択肢C', en: 'Option C' } },
  ],
  correctOptionIds: [correct],
  feedback: { correct: { ja: '正解です' }, incorrect: { ja: '不正解です' } },
  explanation: { ja: `解説 ${n}`, en: `Explanation ${n}` },
  skillTags: [skill],
  level: null,
  difficultyPrior: b,
  irt: { a: 1.4, b, c: 0, source: 'prior' },
  status: 'published',
});

/** Creates a bank and publishes `perSkill` questions for each skill; returns the bank id. */
export async function seedBank(
  client: Client,
  skills: string[],
  perSkill: number,
  difficulty: (i: number) => number = () => 0,
): Promise<string> {
  const bank = await client.post('/api/banks', { name: `bank-${Date.now()}` });
  if (bank.status !== 201) throw new Error(JSON.stringify(bank.body));
  for (const skill of skills) {
    for (let i = 0; i < perSkill; i++) {
      const res = await client.post(`/api/banks/${bank.body.id}/questions`, singleChoice(skill, i, 'a', difficulty(i)));
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  }
  return bank.body.id as string;
}

export const fixedAssessment = (bankId: string, draws: { skill: string; count: number }[], over: Record<string, unknown> = {}) => ({
  title: { ja: '確認テスト', en: 'Check test' },
  mode: 'fixed',
  bankIds: [bankId],
  fixed: { questionIds: [], draws: draws.map((d) => ({ ...d, level: null })), shuffleQuestions: true, shuffleOptions: true },
  timeLimitMinutes: null,
  passMark: 60,
  attemptsAllowed: null,
  reviewPolicy: 'after_submit',
  dueAt: null,
  ...over,
});

/** Words that only appear in answer keys, feedback or explanations: never before an answer. */
export const KEY_MARKERS = ['correctOptionIds', 'accepted', 'explanation', '解説', 'feedback', '正解です', 'irt', '"answer"'];
