/**
 * `npm run catalog:publish [-- --table <name>] [--endpoint <url>] [--region <region>] [--dir <folder>] [--packages <folder>]`:
 * publishes content/catalog into the platform catalog bank of a table and the level packages of
 * content/packages into the catalog, by the same code the seed uses (new items and packages added,
 * changed ones updated by id, unchanged ones left alone), and prints one JSON line
 * `{ bankId, created, updated, unchanged, packages: { created, updated, unchanged } }`.
 *
 * - The cloud: `--table` (or TABLE_NAME) names the deployed table; credentials and region come
 *   from the usual AWS environment (`--region` or AWS_REGION; ap-northeast-1 by default).
 * - Locally: without a table or endpoint it starts DynamoDB Local on `.data/` (stop `npm start`
 *   first), or pass the running one with `--endpoint http://127.0.0.1:<port>`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataAccess, DEFAULT_TABLE_NAME } from '@manabi/data';
import { ensureTable, startDynamoLocal } from '@manabi/data/local';
import { catalogFolder, loadCatalogItems, packagesFolderBeside, publishCatalogFolder } from './catalog.js';

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    dir: { type: 'string' },
    packages: { type: 'string' },
  },
});
const table = values.table ?? process.env.TABLE_NAME;
const dir = values.dir ?? catalogFolder();
const packagesDir = values.packages ?? packagesFolderBeside(dir);
// Fails before touching any table when the folder does not load.
const items = loadCatalogItems(dir);
const local = !table && !values.endpoint;
const dataDir = process.env.MANABI_DATA_DIR ?? join(process.cwd(), '.data');
const dynamo = local ? await startDynamoLocal({ dataDir: join(dataDir, 'dynamodb') }) : null;
try {
  const endpoint = values.endpoint ?? dynamo?.endpoint;
  if (dynamo) await ensureTable(dynamo.endpoint, DEFAULT_TABLE_NAME);
  const data = createDataAccess({
    tableName: table ?? DEFAULT_TABLE_NAME,
    ...(endpoint ? { endpoint } : {}),
    ...((values.region ?? process.env.AWS_REGION) ? { region: values.region ?? process.env.AWS_REGION } : {}),
  });
  // Checks every item and package (the explicit command), and stamps the folders so the next start skips them.
  const summary = await publishCatalogFolder(data.platform, new Date().toISOString(), dir, packagesDir, { force: true });
  process.stdout.write(`${JSON.stringify({ table: table ?? DEFAULT_TABLE_NAME, items: items.length, ...summary })}\n`);
} finally {
  await dynamo?.stop();
}
