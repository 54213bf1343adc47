import { describe, expect, it } from 'vitest';
import { ScormPackageError } from './errors.js';
import { checkPackage } from './package.js';
import { manifest12, zipOf } from './test-zip.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScormPackageError) return error.code;
    throw error;
  }
  return null;
};
const sco = manifest12('<resource identifier="R1" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource>');

describe('checkPackage', () => {
  it('accepts a package and reports its files and size', () => {
    const checked = checkPackage(zipOf({ 'imsmanifest.xml': sco, 'index.html': '<p>hi</p>' }));
    expect(checked.manifest.scos[0]!.launchPath).toBe('index.html');
    expect(checked.archive.entries.map((e) => e.path).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    expect(checked.totalBytes).toBeGreaterThan(0);
  });

  it('accepts a manifest with a byte order mark', () => {
    expect(checkPackage(zipOf({ 'imsmanifest.xml': `\uFEFF${sco}`, 'index.html': 'x' })).manifest.version).toBe('1.2');
  });

  it('needs imsmanifest.xml at the top, and says where a nested one is', () => {
    expect(codeOf(() => checkPackage(zipOf({ 'index.html': 'x' })))).toBe('no_manifest');
    expect(() => checkPackage(zipOf({ 'course/imsmanifest.xml': sco, 'course/index.html': 'x' }))).toThrow(/"course\/"/);
  });

  it('refuses a manifest that is not UTF-8', () => {
    expect(codeOf(() => checkPackage(zipOf({ 'imsmanifest.xml': new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]) })))).toBe('broken_manifest');
  });
});
