import { describe, expect, it } from 'vitest';
import { dueReminders, type CheckIn, type ReminderAssignment } from './reminders.js';
import { addDays } from './dates.js';

const today = '2025-04-10';
const assignment = (id: string, dueDate: string | null, done = false): ReminderAssignment => ({ id, userId: 'learner', dueDate, done });
const checkIn = (id: string, dueDate: string, done = false, managerId: string | null = 'manager'): CheckIn => ({
  id,
  userId: 'learner',
  managerId,
  dueDate,
  done,
});

describe('dueReminders', () => {
  it('reminds for due in 0–3 days, overdue, and check-ins due, with keys naming what and when', () => {
    const reminders = dueReminders(
      [
        assignment('due-today', '2025-04-10'),
        assignment('due-in-3', '2025-04-13'),
        assignment('due-in-4', '2025-04-14'),
        assignment('overdue', '2025-04-01'),
        assignment('done', '2025-04-11', true),
        assignment('no-date', null),
      ],
      [
        checkIn('c-due', '2025-04-10'),
        checkIn('c-late', '2025-04-08', false, null),
        checkIn('c-future', '2025-04-11'),
        checkIn('c-done', '2025-04-01', true),
      ],
      today,
      [],
    );
    expect(reminders.map((r) => [r.key, r.kind, r.daysUntilDue, r.recipientIds.join('+')])).toEqual([
      ['assignment:overdue:overdue:2025-04-01', 'assignment_overdue', -9, 'learner'],
      ['check-in:c-late:due:2025-04-08', 'check_in_due', -2, 'learner'],
      ['assignment:due-today:due-soon:2025-04-10', 'assignment_due_soon', 0, 'learner'],
      ['check-in:c-due:due:2025-04-10', 'check_in_due', 0, 'learner+manager'],
      ['assignment:due-in-3:due-soon:2025-04-13', 'assignment_due_soon', 3, 'learner'],
    ]);
  });

  it('sends nothing twice: a re-run with the sent keys returns nothing', () => {
    const assignments = [assignment('a', '2025-04-11'), assignment('b', '2025-04-02')];
    const checkIns = [checkIn('c', '2025-04-10')];
    const first = dueReminders(assignments, checkIns, today, []);
    expect(first).toHaveLength(3);
    expect(
      dueReminders(
        assignments,
        checkIns,
        today,
        first.map((r) => r.key),
      ),
    ).toEqual([]);
    expect(dueReminders(assignments, checkIns, today, [first[0]!.key]).map((r) => r.key)).toEqual(first.slice(1).map((r) => r.key));
  });

  it('over a month of daily runs sends each assignment one due-soon and one overdue reminder, on the right days', () => {
    const assignments = [assignment('a', '2025-04-20'), assignment('b', '2025-04-22'), assignment('a', '2025-04-20')];
    const sent = new Map<string, string>();
    for (let day = 0; day < 30; day++) {
      const date = addDays('2025-04-01', day);
      for (const r of dueReminders(assignments, [], date, sent.keys())) {
        expect(sent.has(r.key)).toBe(false);
        sent.set(r.key, date);
      }
    }
    expect(Object.fromEntries(sent)).toEqual({
      'assignment:a:due-soon:2025-04-20': '2025-04-17',
      'assignment:b:due-soon:2025-04-22': '2025-04-19',
      'assignment:a:overdue:2025-04-20': '2025-04-21',
      'assignment:b:overdue:2025-04-22': '2025-04-23',
    });
  });

  it('sends a fresh reminder when the due date moves', () => {
    const before = dueReminders([assignment('a', '2025-04-11')], [], today, []);
    const after = dueReminders(
      [assignment('a', '2025-04-12')],
      [],
      today,
      before.map((r) => r.key),
    );
    expect(after.map((r) => r.key)).toEqual(['assignment:a:due-soon:2025-04-12']);
  });
});
