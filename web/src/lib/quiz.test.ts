import { describe, expect, it } from 'vitest';
import { makeServedItem } from '../testing/fixtures';
import { emptyAssessmentForm, newDrawRow, remapDrawPath, toAssessmentInput } from './assessmentForm';
import { compactText, pickText, splitList } from './localized';
import { emptyForm, fromContent, parseNumberInput, remapOptionPath, toContent, toServedItem } from './questionForm';
import { initialDraft, sanitizeDraft, toResponse } from './response';
import { describeAnswer } from './review';

const t = (key: string) => ({ 'player.true': 'True', 'player.false': 'False' })[key] ?? key;

describe('localized text', () => {
  it('picks the language, falling back to the other one', () => {
    expect(pickText({ ja: 'はい', en: 'Yes' }, 'en')).toBe('Yes');
    expect(pickText({ ja: 'はい' }, 'en')).toBe('はい');
    expect(pickText('plain', 'ja')).toBe('plain');
    expect(pickText(null, 'ja')).toBe('');
  });

  it('compacts and splits', () => {
    expect(compactText({ ja: ' 相談 ', en: '  ' })).toEqual({ ja: '相談' });
    expect(compactText({ ja: '', en: '' })).toBeUndefined();
    expect(splitList('論理的思考、報連相, 論理的思考，ビジネスマナー\n')).toEqual(['論理的思考', '報連相', 'ビジネスマナー']);
  });
});

describe('responses', () => {
  const ordering = makeServedItem({ type: 'ordering' });

  it('starts ordering in the served order and needs a choice for other types', () => {
    expect(initialDraft(ordering)).toEqual({ order: ['a', 'b', 'c'] });
    expect(toResponse(ordering, initialDraft(ordering))).toEqual({ order: ['a', 'b', 'c'] });
    expect(toResponse(makeServedItem(), {})).toBeNull();
    expect(toResponse(makeServedItem({ type: 'multiple_response' }), { optionIds: [] })).toBeNull();
    expect(toResponse(makeServedItem({ type: 'numeric', options: [] }), { number: '  ' })).toBeNull();
  });

  it('sends numeric answers exactly as typed', () => {
    expect(toResponse(makeServedItem({ type: 'numeric', options: [] }), { number: '１，２００' })).toEqual({ value: '１，２００' });
    expect(toResponse(makeServedItem({ type: 'true_false', options: [] }), { flag: false })).toEqual({ value: false });
    expect(toResponse(makeServedItem({ type: 'short_text', options: [] }), { text: 'ほうれんそう' })).toEqual({ text: 'ほうれんそう' });
  });

  it('drops stored drafts that do not fit the item', () => {
    expect(sanitizeDraft(makeServedItem(), { optionId: 'x' })).toEqual({});
    expect(sanitizeDraft(makeServedItem({ type: 'multiple_response' }), { optionIds: ['a', 'x', 'a'] })).toEqual({ optionIds: ['a'] });
    expect(sanitizeDraft(ordering, { order: ['a', 'b'] })).toEqual({ order: ['a', 'b', 'c'] });
    expect(sanitizeDraft(ordering, { order: ['c', 'a', 'b'] })).toEqual({ order: ['c', 'a', 'b'] });
    expect(sanitizeDraft(makeServedItem(), 'junk')).toEqual({});
  });
});

describe('question form', () => {
  it('round-trips an ordering question: the list order is the correct order', () => {
    const { form } = fromContent({
      type: 'ordering',
      stem: { ja: '順に並べてください' },
      options: [
        { id: 'x', text: { ja: '三' } },
        { id: 'y', text: { ja: '一' } },
        { id: 'z', text: { ja: '二' } },
      ],
      order: ['y', 'z', 'x'],
      skillTags: [],
      level: null,
      difficultyPrior: 1.5,
      irt: { a: 1.2, b: 0.8, c: 0, source: 'calibrated' },
    });
    expect(form.options.map((o) => o.id)).toEqual(['y', 'z', 'x']);
    const { content } = toContent(form, { irt: { a: 1.2, b: 0.8, c: 0, source: 'calibrated' } });
    expect(content).toMatchObject({ type: 'ordering', order: ['y', 'z', 'x'], difficultyPrior: 1.5, irt: { source: 'calibrated' } });
  });

  it('reads numbers typed with full-width digits', () => {
    expect(parseNumberInput('１２．５')).toBe(12.5);
    expect(parseNumberInput('－３')).toBe(-3);
    expect(parseNumberInput('')).toBeNull();
    expect(Number.isNaN(parseNumberInput('abc'))).toBe(true);
    expect(parseNumberInput(7)).toBe(7);
  });

  it('maps option paths back to form rows', () => {
    expect(remapOptionPath('options.1.text.ja', [0, 2])).toBe('options.2.text.ja');
    expect(remapOptionPath('correctOptionIds', [0, 2])).toBe('correctOptionIds');
  });

  it('previews a numeric question without options or answer', () => {
    const form = emptyForm();
    form.type = 'numeric';
    form.numericValue = '42';
    const item = toServedItem(form);
    expect(item.options).toEqual([]);
    expect(JSON.stringify(item)).not.toContain('42');
  });
});

describe('assessment form', () => {
  it('leaves rule rows without a skill out and maps problems to rows', () => {
    const form = emptyAssessmentForm();
    form.title.ja = 'テスト';
    form.draws = [
      { ...newDrawRow(), skill: '' },
      { ...newDrawRow(), skill: '報連相', count: 'x' },
    ];
    const { input, drawRows, problems } = toAssessmentInput(form);
    expect(input.fixed?.draws).toEqual([{ skill: '報連相', level: null, count: 0 }]);
    expect(drawRows).toEqual([1]);
    expect(problems).toEqual({ 'fixed.draws.1.count': 'assessmentForm.invalidNumber' });
    expect(remapDrawPath('fixed.draws.0', drawRows)).toBe('fixed.draws.1');
  });

  it('requires a title', () => {
    expect(toAssessmentInput(emptyAssessmentForm()).problems['title']).toBe('assessmentForm.titleRequired');
  });
});

describe('describeAnswer', () => {
  const options = makeServedItem().options;

  it('reads the shapes a review may carry', () => {
    expect(describeAnswer({ optionId: 'a' }, 'single_choice', options, 'ja', t)).toBe('相談');
    expect(describeAnswer(['a', 'c'], 'multiple_response', options, 'en', t)).toBe('Consult, Inherit');
    expect(describeAnswer({ order: ['c', 'a'] }, 'ordering', options, 'ja', t)).toBe('相続 → 相談');
    expect(describeAnswer({ value: true }, 'true_false', [], 'en', t)).toBe('True');
    expect(describeAnswer({ value: 2, tolerance: 0.5 }, 'numeric', [], 'en', t)).toBe('2 ± 0.5');
    expect(describeAnswer({ accepted: ['ほうれんそう', '報連相'] }, 'short_text', [], 'ja', t)).toBe('ほうれんそう / 報連相');
    expect(describeAnswer(null, 'short_text', [], 'ja', t)).toBeNull();
  });
});
