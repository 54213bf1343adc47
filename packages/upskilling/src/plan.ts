import { addDays, dayNumber, mondayOf } from './dates.js';

/** A module assigned to the learner (e-learning, OJT task or training session). */
export interface AssignedModule {
  id: string;
  title: string;
  estimatedMinutes: number;
  dueDate: string | null;
  assignedAt: string;
  done: boolean;
}

/** A module suggested by `recommend`; higher `priority` goes first. */
export interface RecommendedModule {
  id: string;
  estimatedMinutes: number;
  priority: number;
}

export interface ScheduleInput {
  assigned: readonly AssignedModule[];
  recommendations: readonly RecommendedModule[];
  /** Today in Japan, `YYYY-MM-DD`. The plan starts with the week (Monday–Sunday) that contains it. */
  today: string;
  /** Learning time per week (default 60). */
  weeklyBudgetMinutes?: number;
  /** Minutes already spent this week, taken off the first week's capacity (default 0). */
  minutesUsedThisWeek?: number;
  /** Weeks that recommendations may fill (default 4), or more if the assigned work runs longer. */
  horizonWeeks?: number;
}

export interface PlanItem {
  id: string;
  kind: 'assigned' | 'recommended';
  minutes: number;
  dueDate: string | null;
  /** Longer than a whole week's budget: it has a week of its own and that week runs over. */
  oversized: boolean;
}

export interface PlanWeek {
  /** The Monday, `YYYY-MM-DD`. */
  weekStart: string;
  /** What the week can hold: the budget, less time already used in the current week. */
  capacity: number;
  minutes: number;
  items: PlanItem[];
}

export interface LateItem {
  id: string;
  dueDate: string;
  /** The week it is scheduled in. */
  weekStart: string;
  /** `overdue`: due before today. `over_budget`: at this budget its week starts after the due date. */
  reason: 'overdue' | 'over_budget';
}

export interface UnscheduledRecommendation {
  id: string;
  /** `too_long`: longer than a week's budget. `no_capacity`: no room within the horizon. */
  reason: 'too_long' | 'no_capacity';
}

export interface LearningPlan {
  weeks: PlanWeek[];
  late: LateItem[];
  unscheduled: UnscheduledRecommendation[];
}

export const DEFAULT_WEEKLY_BUDGET_MINUTES = 60;
export const DEFAULT_HORIZON_WEEKS = 4;

/**
 * Lays the learner's work out week by week within the weekly budget.
 *
 * 1. Open assigned modules go first, earliest due first (no due date last; ties: earlier
 *    `assignedAt`, then id), each into the first week with room for it (first fit), so a short
 *    module can fill a gap left in an earlier week.
 * 2. A module longer than the whole budget cannot fit any week: it gets the first week that is
 *    still empty, alone, and is flagged `oversized`. It is the only way a week exceeds its capacity.
 * 3. Recommendations (not already assigned) then fill what is left, highest priority first (ties:
 *    shorter, then id), within the horizon only: they never push the plan further out. One longer
 *    than the budget is not scheduled.
 * 4. An assigned module is late when it is already overdue, or when its week starts after its due
 *    date. A module in the week of its due date counts as on time: the learner can do it first.
 */
export function scheduleWeeks(input: ScheduleInput): LearningPlan {
  const budget = input.weeklyBudgetMinutes ?? DEFAULT_WEEKLY_BUDGET_MINUTES;
  const used = input.minutesUsedThisWeek ?? 0;
  const horizon = input.horizonWeeks ?? DEFAULT_HORIZON_WEEKS;
  if (!(Number.isFinite(budget) && budget > 0)) throw new RangeError(`Weekly budget must be a positive number of minutes, got ${budget}`);
  if (!(Number.isFinite(used) && used >= 0)) throw new RangeError(`Minutes used this week must be 0 or more, got ${used}`);
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`Horizon must be a whole number of weeks ≥ 1, got ${horizon}`);
  for (const m of [...input.assigned, ...input.recommendations])
    if (!(Number.isFinite(m.estimatedMinutes) && m.estimatedMinutes >= 0))
      throw new RangeError(`Module ${m.id} has invalid minutes ${m.estimatedMinutes}`);

  const today = dayNumber(input.today);
  const firstMonday = mondayOf(input.today);
  const weeks: PlanWeek[] = [];
  const week = (index: number): PlanWeek => {
    while (weeks.length <= index)
      weeks.push({
        weekStart: addDays(firstMonday, 7 * weeks.length),
        capacity: weeks.length === 0 ? Math.max(0, budget - used) : budget,
        minutes: 0,
        items: [],
      });
    return weeks[index]!;
  };
  const place = (index: number, item: PlanItem) => {
    const target = week(index);
    target.items.push(item);
    target.minutes += item.minutes;
  };

  const late: LateItem[] = [];
  const open = input.assigned.filter((m) => !m.done).sort(byDueDate);
  for (const m of open) {
    const oversized = m.estimatedMinutes > budget;
    let index = 0;
    if (oversized) while (week(index).items.length > 0 || week(index).capacity < budget) index++;
    else while (week(index).capacity - week(index).minutes < m.estimatedMinutes) index++;
    place(index, { id: m.id, kind: 'assigned', minutes: m.estimatedMinutes, dueDate: m.dueDate, oversized });
    if (m.dueDate === null) continue;
    const due = dayNumber(m.dueDate);
    const weekStart = week(index).weekStart;
    if (due < today) late.push({ id: m.id, dueDate: m.dueDate, weekStart, reason: 'overdue' });
    // Weeks after the first start after today, so "its week starts after the due date" is the whole test.
    else if (dayNumber(weekStart) > due) late.push({ id: m.id, dueDate: m.dueDate, weekStart, reason: 'over_budget' });
  }

  const assignedIds = new Set(input.assigned.map((m) => m.id));
  const lastWeek = Math.max(horizon, weeks.length);
  week(lastWeek - 1);
  const unscheduled: UnscheduledRecommendation[] = [];
  const seen = new Set<string>();
  const recommendations = input.recommendations.filter((r) => !assignedIds.has(r.id)).sort(byPriority);
  for (const r of recommendations) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    if (r.estimatedMinutes > budget) {
      unscheduled.push({ id: r.id, reason: 'too_long' });
      continue;
    }
    const index = weeks.findIndex((w) => w.capacity - w.minutes >= r.estimatedMinutes);
    if (index === -1) unscheduled.push({ id: r.id, reason: 'no_capacity' });
    else place(index, { id: r.id, kind: 'recommended', minutes: r.estimatedMinutes, dueDate: null, oversized: false });
  }
  return { weeks, late, unscheduled };
}

function byDueDate(a: AssignedModule, b: AssignedModule): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.assignedAt !== b.assignedAt) return a.assignedAt < b.assignedAt ? -1 : 1;
  return compareIds(a.id, b.id);
}

function byPriority(a: RecommendedModule, b: RecommendedModule): number {
  return b.priority - a.priority || a.estimatedMinutes - b.estimatedMinutes || compareIds(a.id, b.id);
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
