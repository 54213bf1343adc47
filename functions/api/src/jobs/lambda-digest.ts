import { createDataAccess } from '@manabi/data';
import { runDigest } from './digest.js';

/** Scheduled Lambda entry (EventBridge, daily): the same job the local server runs on an interval. */
const data = createDataAccess({ tableName: process.env.TABLE_NAME ?? 'manabi' });

export const handler = async () => {
  const run = await runDigest({ data, config: { publicUrl: process.env.PUBLIC_URL ?? '' }, now: () => new Date() });
  console.log(JSON.stringify({ level: 'info', msg: 'digest', ...run }));
  return run;
};
