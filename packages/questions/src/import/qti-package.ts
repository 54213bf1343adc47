import { msg } from '../messages/render.js';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { decodeText } from './decode.js';
import { parseQtiItems } from './qti.js';
import { ImportCollector, issueText, type ImportOptions, type ImportResult } from './types.js';

/** Limits on what a package may unpack to (a small zip can expand to gigabytes). */
export const PACKAGE_LIMITS = { files: 5000, bytes: 100 * 1024 * 1024 };

/** A zip file starts with the local-file-header signature "PK\x03\x04". */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const manifestParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => name === 'resource' || name === 'file' || name === 'dependency',
});

/**
 * An IMS content package (zip): `imsmanifest.xml` lists the item files as resources of type
 * `imsqti_item_xmlv2p1`, `…v2p2` or `…v3p0`; each is decoded (BOM, XML declaration, detection)
 * and read by `parseQtiItems`. Without a manifest, every XML file in the zip that holds an
 * assessment item is read. A listed file missing from the zip is reported, not skipped silently.
 */
export function parseQtiPackage(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const refusal = new ImportCollector('qti21', options);
  let entries: Record<string, Uint8Array>;
  try {
    let count = 0;
    let total = 0;
    let tooBig = false;
    entries = unzipSync(bytes, {
      filter: (file) => {
        count += 1;
        total += file.originalSize;
        if (count > PACKAGE_LIMITS.files || total > PACKAGE_LIMITS.bytes) tooBig = true;
        return !tooBig && !file.name.endsWith('/');
      },
    });
    if (tooBig) {
      refusal.fileError(msg('package.too_big', { files: PACKAGE_LIMITS.files, megabytes: PACKAGE_LIMITS.bytes / 1024 / 1024 }));
      return refusal.result();
    }
  } catch {
    refusal.fileError(msg('package.unreadable_zip'));
    return refusal.result();
  }

  const names = Object.keys(entries);
  const manifestName = names.filter((n) => /(^|\/)imsmanifest\.xml$/i.test(n)).sort((a, b) => a.length - b.length)[0];
  const text = (name: string): string => decodeText(entries[name] ?? new Uint8Array()).text;
  const missing: string[] = [];
  let itemNames: string[];
  if (manifestName) {
    const base = manifestName.slice(0, manifestName.lastIndexOf('/') + 1);
    let manifest: { manifest?: { resources?: { resource?: Record<string, unknown>[] } } };
    try {
      manifest = manifestParser.parse(text(manifestName)) as typeof manifest;
    } catch {
      refusal.fileError(msg('package.manifest_unreadable'));
      return refusal.result();
    }
    const resources = manifest.manifest?.resources?.resource ?? [];
    itemNames = resources
      .filter((r) => /^imsqti_item_xmlv(2p1|2p2|3p0)$/.test(String(r['@type'] ?? '')))
      .map((r) => resolvePath(base, String(r['@base'] ?? ''), String(r['@href'] ?? '')));
    for (const name of itemNames) if (!(name in entries)) missing.push(name);
    itemNames = itemNames.filter((name) => name in entries);
  } else {
    itemNames = names.filter((n) => /\.xml$/i.test(n)).filter((n) => /<([\w.-]+:)?(assessmentItem|qti-assessment-item)\b/.test(text(n)));
  }
  const result = parseQtiItems(
    itemNames.map((name) => ({ name, text: text(name) })),
    options,
    new Map(Object.entries(entries)),
  );
  for (const name of missing) {
    result.errors.push({ item: 'file', code: 'unreadable', ...issueText(msg('package.missing_file', { name })) });
  }
  if (itemNames.length === 0 && missing.length === 0) {
    result.errors.push({
      item: 'file',
      code: 'unreadable',
      ...issueText(manifestName ? msg('package.no_items') : msg('package.no_manifest')),
    });
  }
  return result;
}

/** A resource's href against the manifest's folder and its xml:base, with "./" and "../" resolved. */
function resolvePath(base: string, xmlBase: string, href: string): string {
  const parts: string[] = [];
  for (const segment of `${base}${xmlBase && !xmlBase.endsWith('/') ? `${xmlBase}/` : xmlBase}${decodeURIComponentSafe(href)}`.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
