import { describe, expect, it } from 'vitest';
import { scheduleWeeks, type AssignedModule, type LearningPlan, type RecommendedModule } from './plan.js';
import { addDays, dayNumber } from './dates.js';

const today = '2025-04-09'; // a Wednesday; its week starts Monday 2025-04-07
const module = (id: string, estimatedMinutes: number, dueDate: string | null, extra: Partial<AssignedModule> = {}): AssignedModule => ({
  id,
  title: id,
  estimatedMinutes,
  dueDate,
  assignedAt: '2025-04-01',
  done: false,
  ...extra,
});
const summary = (plan: LearningPlan) => plan.weeks.map((w) => `${w.weekStart}: ${w.items.map((i) => `${i.id}(${i.minutes})`).join(' ')}`);

describe('scheduleWeeks', () => {
  it('places modules earliest due first into the first week with room, then recommendations into what is left', () => {
    const plan = scheduleWeeks({
      today,
      assigned: [
        module('security', 30, '2025-04-30'),
        module('compliance', 45, '2025-04-11'),
        module('excel', 20, null),
        module('manners', 25, '2025-04-18'),
        module('finished', 30, '2025-04-10', { done: true }),
      ],
      recommendations: [
        { id: 'logic-1', estimatedMinutes: 15, priority: 2 },
        { id: 'logic-2', estimatedMinutes: 40, priority: 1 },
        { id: 'security', estimatedMinutes: 30, priority: 9 }, // already assigned: never twice
      ],
    });
    expect(summary(plan)).toEqual([
      '2025-04-07: compliance(45) logic-1(15)',
      '2025-04-14: manners(25) security(30)',
      '2025-04-21: excel(20) logic-2(40)',
      '2025-04-28: ',
    ]);
    expect(plan.weeks.map((w) => w.minutes)).toEqual([60, 55, 60, 0]);
    expect(plan.late).toEqual([]);
    expect(plan.unscheduled).toEqual([]);
  });

  it('gives a module longer than the budget a week of its own and flags it', () => {
    const plan = scheduleWeeks({
      today,
      weeklyBudgetMinutes: 60,
      assigned: [module('short', 20, '2025-04-10'), module('long', 150, '2025-04-20'), module('after', 30, '2025-04-25')],
      recommendations: [],
    });
    expect(summary(plan)).toEqual(['2025-04-07: short(20) after(30)', '2025-04-14: long(150)', '2025-04-21: ', '2025-04-28: ']);
    expect(plan.weeks[1]!.items[0]!.oversized).toBe(true);
    expect(plan.weeks[0]!.items.every((i) => !i.oversized)).toBe(true);
  });

  it('reports overdue modules and modules that cannot be done by their due date at this budget', () => {
    const plan = scheduleWeeks({
      today,
      weeklyBudgetMinutes: 30,
      assigned: [
        module('overdue', 30, '2025-04-08'),
        module('due-sunday', 30, '2025-04-13'),
        module('due-monday', 30, '2025-04-14'),
        module('due-tuesday', 30, '2025-04-15'),
      ],
      recommendations: [],
    });
    expect(summary(plan).slice(0, 3)).toEqual(['2025-04-07: overdue(30)', '2025-04-14: due-sunday(30)', '2025-04-21: due-monday(30)']);
    expect(plan.late).toEqual([
      { id: 'overdue', dueDate: '2025-04-08', weekStart: '2025-04-07', reason: 'overdue' },
      { id: 'due-sunday', dueDate: '2025-04-13', weekStart: '2025-04-14', reason: 'over_budget' },
      { id: 'due-monday', dueDate: '2025-04-14', weekStart: '2025-04-21', reason: 'over_budget' },
      { id: 'due-tuesday', dueDate: '2025-04-15', weekStart: '2025-04-28', reason: 'over_budget' },
    ]);
    // With a budget that fits them all this week, only the overdue one stays late.
    const roomy = scheduleWeeks({
      today,
      weeklyBudgetMinutes: 120,
      assigned: plan.weeks.flatMap((w) => w.items).map((i) => module(i.id, 30, i.dueDate)),
      recommendations: [],
    });
    expect(roomy.late.map((l) => l.id)).toEqual(['overdue']);
  });

  it('takes time already used off the current week', () => {
    const plan = scheduleWeeks({
      today,
      minutesUsedThisWeek: 50,
      assigned: [module('a', 20, '2025-04-20'), module('b', 10, '2025-04-21')],
      recommendations: [],
    });
    expect(summary(plan).slice(0, 2)).toEqual(['2025-04-07: b(10)', '2025-04-14: a(20)']);
    expect(plan.weeks[0]!.capacity).toBe(10);
  });

  it('keeps recommendations within the horizon and says why one was left out', () => {
    const plan = scheduleWeeks({
      today,
      horizonWeeks: 1,
      assigned: [module('a', 50, '2025-04-11')],
      recommendations: [
        { id: 'huge', estimatedMinutes: 90, priority: 5 },
        { id: 'fits', estimatedMinutes: 10, priority: 1 },
        { id: 'no-room', estimatedMinutes: 15, priority: 3 },
      ],
    });
    expect(summary(plan)).toEqual(['2025-04-07: a(50) fits(10)']);
    expect(plan.unscheduled).toEqual([
      { id: 'huge', reason: 'too_long' },
      { id: 'no-room', reason: 'no_capacity' },
    ]);
  });

  it('refuses a budget of zero and negative minutes', () => {
    expect(() => scheduleWeeks({ today, weeklyBudgetMinutes: 0, assigned: [], recommendations: [] })).toThrow(RangeError);
    expect(() => scheduleWeeks({ today, assigned: [module('a', -5, null)], recommendations: [] })).toThrow(RangeError);
  });
});

