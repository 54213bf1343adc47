/**
 * `npm run content:check [-- --coverage=report|enforce] [--dir <folder>] [--packages <folder>] [--similarity]`:
 * checks content/catalog and the level packages of content/packages (against that catalog), and
 * prints ONE JSON line (the report, with `packages`: each level's figures); exits 1 on any failure.
 * Coverage is enforced by default; `--coverage=report` lists the shortfalls without failing (the
 * catalog is still being written). `--dir` alone checks another catalog folder without packages.
 * `--similarity` prints instead the 20 most similar stem pairs (to tune the near-duplicate threshold).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCatalog, checkContent } from '../check.js';
import { CONTENT_RULES, type CoverageMode } from '../config.js';
import { similarPairs } from '../rules/duplicates.js';
import { CATALOG_FOLDER, loadCatalogFolder, loadPackagesFolder, PACKAGES_FOLDER } from '../fs.js';

const { values } = parseArgs({
  options: {
    coverage: { type: 'string', default: 'enforce' },
    dir: { type: 'string' },
    packages: { type: 'string' },
    similarity: { type: 'boolean', default: false },
  },
});
if (values.coverage !== 'report' && values.coverage !== 'enforce') {
  process.stderr.write('--coverage is report or enforce\n');
  process.exit(2);
}
const root = join(import.meta.dirname, '..', '..', '..', '..');
const dir = values.dir ?? join(root, CATALOG_FOLDER);
const catalog = loadCatalogFolder(dir);
if (values.similarity) {
  const items = catalog.items;
  for (const p of similarPairs(
    items.map((i) => [i.question.stem.ja ?? '', i.question.stem.en ?? '']),
    CONTENT_RULES.nearDuplicate.n,
    0.3,
  ).slice(0, 20))
    process.stdout.write(`${p.similarity}\t${items[p.a]!.id}\t${items[p.b]!.id}\n`);
} else {
  // Another catalog folder (--dir) is checked alone unless its packages are named too.
  const packagesDir = values.packages ?? (values.dir ? null : join(root, PACKAGES_FOLDER));
  const mode = values.coverage as CoverageMode;
  const report = packagesDir ? checkContent(catalog, loadPackagesFolder(packagesDir), mode) : checkCatalog(catalog, mode);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = report.ok ? 0 : 1;
}
