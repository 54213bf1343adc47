import { describe, expect, it } from 'vitest';
import { ScormPackageError } from './errors.js';
import { detectVersion, parseManifest, resolveHref, withParameters } from './manifest.js';
import { manifest12 } from './test-zip.js';

const all = () => true;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScormPackageError) return error.code;
    throw error;
  }
  return null;
};

describe('detectVersion', () => {
  it.each([
    ['1.2', '1.2'],
    ['2004 3rd Edition', '2004'],
    ['2004 4th Edition', '2004'],
    ['CAM 1.3', '2004'],
  ])('%s → %s', (v, expected) => expect(detectVersion(v, '').version).toBe(expected));

  it('infers the version from the namespaces when the metadata is absent', () => {
    expect(detectVersion('', 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"').version).toBe('1.2');
    expect(detectVersion('', 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"').version).toBe('2004');
  });

  it('refuses other versions', () => {
    expect(codeOf(() => detectVersion('1.1', ''))).toBe('unsupported_version');
    expect(codeOf(() => detectVersion('', '<manifest/>'))).toBe('unsupported_version');
  });
});

describe('resolveHref and withParameters', () => {
  it.each([
    [['', 'content/', ''], 'index.html', { path: 'content/index.html', query: '' }],
    [['', '', 'pages/'], '../shared/x.js', { path: 'shared/x.js', query: '' }],
    [[''], 'a%20b.html?x=1#top', { path: 'a b.html', query: '?x=1#top' }],
    [[''], '../escape.html', null],
    [[''], 'https://example.com/sco.html', null],
    [['content/'], '/abs.html', null],
  ])('%j + %s', (bases, href, expected) => expect(resolveHref(bases, href)).toEqual(expected));

  it.each([
    ['', '?lang=ja', '?lang=ja'],
    ['?a=1', '?b=2', '?a=1&b=2'],
    ['?a=1', 'b=2', '?a=1&b=2'],
    ['', '#page2', '#page2'],
    ['?a=1#x', 'b=2', '?a=1&b=2#x'],
    ['', undefined, ''],
  ])('%s + %s → %s', (query, parameters, expected) => expect(withParameters(query, parameters)).toBe(expected));
});

describe('parseManifest', () => {
  it('reads a SCORM 1.2 package: default organization, SCO launch with xml:base and parameters, mastery score', () => {
    const xml = manifest12(
      `<resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource>`,
      `<item identifier="I1" identifierref="R1" parameters="?lang=ja"><title>Lesson</title><adlcp:masteryscore>80</adlcp:masteryscore></item>`,
    ).replace('<resources>', '<resources xml:base="content/">');
    const m = parseManifest(xml, (p) => p === 'content/index.html');
    expect(m).toMatchObject({ version: '1.2', title: 'Course', organizationId: 'O1', files: ['content/index.html'] });
    expect(m.scos).toEqual([
      { itemId: 'I1', title: 'Lesson', resourceId: 'R1', launchPath: 'content/index.html', launchQuery: '?lang=ja', masteryScore: 80 },
    ]);
  });

  it('picks the default organization and finds SCOs in nested items (SCORM 2004 scormType)', () => {
    const xml = `<manifest identifier="m" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
      <metadata><schemaversion>2004 4th Edition</schemaversion></metadata>
      <organizations default="B">
        <organization identifier="A"><title>First</title><item identifier="IA" identifierref="RA"/></organization>
        <organization identifier="B"><title>Second</title><item identifier="C"><title>Cluster</title><item identifier="IB" identifierref="RB"><title>B</title></item></item></organization>
      </organizations>
      <resources>
        <resource identifier="RA" adlcp:scormType="sco" href="a.html"/>
        <resource identifier="RB" adlcp:scormType="sco" href="b.html"/>
      </resources></manifest>`;
    const m = parseManifest(xml, all);
    expect(m.version).toBe('2004');
    expect(m.title).toBe('Second');
    expect(m.scos.map((s) => s.launchPath)).toEqual(['b.html']);
  });

  it.each([
    ['broken XML', '<manifest><organizations></manifest>', 'broken_manifest'],
    ['entities', '<!DOCTYPE m [<!ENTITY x "y">]><manifest/>', 'broken_manifest'],
    ['no manifest element', '<other/>', 'broken_manifest'],
    ['no organization', manifest12('').replace(/<organizations[\s\S]*<\/organizations>/, '<organizations/>'), 'no_organization'],
    ['only assets', manifest12('<resource identifier="R1" adlcp:scormtype="asset" href="a.html"/>'), 'no_sco'],
    ['an external SCO', manifest12('<resource identifier="R1" adlcp:scormtype="sco" href="https://evil.example/x.html"/>'), 'unsafe_href'],
  ])('refuses %s', (_name, xml, code) => expect(codeOf(() => parseManifest(xml, all))).toBe(code));

  it('refuses a missing launch file or a listed file not in the zip', () => {
    const sco = manifest12('<resource identifier="R1" adlcp:scormtype="sco" href="start.html"/>');
    expect(codeOf(() => parseManifest(sco, () => false))).toBe('missing_launch_file');
    const listed = manifest12('<resource identifier="R1" adlcp:scormtype="sco" href="start.html"><file href="img/logo.png"/></resource>');
    expect(codeOf(() => parseManifest(listed, (p) => p === 'start.html'))).toBe('missing_file');
  });
});
