import { ScormPackageError } from './errors.js';
import { parseManifest, type ScormManifest } from './manifest.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipArchive, type ZipLimits } from './zip.js';

export interface CheckedPackage {
  manifest: ScormManifest;
  archive: ZipArchive;
  /** Sum of the files' sizes. */
  totalBytes: number;
}

/**
 * Checks a whole package before anything of it is stored: the zip (paths, links, sizes), the
 * manifest, its SCOs and files. Throws a ScormPackageError naming the first problem.
 */
export function checkPackage(zip: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): CheckedPackage {
  const archive = openZip(zip, limits);
  const manifestEntry = archive.byPath.get('imsmanifest.xml') ?? archive.entries.find((e) => e.path.toLowerCase() === 'imsmanifest.xml');
  if (!manifestEntry) {
    const nested = archive.entries.find((e) => e.path.toLowerCase().endsWith('/imsmanifest.xml'));
    throw new ScormPackageError(
      'no_manifest',
      nested
        ? `imsmanifest.xml must be at the top of the zip, not in "${nested.path.slice(0, -'imsmanifest.xml'.length)}"`
        : 'The zip has no imsmanifest.xml: it is not a SCORM package',
      'imsmanifest.xml',
    );
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(archive.read(manifestEntry)).replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof ScormPackageError) throw error;
    throw new ScormPackageError('broken_manifest', 'imsmanifest.xml is not UTF-8 text', 'imsmanifest.xml');
  }
  const manifest = parseManifest(xml, (path) => archive.byPath.has(path));
  // Every file is read once here, so a damaged or lying entry is found before anything is stored.
  for (const entry of archive.entries) archive.read(entry);
  return { manifest, archive, totalBytes: archive.entries.reduce((n, e) => n + e.size, 0) };
}
