import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGift } from '../export/gift.js';
import { exportMoodleXml } from '../export/moodle-xml.js';
import { exportQti } from '../export/qti.js';
import { exportQuestionCsv } from '../export/csv.js';
import { parseQuestionCsv } from '../import/csv.js';
import { parseGift } from '../import/gift.js';
import { parseMoodleXml } from '../import/moodle-xml.js';
import { parseQti } from '../import/qti.js';
import { fixture, q } from '../test-support.js';
import { QUESTION_MESSAGES } from './catalog.js';
import { placeholdersOf, renderMessage, type MessageRef, type ParamValue, type QuestionMessageKey } from './render.js';

const KEYS = Object.keys(QUESTION_MESSAGES) as QuestionMessageKey[];
const isRef = (v: ParamValue): v is MessageRef => typeof v === 'object' && !Array.isArray(v) && 'key' in v;

/** Every key a message (and the messages inside it) uses, with the values it was given. */
function refsIn(ref: MessageRef): MessageRef[] {
  const nested = Object.values(ref.params).flatMap((v) => (Array.isArray(v) ? v : isRef(v) ? [v] : []));
  return [ref, ...nested.flatMap(refsIn)];
}

describe('the import / export message catalog', () => {
  it('has Japanese and English for every key, with the same placeholders in both', () => {
    expect(KEYS.length).toBeGreaterThan(150);
    for (const key of KEYS) {
      const { ja, en } = QUESTION_MESSAGES[key];
      expect(ja.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      // Japanese text, not English left in the ja UI (placeholders and symbols aside).
      expect(/[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]/.test(ja), `${key} ja: ${ja}`).toBe(true);
      expect(placeholdersOf(ja), key).toEqual(placeholdersOf(en));
    }
  });

  it('fills every placeholder from the values its uses pass (every fixture and export, both languages)', () => {
    const root = join(import.meta.dirname, '../../../../test/fixtures/questions');
    const results = [
      ...readdirSync(join(root, 'gift')).map((f) => parseGift(fixture(`gift/${f}`))),
      ...readdirSync(join(root, 'moodle-xml')).map((f) => parseMoodleXml(fixture(`moodle-xml/${f}`))),
      ...['qti2', 'qti3'].flatMap((dir) =>
        readdirSync(join(root, dir))
          .filter((f) => f.endsWith('.xml'))
          .map((f) => parseQti(fixture(`${dir}/${f}`))),
      ),
      parseQuestionCsv(fixture('manabi/questions.csv')),
      parseGift('Q {=a ~b\n\nR {~a ~b}\n\nS {#x}\n'),
      parseQuestionCsv('type,stem_ja,correct\nfoo,問,1\nsingle_choice,,9\n'),
      parseMoodleXml('<quiz><question type="calculated"><name><text>C</text></name></question></quiz>'),
    ];
    const issues = results.flatMap((r) => [...r.errors, ...r.warnings]);
    const exported = results.flatMap((r) => r.questions);
    const exportIssues = [
      ...exportGift(exported, { locale: 'ja' }).warnings,
      ...exportMoodleXml(exported, { locale: 'en' }).warnings,
      ...exportQti(exported, { locale: 'ja' }).warnings,
      ...exportQuestionCsv(exported).warnings,
    ];
    const refs = [...issues, ...exportIssues].flatMap((i) => refsIn({ key: i.key, params: i.params }));
    expect(new Set(refs.map((r) => r.key)).size).toBeGreaterThan(60);
    for (const ref of refs) {
      expect(Object.keys(ref.params).sort(), ref.key).toEqual(placeholdersOf(QUESTION_MESSAGES[ref.key].en));
      for (const locale of ['ja', 'en'] as const) expect(renderMessage(ref, locale), ref.key).not.toMatch(/\{[A-Za-z]+\}/);
    }
  });
});

describe('messages say what to do, in the person’s language', () => {
  const both = (ref: MessageRef) => ({ ja: renderMessage(ref, 'ja'), en: renderMessage(ref, 'en') });

  it('GIFT: an answer block that is not closed', () => {
    const [error] = parseGift('Capital of France? {=Paris ~Lyon\n').errors;
    expect(error).toMatchObject({ item: 1, line: 1, code: 'syntax', key: 'gift.braces' });
    expect(both(error!)).toEqual({
      ja: '答えの部分が「{」で始まり「}」で閉じていません。{ と } の対応を確かめてください（文字として使うときは \\{ \\} と書きます）',
      en: 'The answers must start with "{" and end with "}". Check that every { has its }; to write a brace as text, type \\{ or \\}.',
    });
    expect(error!.message).toBe(both(error!).en);
  });

  it('CSV: an unknown level names the accepted values', () => {
    const [error] = parseQuestionCsv('type,stem_ja,option1,option2,correct,level\nsingle_choice,問,A,B,1,部長\n').errors;
    expect(error).toMatchObject({ item: 1, column: 'level', key: 'csv.level_unknown' });
    expect(both(error!)).toEqual({
      ja: '階層「部長」はありません。pre_hire, new_hire, junior, mid, leader, manager か日本語の名前（内定者〜管理職）を入れてください',
      en: 'There is no level "部長". Enter one of pre_hire, new_hire, junior, mid, leader, manager, or its Japanese name.',
    });
  });

  it('Moodle XML: an unsupported type, and a schema issue worded per field', () => {
    const r = parseMoodleXml(
      '<quiz><question type="calculated"><name><text>C</text></name></question>' +
        '<question type="truefalse"><name><text>T</text></name><questiontext format="html"><text></text></questiontext>' +
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>',
    );
    expect(r.errors.map((e) => e.key)).toEqual(['xml.type_unsupported', 'schema.field']);
    expect(both(r.errors[0]!)).toEqual({
      ja: '種類「calculated」の問題には対応していないため、取り込みません。Manabi の問題の種類に作り直してください',
      en: 'Questions of type "calculated" are not supported and are not imported. Recreate it as one of Manabi’s question types.',
    });
    // The rule itself is worded at the edge (functions/api validation-messages.ts); the field is named here.
    expect(both(r.errors[1]!)).toEqual({
      ja: '問題文：Japanese or English text is required',
      en: 'Question text: Japanese or English text is required',
    });
  });

  it('QTI: a numbered blank without a declaration', () => {
    const item = (body: string) =>
      `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="g" title="G"><itemBody><p>${body}</p></itemBody></assessmentItem>`;
    const r = parseQti(item('A <textEntryInteraction responseIdentifier="R1"/> and <textEntryInteraction responseIdentifier="R2"/>'));
    expect(r.errors[0]).toMatchObject({ key: 'qti.gap_no_declaration' });
    expect(both(r.errors[0]!)).toEqual({
      ja: '空欄 1: 対応する正解の定義（responseDeclaration「R1」）がありません。ファイルが壊れていないか確かめてください',
      en: 'Blank 1: there is no response declaration "R1". Check that the file is complete.',
    });
  });

  it('export: what a format cannot hold is listed in the same language', () => {
    const tf = q({ type: 'true_false', stem: { ja: '正しい？', en: 'Right?' }, answer: true, level: 'junior' });
    const [note] = exportGift([tf], { locale: 'ja' }).warnings;
    expect(both(note!)).toEqual({
      ja: 'GIFT に含められないもの: 階層、英語の文章',
      en: 'Not in the GIFT file: level, the English text',
    });
  });
});
