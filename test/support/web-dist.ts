import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@manabi/api/local';

/** The built SPA the browser tests load; `npm test` builds it before the tests run. */
export function webDist(): string {
  const dist = join(repoRoot(), 'web', 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing: run the build first (npm test does)');
  return dist;
}
