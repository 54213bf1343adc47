import { describe, expect, it } from 'vitest';
import { learnerView } from './learner-view.js';
import { questionSchema, type Question, type QuestionInput } from './model.js';

// Every piece of key material carries a marker that must never reach a learner.
const SECRET = 'SECRET';
const secretText = (name: string) => ({ ja: `${SECRET}-${name}-ja`, en: `${SECRET}-${name}-en` });
const common = {
  title: `${SECRET}-title (answer: B)`,
  stem: { ja: '問題文', en: 'Question' },
  feedback: { correct: secretText('fb-correct'), incorrect: secretText('fb-incorrect') },
  explanation: secretText('explanation'),
  skillTags: [`${SECRET}-tag`],
  sourceRef: { format: 'gift' as const, item: 1, id: `${SECRET}-source-id` },
};
const options = [
  { id: 'a', text: { ja: '選択肢A', en: 'Option A' }, feedback: secretText('opt-a') },
  { id: 'b', text: { ja: '選択肢B', en: 'Option B' }, feedback: secretText('opt-b') },
];
const inputs: QuestionInput[] = [
  { ...common, type: 'single_choice', options, correctOptionIds: ['b'] },
  { ...common, type: 'multiple_response', options, correctOptionIds: ['a', 'b'], partialCredit: true },
  { ...common, type: 'ordering', options, order: ['b', 'a'] },
  { ...common, type: 'true_false', answer: false },
  { ...common, type: 'numeric', answer: { value: 987654, tolerance: 0.125 } },
  { ...common, type: 'short_text', accepted: [`${SECRET}-accepted`, 'ホウレンソウ'], caseSensitive: true },
];

describe('learnerView', () => {
  it.each(inputs.map((i) => [i.type, questionSchema.parse(i)] as [string, Question]))(
    '%s: no answer key, feedback or explanation survives',
    (_, q) => {
      for (const locale of ['ja', 'en'] as const) {
        const json = JSON.stringify(learnerView(q, locale));
        expect(json).not.toContain(SECRET);
        expect(json).not.toMatch(
          /correct|answer|accepted|order"|feedback|explanation|irt|987654|0\.125|partialCredit|caseSensitive|ホウレンソウ/,
        );
      }
    },
  );

  it('keeps the stem and options in the requested language, in authored order', () => {
    const q = questionSchema.parse(inputs[0]);
    expect(learnerView(q, 'en')).toEqual({
      type: 'single_choice',
      stem: 'Question',
      options: [
        { id: 'a', text: 'Option A' },
        { id: 'b', text: 'Option B' },
      ],
    });
    expect(learnerView(questionSchema.parse(inputs[4]), 'ja')).toEqual({ type: 'numeric', stem: '問題文', input: 'number' });
    expect(learnerView(questionSchema.parse(inputs[3]), 'ja')).toEqual({ type: 'true_false', stem: '問題文' });
  });
});
