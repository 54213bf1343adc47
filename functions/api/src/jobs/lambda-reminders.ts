import { createDataAccess, scopedDataFromEnv } from '@manabi/data';
import { runDigest } from './digest.js';
import { runReminders } from './reminders.js';
import { cloudEnv } from '../cloud/env.js';

/**
 * Scheduled Lambda entry (EventBridge, daily) for the daily jobs the local server runs on an
 * interval: the reminders, and the notification digest when the schedule's input says
 * `{ "job": "digest" }`. One function for both keeps one bundle to build and deploy.
 */
const env = cloudEnv('reminders');
const data = createDataAccess({ tableName: env.TABLE_NAME, scoped: scopedDataFromEnv(env) });

export const handler = async (event?: { job?: string }) => {
  const deps = { data, config: { publicUrl: env.PUBLIC_URL }, now: () => new Date() };
  if (event?.job === 'digest') {
    const run = await runDigest(deps);
    console.log(JSON.stringify({ level: 'info', msg: 'digest', ...run }));
    return run;
  }
  const run = await runReminders(deps);
  console.log(JSON.stringify({ level: 'info', msg: 'reminders', ...run }));
  return run;
};
