import { accountStatus, getTenantAccount } from '@manabi/data';
import { mailContextFor, type MailContext } from '../services/branding.js';
import type { LearningPackage } from '@manabi/upskilling';
import { refreshAssignmentState } from '../services/packages.js';
import { dueReminders, packageProgress, type CheckIn, type ReminderAssignment } from '@manabi/upskilling';
import {
  getPackage,
  listAssignmentsOfUser,
  listCheckInsOfUser,
  listTenantIds,
  listUsers,
  passedAssessments,
  sendReminderOnce,
  type TenantDb,
  type TransactItem,
  type UserRecord,
} from '@manabi/data';
import { deliveryItems } from '../services/notifications.js';
import type { AppConfig, AppDeps } from '../env.js';

/** What the job needs: storage, the clock, and where links point. */
export type JobDeps = Pick<AppDeps, 'data' | 'now'> & { config: Pick<AppConfig, 'publicUrl'> };
import { todayInJapan } from '../services/skill-standing.js';

export interface ReminderRun {
  tenants: number;
  sent: number;
  skipped: number;
}

const TEXT = {
  assignment_due_soon: {
    title: { ja: '研修の期限が近づいています', en: 'A package is due soon' },
    body: (name: string, due: string) => ({ ja: `「${name}」の期限は ${due} です。`, en: `"${name}" is due on ${due}.` }),
  },
  assignment_overdue: {
    title: { ja: '研修の期限を過ぎています', en: 'A package is overdue' },
    body: (name: string, due: string) => ({ ja: `「${name}」の期限（${due}）を過ぎています。`, en: `"${name}" was due on ${due}.` }),
  },
  check_in_due: {
    title: { ja: '振り返り面談の時期です', en: 'A check-in is due' },
    body: (_name: string, due: string) => ({
      ja: `${due} の振り返り面談を行いましょう。`,
      en: `Time for the check-in planned for ${due}.`,
    }),
  },
} as const;

/**
 * The reminder job: for every company, due-soon and overdue assignments and due check-ins become
 * an inbox message and an email, each exactly once (its key is claimed in the same transaction).
 * The cloud runs it on a schedule; the local server runs it on an interval. Never a request path.
 */
export async function runReminders(deps: JobDeps, tenantIds?: string[]): Promise<ReminderRun> {
  const run: ReminderRun = { tenants: 0, sent: 0, skipped: 0 };
  for (const tenantId of tenantIds ?? (await listTenantIds(deps.data.platform))) {
    // A suspended company (or one whose vendor is suspended) gets no reminders: its people cannot act on them.
    const account = await getTenantAccount(deps.data.platform, tenantId);
    if (!account || (await accountStatus(deps.data.platform, tenantId, account.vendorId)) !== 'active') continue;
    run.tenants += 1;
    const db = deps.data.clientFor({ tenantId });
    const users: UserRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsers(db, { status: 'active', limit: 200, cursor });
      users.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const mail = await mailContextFor(deps, tenantId);
    for (const user of users) {
      const outcome = await remindUser(deps, db, user, users, mail);
      run.sent += outcome.sent;
      run.skipped += outcome.skipped;
    }
  }
  return run;
}

async function remindUser(deps: JobDeps, db: TenantDb, user: UserRecord, everyone: UserRecord[], mail: MailContext) {
  const today = todayInJapan(deps.now());
  const names = new Map<string, string>();
  const assignments: ReminderAssignment[] = [];
  for (const a of await listAssignmentsOfUser(db, user.id)) {
    const pkg = (await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: db.tenantId }, a.packageId))?.package;
    if (!pkg) continue;
    const quizIds = pkg.modules.flatMap((m) => (m.kind === 'quiz' && m.assessmentId ? [m.assessmentId] : []));
    const progress = packageProgress(pkg, a.completions, await passedAssessments(db, user.id, quizIds), a.dueDate, today);
    // The day an assignment falls overdue nothing else writes it: store its state so reports count it.
    if (progress.overdue) await refreshAssignmentState(deps, db, user.id, a.packageId);
    const id = `${user.id}:${a.packageId}`;
    names.set(id, pkg.title.ja ?? pkg.title.en ?? '');
    assignments.push({ id, userId: user.id, dueDate: a.dueDate, done: progress.status === 'completed' });
  }
  const checkIns: CheckIn[] = (await listCheckInsOfUser(db, user.id)).map((c) => ({
    id: c.id,
    userId: c.userId,
    managerId: c.hostId,
    dueDate: c.dueDate,
    done: c.status === 'done',
  }));
  let sent = 0;
  let skipped = 0;
  for (const r of dueReminders(assignments, checkIns, today, [])) {
    const now = deps.now().toISOString();
    const text = TEXT[r.kind];
    const body = text.body(names.get(r.subjectId) ?? '', r.dueDate);
    // Each recipient's inbox message, and an email now, in the digest or not, as they chose.
    const items: TransactItem[] = [];
    for (const recipientId of r.recipientIds) {
      const recipient = everyone.find((u) => u.id === recipientId);
      if (!recipient) continue;
      const path = r.kind === 'check_in_due' ? '/me/checkins' : '/me';
      items.push(...(await deliveryItems(deps, db, recipient, { kind: r.kind, title: { ...text.title }, body, path }, mail)));
    }
    if (await sendReminderOnce(db, r.key, items, now)) sent += 1;
    else skipped += 1;
  }
  return { sent, skipped };
}
