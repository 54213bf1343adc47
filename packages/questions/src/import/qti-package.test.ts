import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureBytes, rows, summary } from '../test-support.js';
import { isZip, PACKAGE_LIMITS, parseQtiPackage } from './qti-package.js';

const manifest = (resources: string) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m">
  <organizations/>
  <resources>${resources}</resources>
</manifest>`;
const resource = (href: string, type = 'imsqti_item_xmlv3p0') =>
  `<resource identifier="${href}" type="${type}" href="${href}"><file href="${href}"/></resource>`;

describe('parseQtiPackage', () => {
  it('reads the items the manifest lists (2.1 and 3.0 together), and reports a listed file that is missing', () => {
    const zip = zipSync({
      'imsmanifest.xml': strToU8(
        manifest(
          resource('items/kaigi.xml') +
            resource('items/order.xml') +
            resource('items/fire.xml', 'imsqti_item_xmlv2p1') +
            resource('items/gone.xml', 'imsqti_item_xmlv2p2') +
            resource('tests/test.xml', 'imsqti_test_xmlv3p0'),
        ),
      ),
      'items/kaigi.xml': strToU8(fixture('qti3/choice.xml')),
      'items/order.xml': strToU8(fixture('qti3/order.xml')),
      'items/fire.xml': strToU8(fixture('qti2/choice.xml')),
      'items/media/exit-sign.png': fixtureBytes('images/green-sign.png'),
      'tests/test.xml': strToU8('<qti-assessment-test identifier="t"/>'),
    });
    expect(isZip(zip)).toBe(true);
    const r = parseQtiPackage(zip);
    expect(summary(r)).toEqual({ total: 3, imported: 3, skipped: 0 });
    expect(r.questions.map((q) => [q.title, q.sourceRef.file])).toEqual([
      ['会議の議事録', 'items/kaigi.xml'],
      ['報告の順序', 'items/order.xml'],
      ['Fire exit sign', 'items/fire.xml'],
    ]);
    expect(rows(r.errors)).toEqual([['file', undefined, 'unreadable', 'package.missing_file']]);
  });

  it('without a manifest, reads every XML file that holds an item', () => {
    const zip = zipSync({ 'a.xml': strToU8(fixture('qti3/text-entry.xml')), 'notes.xml': strToU8('<notes/>'), 'b.txt': strToU8('x') });
    expect(parseQtiPackage(zip).questions.map((q) => q.title)).toEqual(['KPI']);
  });

  it('refuses a broken zip, an empty package and one that unpacks too large', () => {
    expect(rows(parseQtiPackage(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])).errors)[0]?.[3]).toBe('package.unreadable_zip');
    expect(rows(parseQtiPackage(zipSync({ 'imsmanifest.xml': strToU8(manifest('')) })).errors)).toEqual([
      ['file', undefined, 'unreadable', 'package.no_items'],
    ]);
    const big = zipSync({ 'big.xml': new Uint8Array(PACKAGE_LIMITS.bytes + 1) }, { level: 9 });
    expect(rows(parseQtiPackage(big).errors)[0]?.[3]).toBe('package.too_big');
  });
});
