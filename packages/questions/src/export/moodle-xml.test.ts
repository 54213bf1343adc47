import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseMoodleXml } from '../import/moodle-xml.js';
import type { Question } from '../model.js';
import { abc, q, relabel, withoutSource } from '../test-support.js';
import { exportMoodleXml } from './moodle-xml.js';

const ja = { locale: 'ja' as const };

describe('Moodle XML export → import', () => {
  const bank: Question[] = [
    // No skill tags: written before the categorised questions.
    q({
      type: 'true_false',
      title: '名刺交換',
      stem: { ja: '名刺は目下から渡す。' },
      answer: false,
      feedback: { correct: { ja: '正解です' }, incorrect: { ja: '逆です：目下の人から渡します' } },
    }),
    q({ type: 'true_false', title: '確認', stem: { ja: '正しい？' }, answer: true, feedback: { correct: { ja: '正解' } } }),
    q({
      type: 'numeric',
      title: 'Balance',
      stem: { en: 'Balance in ¥?' },
      answer: { value: -12.5, tolerance: 0.5 },
      feedback: { correct: { en: 'Yes' }, incorrect: { en: 'No' } },
    }),
    // XML / HTML special characters and Japanese everywhere a text goes.
    q({
      type: 'single_choice',
      title: '報連相 & "ホウレンソウ" <1> \'引用\'',
      stem: { ja: '「報連相」の<b>連</b>は？ a < b && c > d, "quoted" \'single\' &amp; ]]>\n二行目\n\n次の段落' },
      options: [
        { id: 'a', text: { ja: '連絡 <連>' }, feedback: { ja: '正解 & 正しい' } },
        { id: 'b', text: { ja: '連携 "協力"' } },
        { id: 'c', text: { ja: 'x < 2 & y > 1' } },
      ],
      correctOptionIds: ['a'],
      feedback: { correct: { ja: '<正解>' }, incorrect: { ja: '"不正解"' } },
      explanation: { ja: '報告・連絡・相談 — 詳しくは<研修資料>を参照' },
      skillTags: ['ビジネスマナー/報連相', 'コミュニケーション', 'a & <b> "c"'],
    }),
    q({
      type: 'multiple_response',
      title: '個人情報',
      stem: { ja: '個人情報はどれ？（三つ）' },
      options: abc('ja', ['氏名', '評価', '所在地', '社員番号']),
      correctOptionIds: ['a', 'b', 'd'],
      partialCredit: true,
      skillTags: ['ビジネスマナー/報連相'],
    }),
    q({
      type: 'multiple_response',
      title: '一つだけ',
      stem: { ja: '一つ選ぶ複数選択' },
      options: abc('ja', ['一', '二']),
      correctOptionIds: ['b'],
      partialCredit: true,
      skillTags: ['情報セキュリティ'],
    }),
    q({
      type: 'short_text',
      title: 'OJT',
      stem: { ja: 'OJT は何の略？ _____' },
      accepted: ['On-the-Job Training', 'On the Job Training'],
      caseSensitive: true,
      feedback: { correct: { ja: 'その通り' }, incorrect: { ja: '第2章を参照' } },
      explanation: { ja: '職場で行う訓練です。' },
      skillTags: ['人材育成'],
    }),
    q({
      type: 'short_text',
      title: '読み',
      stem: { ja: '「相談」の読みは？' },
      accepted: ['そうだん', 'a < b & "c"'],
      feedback: { incorrect: { ja: 'ひらがなで' } },
      skillTags: ['人材育成'],
    }),
    // No title: the name is the start of the stem and comes back as the title.
    q({ type: 'numeric', stem: { ja: 'ごく小さい値は？\n（指数表記）' }, answer: { value: 1e-7, tolerance: 0 }, skillTags: ['人材育成'] }),
    q({
      type: 'ordering',
      title: '電話の手順',
      stem: { ja: '電話を受ける手順' },
      options: abc('ja', ['名乗る', '用件を聞く', '復唱する']),
      order: ['a', 'b', 'c'],
      feedback: { correct: { ja: '正しい順番です' }, incorrect: { ja: 'もう一度' } },
      explanation: { ja: '名乗る → 聞く → 復唱' },
      skillTags: ['電話応対'],
    }),
  ];

  it('gives back equal questions for every type', () => {
    const exported = exportMoodleXml(bank, ja);
    expect(exported.warnings).toEqual([]);
    expect(exported.exported).toBe(bank.length);
    expect(XMLValidator.validate(exported.text)).toBe(true);
    expect(exported.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')).toBe(true);
    // One category entry per change of category; the other skill tags are <tags>.
    expect(exported.text.match(/<question type="category">/g)).toHaveLength(4);
    expect(exported.text).toContain('<text>$course$/top/ビジネスマナー/報連相</text>');
    expect(exported.text).toContain('<text>a &amp; &lt;b&gt; &quot;c&quot;</text>');
    // Multiple response: 100 ÷ N per correct answer, −100 ÷ N per wrong one.
    expect(exported.text).toContain('<answer fraction="33.33333" format="html">');
    expect(exported.text).toContain('<answer fraction="-33.33333" format="html">');

    const back = parseMoodleXml(exported.text, ja);
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    const expected = bank.map((question, i) => {
      if (i === 2) return relabel(question, 'en', 'ja'); // the file has one language: the import's
      if (i === 8) return { ...question, title: 'ごく小さい値は？' };
      return question;
    });
    expect(withoutSource(back.questions)).toEqual(expected);
  });

  it('writes questions without a category first, and skill tags that are no category path as <tags>', () => {
    const tagged = q({ type: 'true_false', title: 'T', stem: { ja: '一' }, answer: true, skillTags: ['マナー'] });
    const untagged = q({ type: 'true_false', title: 'U', stem: { ja: '二' }, answer: true });
    // "a//b" is an escaped "/" for Moodle and " / " is trimmed: as a category they would come back changed.
    const slashes = q({ type: 'true_false', title: 'S', stem: { ja: '三' }, answer: true, skillTags: ['a//b', 'x / y', 'マナー'] });
    const exported = exportMoodleXml([tagged, untagged, slashes], ja);
    expect(exported.warnings).toEqual([]);
    const names = [...exported.text.matchAll(/<name>\s*<text>(.*)<\/text>/g)].map((m) => m[1]);
    expect(names).toEqual(['U', 'S', 'T']);
    expect(exported.text.match(/<question type="category">/g)).toHaveLength(1);
    const back = parseMoodleXml(exported.text, ja);
    expect(withoutSource(back.questions)).toEqual([untagged, slashes, tagged]);
  });

  it('writes ordering items in the correct order (Moodle reads the answer from it)', () => {
    const question = q({
      type: 'ordering',
      title: '手順',
      stem: { ja: '手順' },
      options: abc('ja', ['聞く', '名乗る', '復唱']),
      order: ['b', 'a', 'c'],
    });
    const exported = exportMoodleXml([question], ja);
    expect(exported.warnings).toEqual([]);
    expect(
      [...exported.text.matchAll(/<answer fraction="(\d)" format="html">\s*<text>&lt;p&gt;(.*)&lt;\/p&gt;<\/text>/g)].map((m) => [
        m[1],
        m[2],
      ]),
    ).toEqual([
      ['1', '名乗る'],
      ['2', '聞く'],
      ['3', '復唱'],
    ]);
    const back = parseMoodleXml(exported.text, ja);
    expect(withoutSource(back.questions)).toEqual([
      { ...question, options: abc('ja', ['名乗る', '聞く', '復唱']), order: ['a', 'b', 'c'] },
    ]);
  });

  it('skips short answers with "*" and lists what Moodle XML cannot carry', () => {
    const r = exportMoodleXml(
      [
        q({ type: 'short_text', title: 'Wild', stem: { ja: '記号' }, accepted: ['*', 'アスタリスク'] }),
        q({
          type: 'multiple_response',
          stem: { ja: '問', en: 'Q' },
          options: abc('ja', ['一', '二', '三']),
          correctOptionIds: ['a', 'b'],
          level: 'mid',
          difficultyPrior: 1,
        }),
        q({
          type: 'ordering',
          title: 'Order <b>',
          stem: { ja: '順番' },
          options: [
            { id: 'a', text: { ja: '一' }, feedback: { ja: '最初' } },
            { id: 'b', text: { ja: '二' } },
          ],
          order: ['a', 'b'],
        }),
        q({ type: 'true_false', stem: { ja: '制御\u0007文字\u0000' }, answer: true }),
      ],
      ja,
    );
    expect(r.exported).toBe(3);
    expect(r.warnings).toMatchObject([
      { index: 1, title: 'Wild', code: 'skipped', key: 'export.moodle_wildcard' },
      {
        index: 2,
        code: 'dropped',
        key: 'export.not_in_moodle',
      },
      {
        index: 3,
        title: 'Order <b>',
        code: 'dropped',
        key: 'export.not_in_moodle',
      },
      { index: 4, code: 'dropped', key: 'export.not_in_moodle' },
    ]);
    expect(XMLValidator.validate(r.text)).toBe(true);
    const back = parseMoodleXml(r.text, ja);
    expect(back.errors).toEqual([]);
    expect(back.questions.map((x) => [x.type, x.title, x.stem.ja])).toEqual([
      ['multiple_response', '問', '問'],
      ['ordering', 'Order', '順番'],
      ['true_false', '制御文字', '制御文字'],
    ]);
  });

  it('writes an empty quiz for no questions', () => {
    const r = exportMoodleXml([], ja);
    expect(r).toEqual({ text: '<?xml version="1.0" encoding="UTF-8"?>\n<quiz/>\n', exported: 0, warnings: [] });
    expect(parseMoodleXml(r.text, ja)).toMatchObject({ questions: [], errors: [], total: 0 });
  });
});
