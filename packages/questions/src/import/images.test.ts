import { describe, expect, it } from 'vitest';
import { QUESTION_IMAGE_MAX_BYTES } from '../images.js';
import { fixture, fixtureBytes, fixtureZip, rows, summary } from '../test-support.js';
import { parseGift } from './gift.js';
import { dataUri, resolveRelative } from './media.js';
import { parseMoodleXml } from './moodle-xml.js';
import { parseQtiPackage } from './qti-package.js';
import { parseQti } from './qti.js';

const GREEN = fixtureBytes('images/green-sign.png');
const RED = fixtureBytes('images/red-arrow.png');
const BLUE = fixtureBytes('images/blue-chart.png');
const images = (r: { images: { ref: number; item: number; name: string; contentType: string; size: number; bytes: Uint8Array }[] }) =>
  r.images.map(({ bytes, ...rest }) => ({ ...rest, bytes: [...bytes] }));

describe('images in Moodle XML (moodle-xml/images.xml)', () => {
  const r = parseMoodleXml(fixture('moodle-xml/images.xml'), { locale: 'auto' });

  it('imports an image-only stem and an image-only option with their <file>s; refuses a missing file and an SVG', () => {
    expect(summary(r)).toEqual({ total: 5, imported: 3, skipped: 2 });
    expect(rows(r.errors)).toEqual([
      [3, 45, 'invalid', 'image.moodle_missing'],
      [4, 57, 'invalid', 'image.svg'],
    ]);
    expect(rows(r.warnings)).toEqual([
      [5, 68, 'dropped', 'image.web_not_fetched_alt'],
      [5, 68, 'dropped', 'xml.file_dropped'],
    ]);
    expect(r.questions[0]).toMatchObject({
      type: 'single_choice',
      stem: { ja: '![緑色の非常口の標識](import:1)' },
      explanation: { ja: 'この標識 ![標識](import:1) は避難口を示します。' },
      options: [
        { id: 'a', text: { ja: '避難口の方向を示す' } },
        { id: 'b', text: { ja: '![赤い矢印](import:2)' } },
        { id: 'c', text: { ja: '消火器の場所を示す' } },
      ],
      correctOptionIds: ['a'],
    });
    expect(r.questions[1]).toMatchObject({
      type: 'true_false',
      stem: { en: 'The bar below is blue.\n\n![A blue bar](import:3)' },
      answer: true,
    });
    expect(r.questions[2]).toMatchObject({ stem: { en: 'Which city is shown? [A skyline at night]' } });
  });

  it('lists each image once, with its bytes (the same file in two texts is one image)', () => {
    expect(images(r)).toEqual([
      { ref: 1, item: 1, name: 'green-sign.png', contentType: 'image/png', size: 73, bytes: [...GREEN] },
      { ref: 2, item: 1, name: 'red-arrow.png', contentType: 'image/png', size: 74, bytes: [...RED] },
      { ref: 3, item: 2, name: 'embedded image (image/png)', contentType: 'image/png', size: 74, bytes: [...BLUE] },
    ]);
  });

  it('refuses an image over the limit and says the limit', () => {
    const big = new Uint8Array(QUESTION_IMAGE_MAX_BYTES + 1);
    big.set(GREEN);
    const xml = `<quiz><question type="truefalse"><name><text>Big</text></name><questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/big.png" alt="">]]></text><file name="big.png" path="/" encoding="base64">${Buffer.from(big).toString('base64')}</file></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>`;
    const out = parseMoodleXml(xml);
    expect(rows(out.errors)).toEqual([[1, 1, 'invalid', 'image.too_large']]);
    expect(out.images).toEqual([]);
  });
});

describe('images in QTI content packages', () => {
  it('QTI 2.2: resolves <img src> against the item file; an image missing from the package refuses its item', () => {
    const r = parseQtiPackage(fixtureZip('qti2/image-package'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 2, imported: 1, skipped: 1 });
    expect(rows(r.errors)).toEqual([[2, 3, 'invalid', 'image.qti_not_in_package_at']]);
    expect(r.questions[0]).toMatchObject({
      type: 'single_choice',
      title: '避難誘導',
      stem: { ja: '![緑色の標識](import:1)' },
      options: [
        { id: 'go', text: { ja: '標識の方向へ避難する' } },
        { id: 'stop', text: { ja: '![赤い矢印](import:2)' } },
        { id: 'wait', text: { ja: 'その場で待つ' } },
      ],
      correctOptionIds: ['go'],
    });
    expect(images(r)).toEqual([
      { ref: 1, item: 1, name: 'green-sign.png', contentType: 'image/png', size: 73, bytes: [...GREEN] },
      { ref: 2, item: 1, name: 'red-arrow.png', contentType: 'image/png', size: 74, bytes: [...RED] },
    ]);
  });

  it('QTI 3.0: an image in the prompt', () => {
    const r = parseQtiPackage(fixtureZip('qti3/image-package'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 1, imported: 1, skipped: 0 });
    expect(r.questions[0]).toMatchObject({ stem: { en: 'What colour is this bar? ![A bar](import:1)' }, correctOptionIds: ['blue'] });
    expect(images(r)).toEqual([{ ref: 1, item: 1, name: 'blue-chart.png', contentType: 'image/png', size: 74, bytes: [...BLUE] }]);
  });

  it('a single QTI XML file with a relative image says the package is needed', () => {
    const r = parseQti(fixture('qti2/image-package/items/evacuation.xml'), { fileName: 'evacuation.xml' });
    expect(rows(r.errors)).toEqual([[1, 3, 'invalid', 'image.qti_single_file']]);
  });
});

describe('images in GIFT (gift/images.gift)', () => {
  it('reads a data: URI, keeps the alt text of a web image (not fetched), refuses a file reference', () => {
    const r = parseGift(fixture('gift/images.gift'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 3, imported: 2, skipped: 1 });
    expect(r.questions.map((q) => q.stem)).toEqual([
      { ja: '![緑色の標識](import:1)' },
      { en: 'Which mountain is this? [A snow-capped mountain]' },
    ]);
    expect(rows(r.errors)).toEqual([[3, 12, 'invalid', 'image.gift_outside']]);
    expect(rows(r.warnings)).toEqual([[2, 9, 'dropped', 'image.web_not_fetched_alt']]);
    expect(images(r)).toEqual([
      { ref: 1, item: 1, name: 'embedded image (image/png)', contentType: 'image/png', size: 73, bytes: [...GREEN] },
    ]);
  });
});

describe('media helpers', () => {
  it('dataUri reads base64 and refuses broken base64', () => {
    expect(dataUri(`data:image/png;base64,${Buffer.from(GREEN).toString('base64')}`)).toEqual({
      bytes: GREEN,
      name: 'embedded image (image/png)',
    });
    expect(dataUri('data:image/png;base64,@@@')).toEqual({ missing: { key: 'image.data_uri_base64', params: {} } });
  });

  it('resolveRelative stays inside the package', () => {
    expect(resolveRelative('items/q1.xml', 'images/x.png')).toBe('items/images/x.png');
    expect(resolveRelative('items/q1.xml', '../shared/x%20y.png')).toBe('shared/x y.png');
    expect(resolveRelative('q1.xml', '../../etc/passwd')).toBeNull();
    expect(resolveRelative('q1.xml', '/abs.png')).toBeNull();
    expect(resolveRelative('q1.xml', 'file:///etc/passwd')).toBeNull();
  });
});
