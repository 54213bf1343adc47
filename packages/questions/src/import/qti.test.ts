import { describe, expect, it } from 'vitest';
import { fixture, rows, summary } from '../test-support.js';
import { parseQti, parseQtiItems } from './qti.js';

const en = { locale: 'en' as const };
const item = (name: string) => ({ name, text: fixture(`qti21/${name}`) });

describe('parseQti on the IMS QTI 2.1 example items', () => {
  it('choice.xml: single choice; the picture is reported', () => {
    const r = parseQti(fixture('qti21/choice.xml'), { ...en, fileName: 'choice.xml' });
    expect(summary(r)).toEqual({ total: 1, imported: 1, skipped: 0 });
    expect(rows(r.warnings)).toEqual([[1, 3, 'dropped', 'Image/media "images/sign.png" is not imported (the text is kept)']]);
    expect(r.questions[0]).toMatchObject({
      type: 'single_choice',
      title: 'Unattended Luggage',
      stem: { en: 'Look at the text in the picture.\n\nWhat does it say?' },
      options: [
        { id: 'ChoiceA', text: { en: 'You must stay with your luggage at all times.' } },
        { id: 'ChoiceB', text: { en: 'Do not let someone else look after your luggage.' } },
        { id: 'ChoiceC', text: { en: 'Remember your luggage when you leave.' } },
      ],
      correctOptionIds: ['ChoiceA'],
      sourceRef: { format: 'qti21', item: 1, line: 3, id: 'choice', file: 'choice.xml' },
    });
  });

  it('choice_multiple.xml (CRLF): multiple response from cardinality="multiple", mapped scores reported', () => {
    const r = parseQti(fixture('qti21/choice_multiple.xml'), en);
    expect(r.errors).toEqual([]);
    expect(rows(r.warnings)).toEqual([
      [1, 2, 'dropped', 'Mapped scores (H: 1, O: 1, Cl: -1) are not kept: Manabi gives (right − wrong picks) / 2 as partial credit'],
    ]);
    expect(r.questions[0]).toMatchObject({
      type: 'multiple_response',
      stem: { en: 'Which of the following elements are used to form water?' },
      correctOptionIds: ['H', 'O'],
      partialCredit: true,
    });
    expect(r.questions[0]?.type === 'multiple_response' && r.questions[0].options.map((o) => o.id)).toEqual([
      'H',
      'He',
      'C',
      'O',
      'N',
      'Cl',
    ]);
  });

  it('text_entry.xml (CRLF): short text from correctResponse + full-score mapEntry, case-sensitive; the 50% entry reported', () => {
    const r = parseQti(fixture('qti21/text_entry.xml'), en);
    expect(rows(r.warnings)).toEqual([[1, 2, 'dropped', 'Partial-credit answer "york" (50%) is not kept']]);
    expect(r.questions[0]).toMatchObject({ type: 'short_text', title: 'Richard III (Take 3)', accepted: ['York'], caseSensitive: true });
    expect(r.questions[0]?.stem).toEqual({
      en: [
        "Identify the missing word in this famous quotation from Shakespeare's Richard III.",
        '',
        'Now is the winter of our discontent',
        'Made glorious summer by this sun of _____;',
        "And all the clouds that lour'd upon our house",
        'In the deep bosom of the ocean buried.',
      ].join('\n'),
    });
  });

  it('order.xml: ordering', () => {
    const r = parseQti(fixture('qti21/order.xml'), en);
    expect(r.warnings).toEqual([]);
    expect(r.questions[0]).toMatchObject({
      type: 'ordering',
      stem: {
        en: 'The following F1 drivers finished on the podium in the first ever Grand Prix of Bahrain. Can you rearrange them into the correct finishing order?',
      },
      order: ['DriverC', 'DriverA', 'DriverB'],
    });
  });

  it('a batch of item files: the extended text item and a broken file are reported per file', () => {
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
    );
    expect(summary(r)).toEqual({ total: 6, imported: 2, skipped: 4 });
    expect(r.errors.map((e) => [e.item, e.file, e.line, e.code, e.message])).toEqual([
      [2, 'extended_text.xml', 3, 'unsupported_type', 'Unsupported interaction "extendedTextInteraction": not imported'],
      [
        4,
        'broken.xml',
        2,
        'syntax',
        "Not well-formed XML: Expected closing tag 'itemBody' (opened in line 2, col 1) instead of closing tag 'assessmentItem'.",
      ],
      [5, 'qti1.xml', 1, 'unsupported_type', 'QTI 1.x (questestinterop) is not supported'],
      [
        6,
        'two.xml',
        1,
        'unsupported_feature',
        '2 interactions in one item (choiceInteraction, textEntryInteraction); Manabi questions have one answer',
      ],
    ]);
    expect(r.questions.map((q) => q.sourceRef.file)).toEqual(['choice.xml', 'text_entry.xml']);
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
