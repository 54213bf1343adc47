import { describe, expect, it } from 'vitest';
import { fixture, fixtureBytes, rows, summary } from '../test-support.js';
import { parseQti, parseQtiItems } from './qti.js';

const en = { locale: 'en' as const };
const item = (name: string) => ({ name, text: fixture(`qti2/${name}`) });

describe('parseQti on QTI 2.1 items written for these tests', () => {
  it('choice.xml alone: its picture is outside the file, so the item is refused with the way forward', () => {
    const r = parseQti(fixture('qti2/choice.xml'), { ...en, fileName: 'choice.xml' });
    expect(summary(r)).toEqual({ total: 1, imported: 0, skipped: 1 });
    expect(rows(r.errors)).toEqual([[1, 2, 'invalid', 'image.qti_single_file']]);
  });

  it('choice.xml with its picture (as in a package): single choice, the picture in the stem', () => {
    const r = parseQtiItems([item('choice.xml')], en, new Map([['media/exit-sign.png', fixtureBytes('images/green-sign.png')]]));
    expect(r.warnings).toEqual([]);
    expect(r.questions[0]).toMatchObject({
      type: 'single_choice',
      title: 'Fire exit sign',
      stem: {
        en: 'Look at the sign in the picture.\n\n![A green sign with a running figure](import:1)\n\nWhat should you do when you see it during an alarm?',
      },
      options: [
        { id: 'ChoiceA', text: { en: 'Wait at your desk for instructions.' } },
        { id: 'ChoiceB', text: { en: 'Follow it to the nearest way out.' } },
        { id: 'ChoiceC', text: { en: 'Take the lift to the ground floor.' } },
      ],
      correctOptionIds: ['ChoiceB'],
      sourceRef: { format: 'qti21', item: 1, line: 2, id: 'fire-exit', file: 'choice.xml' },
    });
  });

  it('choice_multiple.xml (CRLF): multiple response from cardinality="multiple", mapped scores reported', () => {
    const r = parseQti(fixture('qti2/choice_multiple.xml'), en);
    expect(r.errors).toEqual([]);
    expect(rows(r.warnings)).toEqual([[1, 2, 'dropped', 'qti.mapped_scores_dropped']]);
    expect(r.questions[0]).toMatchObject({
      type: 'multiple_response',
      stem: { en: 'Which of these make a password stronger?' },
      correctOptionIds: ['Long', 'Mixed'],
      partialCredit: true,
    });
    expect(r.questions[0]?.type === 'multiple_response' && r.questions[0].options.map((o) => o.id)).toEqual([
      'Long',
      'Reuse',
      'Birthday',
      'Mixed',
      'Short',
    ]);
  });

  it('text_entry.xml (CRLF): short text from correctResponse + full-score mapEntry, case-sensitive; the lower entry reported', () => {
    const r = parseQti(fixture('qti2/text_entry.xml'), en);
    expect(rows(r.warnings)).toEqual([[1, 2, 'dropped', 'answer.partial_dropped']]);
    expect(r.questions[0]).toMatchObject({ type: 'short_text', title: 'Proverb (missing word)', accepted: ['Rome'], caseSensitive: true });
    expect(r.questions[0]?.stem).toEqual({
      en: ['Complete the proverb about patience.', '', 'Good work takes time:', '_____ was not built in a day.'].join('\n'),
    });
  });

  it('order.xml: ordering, with the line break in the prompt folded', () => {
    const r = parseQti(fixture('qti2/order.xml'), en);
    expect(r.warnings).toEqual([]);
    expect(r.questions[0]).toMatchObject({
      type: 'ordering',
      stem: { en: 'Put the four steps of the improvement cycle in the order they are carried out.' },
      order: ['Plan', 'Do', 'Check', 'Act'],
    });
  });

  it('references-ruby.xml: character references decoded, ruby keeps its base text', () => {
    const r = parseQti(fixture('qti2/references-ruby.xml'));
    expect(r.errors).toEqual([]);
    expect(r.questions[0]).toMatchObject({
      stem: { ja: '名刺を渡すとき、相手から見て文字が正しく読める向きにするのはなぜですか。' },
      options: [
        { id: 'A', text: { ja: '相手がすぐに読めるようにするため。' } },
        { id: 'B', text: { ja: '規則で決まっているから。' } },
        { id: 'C', text: { ja: 'café で渡すときだけの作法だから。' } },
      ],
    });
  });

  it('a batch of item files: the extended text item is an essay; a broken file is reported per file', () => {
    const r = parseQtiItems(
      [
        item('choice.xml'),
        item('extended_text.xml'),
        item('text_entry.xml'),
        { name: 'broken.xml', text: '<assessmentItem identifier="x">\n<itemBody></assessmentItem>' },
        { name: 'qti1.xml', text: '<questestinterop><item/></questestinterop>' },
        { name: 'two.xml', text: twoInteractions },
      ],
      en,
      new Map([['media/exit-sign.png', fixtureBytes('images/green-sign.png')]]),
    );
    expect(summary(r)).toEqual({ total: 6, imported: 3, skipped: 3 });
    expect(r.errors.map((e) => [e.item, e.file, e.line, e.code, e.key])).toEqual([
      [4, 'broken.xml', 2, 'syntax', 'file.xml_not_well_formed'],
      [5, 'qti1.xml', 1, 'unsupported_type', 'qti.not_an_item_v1'],
      [6, 'two.xml', 1, 'unsupported_feature', 'qti.several_interactions'],
    ]);
    expect(r.questions.map((q) => [q.sourceRef.file, q.type])).toEqual([
      ['choice.xml', 'single_choice'],
      ['extended_text.xml', 'essay'],
      ['text_entry.xml', 'short_text'],
    ]);
  });

  it('numeric text entry', () => {
    const xml = `<assessmentItem identifier="n" title="N">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float"><correctResponse><value>2.5</value></correctResponse></responseDeclaration>
  <itemBody><p>5 ÷ 2 = <textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
</assessmentItem>`;
    const r = parseQti(xml, en);
    expect(r.questions[0]).toMatchObject({ type: 'numeric', stem: { en: '5 ÷ 2 = _____' }, answer: { value: 2.5, tolerance: 0 } });
  });
});

const twoInteractions = `<assessmentItem identifier="two" title="Two">
  <responseDeclaration identifier="R1" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
  <responseDeclaration identifier="R2" cardinality="single" baseType="string"><correctResponse><value>x</value></correctResponse></responseDeclaration>
  <itemBody>
    <choiceInteraction responseIdentifier="R1" maxChoices="1"><simpleChoice identifier="A">A</simpleChoice><simpleChoice identifier="B">B</simpleChoice></choiceInteraction>
    <p>Why? <textEntryInteraction responseIdentifier="R2"/></p>
  </itemBody>
</assessmentItem>`;