describe('scheduleWeeks over many generated inputs', () => {
  const random = (seed: number) => () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
  const shuffled = <T>(items: readonly T[], rng: () => number): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  it('never exceeds a week’s capacity except for one oversized module alone, schedules each open module once, and is deterministic', () => {
    let oversizedSeen = 0;
    let lateSeen = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rng = random(seed);
      const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
      const budget = [15, 30, 45, 60, 90, 120][int(0, 5)]!;
      const todayDate = addDays('2025-01-01', int(0, 365));
      const assigned = Array.from({ length: int(0, 14) }, (_, i) =>
        module(
          `m${i}`,
          int(0, 4) === 0 ? int(budget, budget * 3) : int(5, budget),
          int(0, 5) === 0 ? null : addDays(todayDate, int(-10, 60)),
          {
            assignedAt: addDays('2024-12-01', int(0, 3)),
            done: int(0, 6) === 0,
          },
        ),
      );
      const recommendations: RecommendedModule[] = Array.from({ length: int(0, 8) }, (_, i) => ({
        id: int(0, 4) === 0 ? `m${i}` : `r${i}`,
        estimatedMinutes: int(5, budget + 30),
        priority: int(1, 3),
      }));
      const input = {
        today: todayDate,
        weeklyBudgetMinutes: budget,
        minutesUsedThisWeek: int(0, 2) === 0 ? int(0, budget) : 0,
        assigned,
        recommendations,
      };
      const plan = scheduleWeeks(input);

      for (const week of plan.weeks) {
        const alone = week.items.length === 1 && week.items[0]!.oversized;
        if (!alone) expect(week.minutes, `seed ${seed} week ${week.weekStart}`).toBeLessThanOrEqual(week.capacity);
        expect(week.minutes).toBe(week.items.reduce((s, i) => s + i.minutes, 0));
        expect(dayNumber(week.weekStart) % 7).toBe(4); // day numbers of Mondays are 4 mod 7
        if (alone) oversizedSeen++;
      }
      const items = plan.weeks.flatMap((w) => w.items);
      const open = assigned.filter((m) => !m.done);
      expect(
        items
          .filter((i) => i.kind === 'assigned')
          .map((i) => i.id)
          .sort(),
      ).toEqual(open.map((m) => m.id).sort());
      for (const item of items) expect(item.oversized).toBe(item.minutes > budget);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);

      // Late is exactly: overdue, or the scheduled week starts after the due date.
      const expectedLate = plan.weeks.flatMap((w) =>
        w.items
          .filter(
            (i) =>
              i.kind === 'assigned' && i.dueDate !== null && Math.max(dayNumber(w.weekStart), dayNumber(todayDate)) > dayNumber(i.dueDate),
          )
          .map((i) => i.id),
      );
      expect(plan.late.map((l) => l.id).sort()).toEqual(expectedLate.sort());
      lateSeen += plan.late.length;

      // Input order does not matter: ties are broken by the data, not by position.
      expect(scheduleWeeks({ ...input, assigned: shuffled(assigned, rng), recommendations: shuffled(recommendations, rng) })).toEqual(plan);
    }
    // The generator really exercised the edge cases.
    expect(oversizedSeen).toBeGreaterThan(50);
    expect(lateSeen).toBeGreaterThan(50);
  });
});
