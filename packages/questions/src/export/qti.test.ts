import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseQtiItems } from '../import/qti.js';
import type { Question } from '../model.js';
import { abc, q, relabel, rows, withoutSource } from '../test-support.js';
import { exportQti } from './qti.js';
import { parseQtiPackage } from '../import/qti-package.js';
import { strToU8, zipSync } from 'fflate';

const ja = { locale: 'ja' as const };

describe('QTI 2.1 export → import', () => {
  const bank: Question[] = [
    // XML special characters and Japanese in the title attribute, the itemBody and the choices.
    q({
      type: 'single_choice',
      title: '報連相 & "ホウレンソウ" <b> \'引用\'',
      stem: { ja: '「報連相」の<b>連</b>は？ a < b && c > d, "quoted" \'single\' &amp; ]]>\n二行目\n\n次の段落' },
      options: [
        { id: 'ChoiceA', text: { ja: '連絡 <連>' } },
        { id: 'ChoiceB', text: { ja: '連携 "協力"\n二行目' } },
        { id: 'choice_c.1', text: { ja: 'x < 2 & y > 1' } },
      ],
      correctOptionIds: ['ChoiceA'],
    }),
    q({
      type: 'multiple_response',
      title: '個人情報',
      stem: { ja: '個人情報はどれ？（全部選ぶ）' },
      options: abc('ja', ['氏名', '評価', '所在地']),
      correctOptionIds: ['a', 'c'],
    }),
    q({
      type: 'multiple_response',
      title: '部分点',
      stem: { ja: '部分点あり' },
      options: abc('ja', ['一', '二', '三', '四']),
      correctOptionIds: ['a', 'b', 'd'],
      partialCredit: true,
    }),
    q({
      type: 'ordering',
      title: '手順',
      stem: { ja: '電話を受ける手順' },
      options: abc('ja', ['聞く', '名乗る', '復唱']),
      order: ['b', 'a', 'c'],
    }),
    q({
      type: 'short_text',
      title: 'OJT',
      stem: { en: 'OJT stands for _____ (in English).' },
      accepted: ['On-the-Job Training', 'a < b & "c"'],
      caseSensitive: true,
    }),
    q({ type: 'short_text', title: '読み', stem: { ja: '「相談」の読みは\n_____\nです。' }, accepted: ['そうだん', 'ソウダン'] }),
    // No title: the QTI title (required) is the start of the stem and comes back as the title.
    q({ type: 'numeric', stem: { ja: '1 + 1 = _____' }, answer: { value: 2, tolerance: 0 } }),
    q({ type: 'numeric', title: '負の小数', stem: { ja: '残高は _____ 円' }, answer: { value: -12.5, tolerance: 0 } }),
  ];

  it('gives back equal questions for the types QTI supports', () => {
    const exported = exportQti(bank, ja);
    expect(exported.warnings).toEqual([]);
    expect(exported.exported).toBe(bank.length);
    expect(exported.files.map((f) => f.name)).toEqual(bank.map((_, i) => `item-00${i + 1}.xml`));
    for (const f of exported.files) expect(XMLValidator.validate(f.text)).toBe(true);
    expect(exported.files[0]?.text).toContain('title="報連相 &amp; &quot;ホウレンソウ&quot; &lt;b&gt; &apos;引用&apos;"');
    expect(exported.files[2]?.text).toContain('<mapEntry mapKey="c" mappedValue="-1"/>');

    const back = parseQtiItems(exported.files, ja);
    expect(back.errors).toEqual([]);
    // parseQti reports every mapping, even one that is exactly Manabi's partial credit.
    expect(rows(back.warnings)).toEqual([[3, 2, 'dropped', 'qti.mapped_scores_dropped']]);
    const expected = bank.map((question, i) => {
      if (i === 4) return relabel(question, 'en', 'ja'); // the files carry no language: the import's
      if (i === 6) return { ...question, title: '1 + 1 = _____' };
      return question;
    });
    expect(withoutSource(back.questions)).toEqual(expected);
    expect(back.questions.map((x) => x.sourceRef)).toEqual(
      bank.map((_, i) => ({ format: 'qti21', item: i + 1, line: 2, id: `item-00${i + 1}`, file: `item-00${i + 1}.xml` })),
    );
  });

  it('writes QTI 3.0 (qti- names) that reads back the same, and a package of either version imports whole', () => {
    const v3 = exportQti(bank, { ...ja, version: '3.0' });
    expect(v3.warnings).toEqual([]);
    for (const f of v3.files) expect(XMLValidator.validate(f.text)).toBe(true);
    expect(v3.files[0]?.text).toContain('<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"');
    expect(v3.files[0]?.text).toContain('<qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="1">');
    expect(v3.files[2]?.text).toContain('<qti-map-entry map-key="c" mapped-value="-1"/>');
    expect(v3.files[2]?.text).toContain('template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"');
    expect(v3.files.some((f) => /<(assessmentItem|choiceInteraction|simpleChoice|value)\b/.test(f.text))).toBe(false);
    expect(v3.manifest).toContain('type="imsqti_item_xmlv3p0"');

    const v2 = exportQti(bank, ja);
    for (const exported of [v2, v3]) {
      // What the export route zips: the manifest and the item files, in a folder to test relative paths.
      const zip = zipSync({
        'package/imsmanifest.xml': strToU8(exported.manifest),
        ...Object.fromEntries(exported.files.map((f) => [`package/${f.name}`, strToU8(f.text)])),
      });
      const back = parseQtiPackage(zip, ja);
      expect(back.errors).toEqual([]);
      expect(withoutSource(back.questions)).toEqual(withoutSource(parseQtiItems(v2.files, ja).questions));
    }
  });

  it('puts a text entry without a "_____" in the stem in a paragraph after it', () => {
    const question = q({ type: 'short_text', title: 'Capital', stem: { en: 'Capital of Japan?' }, accepted: ['Tokyo'] });
    const exported = exportQti([question], { locale: 'en' });
    expect(exported.files[0]?.text).toContain('<p>Capital of Japan?</p>\n    <p><textEntryInteraction responseIdentifier="RESPONSE"/></p>');
    const back = parseQtiItems(exported.files, { locale: 'en' });
    expect(withoutSource(back.questions)).toEqual([{ ...question, stem: { en: 'Capital of Japan?\n\n_____' } }]);
  });

  it('skips true/false and lists what QTI cannot carry', () => {
    const r = exportQti(
      [
        q({ type: 'true_false', title: 'TF', stem: { ja: '正しい？' }, answer: true }),
        q({
          type: 'numeric',
          title: '交通費',
          stem: { ja: '合計は？', en: 'Total?' },
          answer: { value: 3840, tolerance: 100 },
          feedback: { correct: { ja: '正解' } },
          explanation: { ja: '往復です' },
          skillTags: ['経費精算'],
          level: 'new_hire',
          difficultyPrior: -1,
        }),
        q({
          type: 'ordering',
          stem: { ja: '順番' },
          options: [
            { id: '1', text: { ja: '一' }, feedback: { ja: '最初' } },
            { id: '-2', text: { ja: '二' } },
            { id: 'x', text: { ja: '三' } },
          ],
          order: ['-2', '1', 'x'],
        }),
        q({
          type: 'single_choice',
          title: '制御',
          stem: { ja: '制御\u0007文字' },
          options: abc('ja', ['一', '二']),
          correctOptionIds: ['a'],
        }),
      ],
      ja,
    );
    expect(r.exported).toBe(3);
    expect(r.files.map((f) => f.name)).toEqual(['item-002.xml', 'item-003.xml', 'item-004.xml']);
    expect(r.warnings).toMatchObject([
      {
        index: 1,
        title: 'TF',
        code: 'skipped',
        key: 'export.qti_true_false',
      },
      {
        index: 2,
        title: '交通費',
        code: 'dropped',
        key: 'export.not_in_qti',
      },
      {
        index: 3,
        code: 'dropped',
        key: 'export.not_in_qti',
      },
      { index: 4, title: '制御', code: 'dropped', key: 'export.not_in_qti' },
    ]);
    const back = parseQtiItems(r.files, ja);
    expect(back.errors).toEqual([]);
    expect(back.questions[0]).toMatchObject({ type: 'numeric', stem: { ja: '合計は？\n\n_____' }, answer: { value: 3840, tolerance: 0 } });
    expect(back.questions[1]).toMatchObject({ type: 'ordering', options: abc('ja', ['一', '二', '三']), order: ['b', 'a', 'c'] });
    expect(back.questions[2]).toMatchObject({ type: 'single_choice', stem: { ja: '制御文字' } });
  });

  it('writes an IMS content package manifest listing the item files', () => {
    const r = exportQti([q({ type: 'numeric', title: 'N', stem: { ja: '_____' }, answer: { value: 1 } })], ja);
    expect(XMLValidator.validate(r.manifest)).toBe(true);
    expect(r.manifest).toContain(
      '<resource identifier="item-001" type="imsqti_item_xmlv2p1" href="item-001.xml">\n      <file href="item-001.xml"/>\n    </resource>',
    );
    expect(exportQti([], ja)).toMatchObject({ files: [], exported: 0, warnings: [] });
  });
});
