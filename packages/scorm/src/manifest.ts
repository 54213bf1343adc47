import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ScormPackageError } from './errors.js';

export type ScormVersion = '1.2' | '2004';

/** One launchable SCO, in the default organization's order. */
export interface ScormSco {
  itemId: string;
  title: string;
  resourceId: string;
  /** Path of the launch file inside the package (decoded, `/` separated). */
  launchPath: string;
  /** Query string and fragment to launch it with (from the href and the item's parameters), e.g. `?page=1`. */
  launchQuery: string;
  /** SCORM 1.2 `adlcp:masteryscore` (0–100), which the runtime uses to decide passed/failed. */
  masteryScore: number | null;
}

export interface ScormManifest {
  version: ScormVersion;
  /** As written in `<schemaversion>` (or inferred from the namespaces when absent). */
  schemaVersion: string;
  identifier: string;
  title: string;
  organizationId: string;
  scos: ScormSco[];
  /** Every file a resource lists (decoded paths), each checked to exist. */
  files: string[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['organization', 'item', 'resource', 'file', 'dependency']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

const text = (value: unknown): string => {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && '#text' in value) return String((value as Node)['#text']).trim();
  return '';
};
const attr = (node: Node, name: string): string | undefined => {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value.trim() : undefined;
};
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const child = (node: Node, name: string): Node => {
  const value = node[name];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
};

export function detectVersion(schemaVersion: string, xml: string): { version: ScormVersion; schemaVersion: string } {
  const v = schemaVersion.replace(/\s+/g, ' ').trim();
  if (v === '1.2') return { version: '1.2', schemaVersion: v };
  if (/^2004 (3rd|4th) Edition$/i.test(v) || v === 'CAM 1.3') return { version: '2004', schemaVersion: v };
  if (v !== '')
    throw new ScormPackageError('unsupported_version', `SCORM version "${v}" is not supported (SCORM 1.2 and 2004 3rd/4th edition are)`);
  // Many SCORM 1.2 packages carry no metadata; their namespaces still say which version they are.
  if (xml.includes('adlcp_rootv1p2')) return { version: '1.2', schemaVersion: '1.2' };
  if (xml.includes('adlcp_v1p3')) return { version: '2004', schemaVersion: '2004 3rd Edition' };
  throw new ScormPackageError('unsupported_version', 'The manifest does not say which SCORM version it is');
}

/** True for hrefs that leave the package: URLs with a scheme, or protocol-relative ones. */
const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');

/**
 * Resolves an href against `xml:base` values (each relative to the one above) into a path inside
 * the package; null when it would leave it.
 */
export function resolveHref(bases: string[], href: string): { path: string; query: string } | null {
  const joined = [...bases.filter((b) => b !== ''), href].reduce((acc, part) => {
    if (isExternal(part) || part.startsWith('/')) return part;
    return acc === '' || acc.endsWith('/') ? acc + part : `${acc}/${part}`;
  }, '');
  if (isExternal(joined) || joined.startsWith('/')) return null;
  const cut = joined.search(/[?#]/);
  const rawPath = cut < 0 ? joined : joined.slice(0, cut);
  const query = cut < 0 ? '' : joined.slice(cut);
  const stack: string[] = [];
  for (const raw of rawPath.replaceAll('\\', '/').split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      segment = raw;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (stack.length === 0) return null;
      stack.pop();
    } else if (segment.includes('/') || segment.includes('\0')) return null;
    else stack.push(segment);
  }
  return stack.length ? { path: stack.join('/'), query } : null;
}

/** An item's `parameters` appended to its resource's href (IMS Content Packaging rules). */
export function withParameters(query: string, parameters: string | undefined): string {
  let p = (parameters ?? '').trim();
  if (!p) return query;
  if (p.startsWith('#')) return query.includes('#') ? query : query + p;
  if (p.startsWith('?')) p = p.slice(1);
  if (!p) return query;
  const hash = query.indexOf('#');
  const [q, h] = hash < 0 ? [query, ''] : [query.slice(0, hash), query.slice(hash)];
  return (q.includes('?') ? `${q}&${p}` : `?${p}`) + h;
}

/**
 * Reads and checks `imsmanifest.xml`: its SCORM version, the default organization and its SCOs,
 * each resource's files. `exists` says whether a path is a file of the package.
 */
export function parseManifest(xml: string, exists: (path: string) => boolean): ScormManifest {
  if (/<!ENTITY/i.test(xml)) throw new ScormPackageError('broken_manifest', 'The manifest declares XML entities, which are not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ScormPackageError(
      'broken_manifest',
      `imsmanifest.xml is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
      'imsmanifest.xml',
    );
  }
  const doc = parser.parse(xml) as Node;
  const manifest = child(doc, 'manifest');
  if (Object.keys(manifest).length === 0) throw new ScormPackageError('broken_manifest', 'imsmanifest.xml has no <manifest> element');

  const { version, schemaVersion } = detectVersion(text(child(manifest, 'metadata').schemaversion), xml);

  const organizations = child(manifest, 'organizations');
  const orgs = list(organizations.organization);
  const defaultId = attr(organizations, 'default');
  const org = orgs.find((o) => attr(o, 'identifier') === defaultId) ?? orgs[0];
  if (!org) throw new ScormPackageError('no_organization', 'The manifest has no organization (no course structure)');

  const resourcesNode = child(manifest, 'resources');
  const resources = new Map(list(resourcesNode.resource).map((r) => [attr(r, 'identifier') ?? '', r]));
  const bases = (r: Node) => [attr(manifest, 'base') ?? '', attr(resourcesNode, 'base') ?? '', attr(r, 'base') ?? ''];

  // Every file a resource lists must be in the package.
  const files: string[] = [];
  for (const r of resources.values()) {
    for (const f of list(r.file)) {
      const href = attr(f, 'href');
      if (!href || isExternal(href)) continue;
      const resolved = resolveHref(bases(r), href);
      if (!resolved) throw new ScormPackageError('unsafe_href', `The file "${href}" points outside the package`, href);
      if (!exists(resolved.path))
        throw new ScormPackageError('missing_file', `The manifest lists "${resolved.path}", which is not in the zip`, resolved.path);
      files.push(resolved.path);
    }
  }

  const scos: ScormSco[] = [];
  const visit = (items: Node[]) => {
    for (const item of items) {
      const ref = attr(item, 'identifierref');
      const resource = ref ? resources.get(ref) : undefined;
      const type = resource ? (attr(resource, 'scormtype') ?? attr(resource, 'scormType') ?? '').toLowerCase() : '';
      const href = resource ? attr(resource, 'href') : undefined;
      if (resource && type === 'sco' && href) {
        const resolved = resolveHref(bases(resource), href);
        if (!resolved) throw new ScormPackageError('unsafe_href', `The SCO "${href}" must be a file inside the package`, href);
        if (!exists(resolved.path))
          throw new ScormPackageError('missing_launch_file', `The launch file "${resolved.path}" is not in the zip`, resolved.path);
        const mastery = Number.parseFloat(text(item.masteryscore));
        scos.push({
          itemId: attr(item, 'identifier') ?? ref!,
          title: text(item.title) || ref!,
          resourceId: ref!,
          launchPath: resolved.path,
          launchQuery: withParameters(resolved.query, attr(item, 'parameters')),
          masteryScore: Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery : null,
        });
      }
      visit(list(item.item));
    }
  };
  visit(list(org.item));
  if (scos.length === 0) throw new ScormPackageError('no_sco', 'The default organization launches no SCO');

  return {
    version,
    schemaVersion,
    identifier: attr(manifest, 'identifier') ?? '',
    title: text(org.title) || attr(manifest, 'identifier') || scos[0]!.title,
    organizationId: attr(org, 'identifier') ?? '',
    scos,
    files,
  };
}
