/**
 * `npm run content:check [-- --coverage=report|enforce] [--dir <folder>] [--similarity]`: checks
 * content/catalog and prints ONE JSON line (the report); exits 1 on any failure. Coverage is
 * enforced by default; `--coverage=report` lists the shortfalls without failing (the catalog is
 * still being written). `--similarity` prints instead the 20 most similar stem pairs (to tune the
 * near-duplicate threshold).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCatalog } from '../check.js';
import { CONTENT_RULES, type CoverageMode } from '../config.js';
import { similarPairs } from '../rules/duplicates.js';
import { CATALOG_FOLDER, loadCatalogFolder } from '../fs.js';

const { values } = parseArgs({
  options: { coverage: { type: 'string', default: 'enforce' }, dir: { type: 'string' }, similarity: { type: 'boolean', default: false } },
});
if (values.coverage !== 'report' && values.coverage !== 'enforce') {
  process.stderr.write('--coverage is report or enforce\n');
  process.exit(2);
}
const dir = values.dir ?? join(import.meta.dirname, '..', '..', '..', '..', CATALOG_FOLDER);
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
  const report = checkCatalog(catalog, values.coverage as CoverageMode);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = report.ok ? 0 : 1;
}
