/**
 * `npm run reports:rebuild [-- --tenant <id>] [--repair] [--endpoint <url>]`: recounts every report
 * aggregate from raw data and prints, per company, one JSON line with the cells that differ from
 * the maintained ones (`--repair` corrects them). Uses the local data in `.data/` (stop `npm start`
 * first, or pass the running DynamoDB endpoint).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataAccess, DEFAULT_TABLE_NAME, listTenantIds } from '@manabi/data';
import { startDynamoLocal } from '@manabi/data/local';
import { rebuildTenant } from '../jobs/rebuild.js';

const { values } = parseArgs({
  options: { tenant: { type: 'string' }, repair: { type: 'boolean', default: false }, endpoint: { type: 'string' } },
});
const dataDir = process.env.MANABI_DATA_DIR ?? join(process.cwd(), '.data');
const dynamo = values.endpoint ? null : await startDynamoLocal({ dataDir: join(dataDir, 'dynamodb') });
try {
  const data = createDataAccess({ tableName: DEFAULT_TABLE_NAME, endpoint: values.endpoint ?? dynamo!.endpoint });
  let failed = false;
  for (const tenantId of values.tenant ? [values.tenant] : await listTenantIds(data.platform)) {
    const report = await rebuildTenant({ data }, tenantId, { repair: values.repair });
    failed ||= report.mismatches.length > 0 && !values.repair;
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  await dynamo?.stop();
}
