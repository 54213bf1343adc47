import { describe, expect, it } from 'vitest';
import { exportGift } from '../export/gift.js';
import { exportMoodleXml } from '../export/moodle-xml.js';
import { exportQti } from '../export/qti.js';
import { learnerView } from '../learner-view.js';
import type { Question } from '../model.js';
import { withoutSource } from '../test-support.js';
import { parseGift } from './gift.js';
import { parseMoodleXml } from './moodle-xml.js';
import { parseQtiItems } from './qti.js';
import type { ImportResult } from './types.js';

/** How many questions of each type a file gave. */
const countByType = (r: ImportResult): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const q of r.questions) counts[q.type] = (counts[q.type] ?? 0) + 1;
  return counts;
};

// One bank in each format with every type the importers accept side by side: the two new type
// families (matching and cloze; essay and description) must not shadow each other.
const moodleXml = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Onboarding</text></category></question>
  <question type="description">
    <name><text>Intro</text></name>
    <questiontext format="html"><text><![CDATA[<p>The next questions are about the first week.</p>]]></text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>Choice</text></name>
    <questiontext format="html"><text>Who do you report to first?</text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>Your manager</text></answer>
    <answer fraction="0"><text>The CEO</text></answer>
  </question>
  <question type="matching">
    <name><text>Tools</text></name>
    <questiontext format="html"><text>Match each task with its tool.</text></questiontext>
    <subquestion format="html"><text>Book a room</text><answer><text>Calendar</text></answer></subquestion>
    <subquestion format="html"><text>Claim travel</text><answer><text>Expense system</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Fax machine</text></answer></subquestion>
  </question>
  <question type="cloze">
    <name><text>Email</text></name>
    <questiontext format="html"><text><![CDATA[<p>Start with {1:SHORTANSWER:=the conclusion} and answer within {1:NUMERICAL:=24:0} hours.</p>]]></text></questiontext>
  </question>
  <question type="essay">
    <name><text>Reflection</text></name>
    <questiontext format="html"><text>What did you learn in your first week?</text></questiontext>
    <defaultgrade>4.0000000</defaultgrade>
    <maxwordlimit>200</maxwordlimit>
    <graderinfo format="html"><text>GRADER-ONLY: look for one concrete example.</text></graderinfo>
  </question>
  <question type="calculated">
    <name><text>Formula</text></name>
    <questiontext format="html"><text>{a} + {b} = ?</text></questiontext>
  </question>
</quiz>
`;

const gift = [
  '::Intro:: This part is about meetings.',
  '::Choice:: Who opens the meeting? {=The chair ~Anyone}',
  '::Pairs:: Match each role. {=Chair -> opens the meeting =Scribe -> writes the minutes = -> brings coffee}',
  '::Essay:: Summarise your last meeting. {}',
  '::Broken:: Never closed {=a ~b',
].join('\n\n');

describe('a file with matching, cloze, essay and description items together', () => {
  it('Moodle XML: imports each type, reports the one it cannot, and counts them per type', () => {
    const r = parseMoodleXml(moodleXml, { locale: 'en' });
    expect({ total: r.total, imported: r.questions.length, skipped: r.skipped }).toEqual({ total: 6, imported: 5, skipped: 1 });
    expect(countByType(r)).toEqual({ description: 1, single_choice: 1, matching: 1, cloze: 1, essay: 1 });
    expect(r.errors.map((e) => [e.item, e.code])).toEqual([[6, 'unsupported_type']]);
    const byType = Object.fromEntries(r.questions.map((q) => [q.type, q]));
    expect(byType['matching']).toMatchObject({ prompts: [{ id: 'p1' }, { id: 'p2' }], choices: [{}, {}, {}] });
    expect(byType['cloze']).toMatchObject({
      blanks: [
        { id: '1', kind: 'text' },
        { id: '2', kind: 'numeric', value: 24 },
      ],
    });
    expect(byType['essay']).toMatchObject({ rubric: [{ maxPoints: 4 }], maxWords: 200 });
  });

  it('GIFT: matching, essay and description import beside a choice; the broken item is the one refused', () => {
    const r = parseGift(gift, { locale: 'en' });
    expect({ total: r.total, imported: r.questions.length, skipped: r.skipped }).toEqual({ total: 5, imported: 4, skipped: 1 });
    expect(countByType(r)).toEqual({ description: 1, single_choice: 1, matching: 1, essay: 1 });
    expect(r.errors.map((e) => e.name)).toEqual(['Broken']);
  });

  it('exports say per item what a format cannot hold, and what they hold imports back as the same types', () => {
    const questions = withoutSource(parseMoodleXml(moodleXml, { locale: 'en' }).questions);
    const index = (type: Question['type']) => questions.findIndex((q) => q.type === type) + 1;

    const moodle = exportMoodleXml(questions, { locale: 'en' });
    expect(moodle.exported).toBe(5);
    expect(countByType(parseMoodleXml(moodle.text, { locale: 'en' }))).toEqual({
      description: 1,
      single_choice: 1,
      matching: 1,
      cloze: 1,
      essay: 1,
    });

    // GIFT has no cloze: that item is listed as skipped, the rest come back.
    const giftOut = exportGift(questions, { locale: 'en' });
    expect(giftOut.warnings.filter((w) => w.code === 'skipped').map((w) => w.index)).toEqual([index('cloze')]);
    expect(countByType(parseGift(giftOut.text, { locale: 'en' }))).toEqual({ description: 1, single_choice: 1, matching: 1, essay: 1 });

    // QTI items are questions to answer: the description is listed as skipped.
    const qti = exportQti(questions, { locale: 'en' });
    expect(qti.warnings.filter((w) => w.code === 'skipped').map((w) => w.index)).toEqual([index('description')]);
    expect(countByType(parseQtiItems(qti.files, { locale: 'en' }))).toEqual({ single_choice: 1, matching: 1, cloze: 1, essay: 1 });
  });

  it('the learner views of all of them carry no key, accepted answer or graders’ notes', () => {
    const questions = parseMoodleXml(moodleXml, { locale: 'en' }).questions;
    const views = JSON.stringify(questions.map((q) => learnerView(q, 'en')));
    for (const secret of ['GRADER-ONLY', 'the conclusion', '"key"', 'accepted', 'correctOptionId', '"value"', 'graderNotes']) {
      expect(views, secret).not.toContain(secret);
    }
    expect(views).toContain('Expense system');
  });
});
