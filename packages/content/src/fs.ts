import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadCatalog, type LoadedCatalog, type SourceFile } from './source.js';
import { loadPackages, type LoadedPackages } from './package-source.js';

/** content/catalog under the repository root. */
export const CATALOG_FOLDER = join('content', 'catalog');

/** content/packages under the repository root: one level package per file. */
export const PACKAGES_FOLDER = join('content', 'packages');

/** Every .yaml/.yml file under `dir` (paths relative to it, with forward slashes). */
export function readSourceFiles(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) out.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

export function loadCatalogFolder(dir: string): LoadedCatalog {
  return loadCatalog(readSourceFiles(dir));
}

export function loadPackagesFolder(dir: string): LoadedPackages {
  return loadPackages(readSourceFiles(dir));
}
