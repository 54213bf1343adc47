import { describe, expect, it } from 'vitest';
import { resolveImportTokens, questionImageIds } from '../images.js';
import { parseMoodleXml } from '../import/moodle-xml.js';
import { parseQtiItems } from '../import/qti.js';
import { learnerView } from '../learner-view.js';
import type { QuestionOf } from '../model.js';
import { fixtureBytes, q } from '../test-support.js';
import { exportGift } from './gift.js';
import { exportMoodleXml } from './moodle-xml.js';
import { exportQti } from './qti.js';

// Images in the texts of the newer types: matching prompts and choices, a cloze stem, an essay's
// stem and graders' notes, a description. Each is found, exported with its bytes where the format
// carries files, and read back as an import token, like the stem and options of the older types.

const GREEN = fixtureBytes('images/green-sign.png');
const RED = fixtureBytes('images/red-arrow.png');
const SIGN = '0123456789abcdef';
const ARROW = 'abcdefghjkmnpqrs';
const images = new Map([
  [SIGN, { bytes: GREEN, contentType: 'image/png' }],
  [ARROW, { bytes: RED, contentType: 'image/png' }],
]);

const matching = q({
  type: 'matching',
  title: 'Signs',
  stem: { en: 'Match each sign with its meaning.' },
  prompts: [
    { id: 'p1', text: { en: `![green sign](file:${SIGN})` } },
    { id: 'p2', text: { en: `![red arrow](file:${ARROW})` } },
  ],
  choices: [
    { id: 'a', text: { en: 'Exit' } },
    { id: 'b', text: { en: 'This way' } },
  ],
  key: { p1: 'a', p2: 'b' },
}) as QuestionOf<'matching'>;
const cloze = q({
  type: 'cloze',
  title: 'Exit',
  stem: { en: `![green sign](file:${SIGN}) This sign marks the {{1}}, {{2}} metres away.` },
  blanks: [
    { id: '1', kind: 'text', accepted: ['exit'], caseSensitive: false },
    { id: '2', kind: 'numeric', value: 20, tolerance: 0 },
  ],
});
const essay = q({
  type: 'essay',
  title: 'Route',
  stem: { en: `Describe the route the arrow shows. ![red arrow](file:${ARROW})` },
  rubric: [{ id: 'overall', criterion: { en: 'Overall' }, maxPoints: 4 }],
  graderNotes: { en: `Full marks name the exit ![green sign](file:${SIGN})` },
});
const description = q({ type: 'description', title: 'Intro', stem: { en: `Look at this sign: ![green sign](file:${SIGN})` } });

describe('images in matching, cloze, essay and description texts', () => {
  it('are found in prompts, cloze stems, essay stems and graders’ notes', () => {
    expect(questionImageIds(matching)).toEqual([SIGN, ARROW]);
    expect(questionImageIds(cloze)).toEqual([SIGN]);
    expect(questionImageIds(essay)).toEqual([ARROW, SIGN]);
    expect(questionImageIds(description)).toEqual([SIGN]);
  });

  it('an import token in a prompt is swapped for the stored id like one in a stem', () => {
    const imported = { ...matching, prompts: [{ id: 'p1', text: { en: '![green sign](import:1)' } }, matching.prompts[1]!] };
    const resolved = resolveImportTokens(imported, new Map([[1, SIGN]]));
    expect(resolved.prompts[0]!.text).toEqual({ en: `![green sign](file:${SIGN})` });
  });

  it('the learner view keeps prompt and stem images but never the graders’ notes', () => {
    expect(learnerView(matching, 'en').prompts?.[0]?.text).toBe(`![green sign](file:${SIGN})`);
    expect(JSON.stringify(learnerView(essay, 'en'))).not.toContain('Full marks');
  });

  it('Moodle XML carries them as files and reads them back as import tokens', () => {
    const out = exportMoodleXml([matching, cloze, essay, description], { locale: 'en', images });
    expect(out.warnings.filter((w) => /image/i.test(w.message))).toEqual([]);
    const back = parseMoodleXml(out.text, { locale: 'en' });
    expect(back.errors).toEqual([]);
    expect(back.questions.map((x) => x.type)).toEqual(['matching', 'cloze', 'essay', 'description']);
    const [m, c, e, d] = back.questions;
    expect(m).toMatchObject({ prompts: [{ text: { en: expect.stringMatching(/^!\[green sign\]\(import:\d+\)$/) } }, {}] });
    expect(c?.stem.en).toMatch(/^!\[green sign\]\(import:\d+\) This sign marks the \{\{1\}\}, \{\{2\}\} metres away\.$/);
    expect(e?.stem.en).toMatch(/!\[red arrow\]\(import:\d+\)$/);
    expect(e).toMatchObject({ graderNotes: { en: expect.stringMatching(/!\[green sign\]\(import:\d+\)$/) } });
    expect(d?.stem.en).toMatch(/!\[green sign\]\(import:\d+\)$/);
    expect(back.images.map((i) => [...i.bytes].length).sort()).toEqual([GREEN.length, RED.length].sort());
  });

  it('QTI packages hold the images of matching prompts and cloze stems', () => {
    const out = exportQti([matching, cloze], { locale: 'en', images });
    expect(out.files.map((f) => (f.images ?? []).map((i) => i.name))).toEqual([
      [`images/${SIGN}.png`, `images/${ARROW}.png`],
      [`images/${SIGN}.png`],
    ]);
    const packageFiles = new Map(out.files.flatMap((f) => (f.images ?? []).map((i) => [i.name, i.bytes] as const)));
    const back = parseQtiItems(
      out.files.map((f) => ({ name: f.name, text: f.text })),
      { locale: 'en' },
      packageFiles,
    );
    expect(back.errors).toEqual([]);
    expect(back.questions[0]).toMatchObject({
      type: 'matching',
      prompts: [{ text: { en: expect.stringMatching(/^!\[green sign\]\(import:\d+\)$/) } }, {}],
    });
    expect(back.questions[1]?.stem.en).toMatch(/^!\[green sign\]\(import:\d+\) This sign marks the \{\{1\}\}, \{\{2\}\} metres away\.$/);
  });

  it('a QTI essay keeps the image of its scorer notes', () => {
    const out = exportQti([essay], { locale: 'en', images });
    const packageFiles = new Map(out.files.flatMap((f) => (f.images ?? []).map((i) => [i.name, i.bytes] as const)));
    const back = parseQtiItems(
      out.files.map((f) => ({ name: f.name, text: f.text })),
      { locale: 'en' },
      packageFiles,
    );
    expect(back.errors).toEqual([]);
    expect(back.questions[0]).toMatchObject({
      type: 'essay',
      stem: { en: expect.stringMatching(/!\[red arrow\]\(import:\d+\)$/) },
      graderNotes: { en: expect.stringMatching(/!\[green sign\]\(import:\d+\)$/) },
    });
    expect(back.images).toHaveLength(2);
  });

  it('GIFT writes them as alt text and says so per item', () => {
    const out = exportGift([matching, essay], { locale: 'en' });
    // GIFT escapes the colon of "[image: alt]".
    expect(out.text).toContain('=[image\\: green sign] -> Exit');
    expect(out.warnings.map((w) => [w.index, w.code, /images/.test(w.message)])).toEqual([
      [1, 'dropped', true],
      [2, 'dropped', true],
    ]);
  });
});
