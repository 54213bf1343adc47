import { describe, expect, it } from 'vitest';
import { questionSchema, type Question, type QuestionInput } from '@manabi/questions';
import { optionOrder } from './engine.js';
import { servedQuestion } from './served.js';

// Key material carries a marker that must never be served.
const SECRET = 'SECRET';
const secret = (name: string) => ({ ja: `${SECRET}-${name}`, en: `${SECRET}-${name}` });
const common = {
  title: `${SECRET}-title`,
  explanation: secret('explanation'),
  feedback: { correct: secret('fb'), incorrect: secret('fb2') },
};
const options = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, text: { ja: `選択肢${id}`, en: `Option ${id}` }, feedback: secret(id) }));
const parse = (input: Record<string, unknown>): Question =>
  questionSchema.parse({ ...common, stem: { ja: '問題', en: 'Question' }, ...input } as QuestionInput);

const inputs: Question[] = [
  parse({ type: 'single_choice', options, correctOptionIds: ['e'] }),
  parse({ type: 'multiple_response', options, correctOptionIds: ['a', 'e'], partialCredit: true }),
  parse({ type: 'ordering', options, order: ['f', 'e', 'd', 'c', 'b', 'a'] }),
  parse({ type: 'true_false', answer: false }),
  parse({ type: 'numeric', answer: { value: 987654, tolerance: 0.125 } }),
  parse({ type: 'short_text', accepted: [`${SECRET}-accepted`] }),
  parse({
    type: 'matching',
    prompts: [
      { id: 'p1', text: { ja: '報告', en: 'Report' } },
      { id: 'p2', text: { ja: '連絡', en: 'Inform' } },
    ],
    choices: options.slice(0, 4).map(({ id, text }) => ({ id, text })),
    key: { p1: 'c', p2: 'd' },
  }),
  parse({
    type: 'cloze',
    stem: { ja: '{{1}}と{{2}}と{{3}}', en: '{{1}} and {{2}} and {{3}}' },
    blanks: [
      { id: '1', kind: 'text', accepted: [`${SECRET}-blank`], caseSensitive: false },
      { id: '2', kind: 'choice', options: options.map(({ id, text }) => ({ id, text })), correctOptionId: 'f' },
      { id: '3', kind: 'numeric', value: 987654, tolerance: 0.125 },
    ],
  }),
  parse({
    type: 'essay',
    rubric: [{ id: 'content', criterion: { ja: '内容', en: 'Content' }, maxPoints: 6 }],
    maxWords: 50,
    graderNotes: secret('notes'),
  }),
];

describe('servedQuestion', () => {
  it.each(inputs.map((q) => [q.type, q] as const))('%s: no key, feedback, explanation, title or notes is served', (_, q) => {
    for (const shuffle of [true, false]) {
      const json = JSON.stringify(servedQuestion(q, { seed: 7, questionId: 'q1', shuffle }));
      expect(json).not.toContain(SECRET);
      expect(json).not.toMatch(/correct|accepted|"order"|"key"|explanation|irt|987654|0\.125|partialCredit|caseSensitive/);
    }
  });

  it('serves texts in both languages and options in the attempt’s seeded order (authored order without shuffling)', () => {
    const at = { seed: 42, questionId: 'q1', shuffle: true };
    const served = servedQuestion(inputs[0]!, at);
    expect(served.stem).toEqual({ ja: '問題', en: 'Question' });
    expect(served.options.map((o) => o.id)).toEqual(optionOrder(['a', 'b', 'c', 'd', 'e', 'f'], 42, 'q1', true));
    expect(served.options.find((o) => o.id === 'b')).toEqual({ id: 'b', text: { ja: '選択肢b', en: 'Option b' } });
    // The same seed and question serve the same order on every reload; another question another.
    expect(servedQuestion(inputs[0]!, at)).toEqual(served);
    expect(servedQuestion(inputs[0]!, { ...at, shuffle: false }).options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(servedQuestion(inputs[3]!, at)).toEqual({ type: 'true_false', stem: { ja: '問題', en: 'Question' }, options: [] });
  });

  it('orders matching choices by the question and a cloze blank’s options by question and blank; prompts stay authored', () => {
    const at = { seed: 3, questionId: 'q9', shuffle: true };
    const matching = servedQuestion(inputs[6]!, at);
    expect(matching.prompts!.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(matching.choices!.map((c) => c.id)).toEqual(optionOrder(['a', 'b', 'c', 'd'], 3, 'q9', true));
    const cloze = servedQuestion(inputs[7]!, at);
    expect(cloze.blanks![0]).toEqual({ id: '1', kind: 'text' });
    expect(cloze.blanks![2]).toEqual({ id: '3', kind: 'numeric' });
    const choice = cloze.blanks![1] as { options: { id: string }[] };
    expect(choice.options.map((o) => o.id)).toEqual(optionOrder(['a', 'b', 'c', 'd', 'e', 'f'], 3, 'q9:2', true));
  });

  it('serves an essay’s limits (null when unset) and criteria, never the graders’ notes', () => {
    expect(servedQuestion(inputs[8]!, { seed: 1, questionId: 'q1', shuffle: true }).essay).toEqual({
      minWords: null,
      maxWords: 50,
      rubric: [{ id: 'content', criterion: { ja: '内容', en: 'Content' }, maxPoints: 6 }],
    });
  });
});
