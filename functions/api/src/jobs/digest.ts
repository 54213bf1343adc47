import { accountStatus, getTenantAccount, getUser, listPendingDigests, listTenantIds, outboxItem, sendDigestOnce } from '@manabi/data';
import { digestEmail, pendingByPerson } from '@manabi/upskilling';
import { mailContextFor } from '../services/branding.js';
import type { NotifyDeps } from '../services/notifications.js';
import { todayInJapan } from '../services/skill-standing.js';

export interface DigestRun {
  tenants: number;
  /** Digest emails sent by this run. */
  sent: number;
  /** People whose digest of the day had already gone out (their new items wait for tomorrow). */
  skipped: number;
}

/**
 * The daily digest: for every company, each person with undelivered digest items gets one email
 * listing them, once per day (Japan time): the claim on (digest, day, person), the email and the
 * removal of the listed items are one transaction. Reads one Query per company on the pending
 * index, never a scan. The cloud runs it on a schedule; the local server on an interval and on demand.
 */
export async function runDigest(deps: NotifyDeps, tenantIds?: string[]): Promise<DigestRun> {
  const run: DigestRun = { tenants: 0, sent: 0, skipped: 0 };
  const day = todayInJapan(deps.now());
  for (const tenantId of tenantIds ?? (await listTenantIds(deps.data.platform))) {
    // A suspended company (or one whose vendor is suspended) is sent nothing; its items wait.
    const account = await getTenantAccount(deps.data.platform, tenantId);
    if (!account || (await accountStatus(deps.data.platform, tenantId, account.vendorId)) !== 'active') continue;
    run.tenants += 1;
    const db = deps.data.clientFor({ tenantId });
    const pending = pendingByPerson(await listPendingDigests(db, day));
    if (pending.length === 0) continue;
    const mail = await mailContextFor(deps, tenantId);
    for (const { userId, entries } of pending) {
      const person = await getUser(db, userId);
      // Someone deactivated meanwhile is not emailed; their items expire (TTL).
      if (!person || person.status !== 'active') continue;
      const inbox = `${mail.baseUrl}/me/inbox`;
      const email = digestEmail(person.locale, person.name, day, entries, inbox);
      const now = deps.now().toISOString();
      const item = outboxItem(db, {
        to: person.email,
        fromName: mail.fromName,
        ...email,
        link: inbox,
        kind: 'digest',
        createdAt: now,
      }).item;
      if (await sendDigestOnce(db, userId, day, item, entries, now)) run.sent += 1;
      else run.skipped += 1;
    }
  }
  return run;
}
