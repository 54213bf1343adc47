import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseMoodleXml } from '../import/moodle-xml.js';
import { parseQtiPackage } from '../import/qti-package.js';
import { fixtureBytes, q } from '../test-support.js';
import { exportQuestionCsv } from './csv.js';
import { exportGift } from './gift.js';
import { exportMoodleXml } from './moodle-xml.js';
import { exportQti } from './qti.js';

const GREEN = fixtureBytes('images/green-sign.png');
const RED = fixtureBytes('images/red-arrow.png');
const SIGN = '0123456789abcdef';
const ARROW = 'abcdefghjkmnpqrs';
const images = new Map([
  [SIGN, { bytes: GREEN, contentType: 'image/png' }],
  [ARROW, { bytes: RED, contentType: 'image/png' }],
]);
const pictured = q({
  type: 'single_choice',
  title: '非常口',
  stem: { ja: `![緑色の標識](file:${SIGN})` },
  options: [
    { id: 'a', text: { ja: '避難する' } },
    { id: 'b', text: { ja: `![赤い矢印](file:${ARROW})` } },
  ],
  correctOptionIds: ['a'],
  explanation: { ja: `標識 ![標識](file:${SIGN}) は出口を示す` },
});

describe('exporting questions with images', () => {
  it('Moodle XML embeds each image as a base64 <file> named by @@PLUGINFILE@@, and reads back with the same bytes', () => {
    const out = exportMoodleXml([pictured], { locale: 'ja', images });
    expect(out.warnings).toEqual([]);
    // The HTML is the text of <text>, escaped as every exported text is.
    expect(out.text).toContain(`&lt;img src=&quot;@@PLUGINFILE@@/${SIGN}.png&quot; alt=&quot;緑色の標識&quot;&gt;`);
    expect(out.text).toContain(`<file name="${SIGN}.png" path="/" encoding="base64">${Buffer.from(GREEN).toString('base64')}</file>`);
    const back = parseMoodleXml(out.text);
    expect(back.errors).toEqual([]);
    expect(back.questions[0]).toMatchObject({
      stem: { ja: '![緑色の標識](import:1)' },
      options: [{ text: { ja: '避難する' } }, { text: { ja: '![赤い矢印](import:2)' } }],
      explanation: { ja: '標識 ![標識](import:1) は出口を示す' },
    });
    expect(back.images.map((i) => [i.ref, i.name, [...i.bytes]])).toEqual([
      [1, `${SIGN}.png`, [...GREEN]],
      [2, `${ARROW}.png`, [...RED]],
    ]);
  });

  it('QTI 2.1 and 3.0 packages hold the images with manifest entries, and read back', () => {
    for (const version of ['2.1', '3.0'] as const) {
      const out = exportQti([pictured], { locale: 'ja', version, images });
      const [file] = out.files;
      expect(file?.images?.map((i) => i.name)).toEqual([`images/${SIGN}.png`, `images/${ARROW}.png`]);
      expect(out.manifest).toContain(`<file href="images/${SIGN}.png"/>`);
      expect(file?.text).toContain(`<img src="images/${SIGN}.png" alt="緑色の標識"/>`);
      const zip = zipSync({
        'imsmanifest.xml': strToU8(out.manifest),
        ...Object.fromEntries(out.files.flatMap((f) => [[f.name, strToU8(f.text)], ...(f.images ?? []).map((i) => [i.name, i.bytes])])),
      });
      const back = parseQtiPackage(zip);
      expect(back.errors).toEqual([]);
      expect(back.questions[0]).toMatchObject({
        stem: { ja: '![緑色の標識](import:1)' },
        options: [{}, { text: { ja: '![赤い矢印](import:2)' } }],
      });
      expect(back.images.map((i) => [...i.bytes])).toEqual([[...GREEN], [...RED]]);
    }
  });

  it('an image whose bytes are missing is written as its alt text and reported', () => {
    const out = exportMoodleXml([pictured], { locale: 'ja', images: new Map() });
    expect(out.warnings.map((w) => w.key)).toEqual(['export.not_in_moodle']);
  });

  it('GIFT and CSV write an image as its alt text and say so per question', () => {
    const gift = exportGift([pictured], { locale: 'ja' });
    expect(gift.text).toContain('[image\\: 緑色の標識]');
    expect(gift.warnings.map((w) => [w.index, w.code, w.key])).toEqual([[1, 'dropped', 'export.not_in_gift']]);
    const csv = exportQuestionCsv([pictured]);
    expect(csv.text).toContain('[image: 赤い矢印]');
    expect(csv.warnings.map((w) => [w.index, w.code, w.key])).toEqual([[1, 'dropped', 'export.csv_images']]);
  });
});
