import { daysBetween } from './dates.js';

export interface ReminderAssignment {
  id: string;
  userId: string;
  dueDate: string | null;
  done: boolean;
}

/** A scheduled follow-up conversation between the learner and their manager. */
export interface CheckIn {
  id: string;
  userId: string;
  managerId: string | null;
  dueDate: string;
  done: boolean;
}

export type ReminderKind = 'assignment_due_soon' | 'assignment_overdue' | 'check_in_due';

export interface Reminder {
  /** Idempotency key: the job records it once sent and passes it back in `alreadySent`. */
  key: string;
  kind: ReminderKind;
  /** The assignment or check-in id. */
  subjectId: string;
  recipientIds: string[];
  dueDate: string;
  /** Negative when overdue. */
  daysUntilDue: number;
}

/** "Due soon" means due today or within this many days. */
export const DUE_SOON_DAYS = 3;

/**
 * The reminders a daily job should send now. Each is sent once per due date: the key contains
 * the due date, so moving a due date earns a fresh reminder while re-running the job does not.
 * - Open assignment due in 0–3 days: `assignment:<id>:due-soon:<dueDate>`.
 * - Open assignment past its due date: `assignment:<id>:overdue:<dueDate>` (to the learner).
 * - Open check-in due today or earlier: `check-in:<id>:due:<dueDate>` (to the learner and manager).
 * Keys in `alreadySent` are left out. Ordered by due date, then key.
 */
export function dueReminders(
  assignments: readonly ReminderAssignment[],
  checkIns: readonly CheckIn[],
  today: string,
  alreadySent: Iterable<string>,
): Reminder[] {
  const sent = new Set(alreadySent);
  const reminders = new Map<string, Reminder>();
  const add = (reminder: Reminder) => {
    if (!sent.has(reminder.key) && !reminders.has(reminder.key)) reminders.set(reminder.key, reminder);
  };

  for (const a of assignments) {
    if (a.done || a.dueDate === null) continue;
    const daysUntilDue = daysBetween(today, a.dueDate);
    if (daysUntilDue < 0)
      add({
        key: `assignment:${a.id}:overdue:${a.dueDate}`,
        kind: 'assignment_overdue',
        subjectId: a.id,
        recipientIds: [a.userId],
        dueDate: a.dueDate,
        daysUntilDue,
      });
    else if (daysUntilDue <= DUE_SOON_DAYS)
      add({
        key: `assignment:${a.id}:due-soon:${a.dueDate}`,
        kind: 'assignment_due_soon',
        subjectId: a.id,
        recipientIds: [a.userId],
        dueDate: a.dueDate,
        daysUntilDue,
      });
  }
  for (const c of checkIns) {
    if (c.done) continue;
    const daysUntilDue = daysBetween(today, c.dueDate);
    if (daysUntilDue > 0) continue;
    add({
      key: `check-in:${c.id}:due:${c.dueDate}`,
      kind: 'check_in_due',
      subjectId: c.id,
      recipientIds: c.managerId && c.managerId !== c.userId ? [c.userId, c.managerId] : [c.userId],
      dueDate: c.dueDate,
      daysUntilDue,
    });
  }
  return [...reminders.values()].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
}
