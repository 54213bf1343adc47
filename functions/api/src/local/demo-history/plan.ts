import { LEVELS, type Level } from '@manabi/core';
import { defaultFramework, frameworkSkills, requiredProficiency } from '@manabi/upskilling';
import { derive, type Random } from './random.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './names.js';
import { checkInComment, goalText, reflectionText } from './texts.js';

/**
 * The demo company's last three months as a plan: who works where, and what each person did on
 * which day (assignments, study, tests, ratings, goals, check-ins). Pure and seeded: the same seed
 * and the same "today" give the same plan; `run.ts` plays it through the app on a moved clock.
 */

/** The seed of the demo company's history: another seed gives another, equally plausible company. */
export const DEMO_HISTORY_SEED = 20260401;

/** Days of history before today (13 weeks: the report trend's default window and one more). */
export const HISTORY_DAYS = 91;
/** Business hours in Japan, in minutes after midnight: every planned action falls between them. */
export const DAY_START = 9 * 60;
export const DAY_END = 18 * 60;

export type DepartmentKey = 'sales' | 'dev' | 'admin' | 'marketing';

export interface PlannedDepartment {
  key: DepartmentKey;
  name: string;
  /** Created by the base demo seed already (the history finds it by name). */
  existing: boolean;
}

export const DEMO_DEPARTMENTS: readonly PlannedDepartment[] = [
  { key: 'sales', name: '営業部', existing: true },
  { key: 'dev', name: '開発部', existing: true },
  { key: 'admin', name: '人事総務部', existing: false },
  { key: 'marketing', name: 'マーケティング部', existing: false },
];

/** How many people of each level the history adds per department (the base seed's seven stay as they are). */
const HEADCOUNT: Record<DepartmentKey, Partial<Record<Level, number>>> = {
  sales: { leader: 1, mid: 4, junior: 3, new_hire: 2, pre_hire: 1 },
  dev: { manager: 1, leader: 1, mid: 3, junior: 5, new_hire: 2, pre_hire: 1 },
  admin: { manager: 1, leader: 1, mid: 3, junior: 2, new_hire: 1, pre_hire: 1 },
  marketing: { manager: 1, leader: 1, mid: 3, junior: 3, new_hire: 2, pre_hire: 1 },
};

/** The base seed's manager of 営業部 leads the history's sales team too. */
export const EXISTING_SALES_MANAGER = { email: 'manager@demo.manabi.example', name: '佐藤 健一' } as const;

export interface PlannedPerson {
  key: string;
  name: string;
  furigana: string;
  email: string;
  department: DepartmentKey;
  level: Level;
  role: 'manager' | 'learner';
  hireDate: string;
  /** Created by the base seed (found by email), not by the history. */
  existing: boolean;
  /** Ability on the logit scale at the start of the history, and how much it grows in three months. */
  ability: number;
  growth: number;
  /** How far the person's own ratings sit above (or below) what their manager sees. */
  selfBias: number;
  /** Per-skill strength around the level's requirement (skills rated by managers). */
  skillOffset: Record<string, number>;
}

/** The skills the demo tests measure (their evidence comes from attempts). */
export const TESTED_SKILLS = ['business-basics', 'communication', 'compliance', 'information-security', 'logical-thinking', 'excel-it'];

/**
 * The skills each level package's module quizzes measure (content/packages/<level>.yaml;
 * plan.test.ts checks this table against those files). A quiz of two items per skill answered
 * right rates the skill 5, so a goal planned to stay in progress must be on a skill none of them
 * measures: the person's own quiz would otherwise reach the target and close the goal.
 */
export const QUIZZED_SKILLS: Record<Level, readonly string[]> = {
  pre_hire: ['business-basics', 'communication', 'teamwork', 'compliance', 'information-security', 'logical-thinking', 'excel-it'],
  new_hire: [
    'business-basics',
    'communication',
    'teamwork',
    'compliance',
    'information-security',
    'logical-thinking',
    'excel-it',
    'problem-solving',
  ],
  junior: ['business-basics', 'communication', 'teamwork', 'logical-thinking', 'excel-it', 'problem-solving', 'finance-basics'],
  mid: ['communication', 'teamwork', 'logical-thinking', 'problem-solving', 'finance-basics', 'coaching'],
  leader: [
    'communication',
    'teamwork',
    'compliance',
    'information-security',
    'problem-solving',
    'coaching',
    'leadership',
    'people-management',
  ],
  manager: ['compliance', 'logical-thinking', 'finance-basics', 'coaching', 'leadership', 'people-management'],
};

/** Which package an event is about: the person's own level package, or the company-wide annual one. */
export type PackageRef = 'level' | 'annual';
export type TestRef = 'fixed' | 'adaptive';
export type GoalOutcome = 'draft' | 'agreed' | 'in_progress' | 'achieved' | 'missed';
export type AssignmentOutcome = 'on_time' | 'late' | 'overdue' | 'overdue_untouched' | 'completed' | 'partial' | 'not_started';

/** `at`: minutes since midnight (Japan) of the history's first day. */
export type PlannedEvent =
  | { kind: 'assign'; at: number; pkg: PackageRef; level: Level | null; people: string[]; dueDay: number }
  | { kind: 'study'; at: number; person: string; pkg: PackageRef; share: number }
  | { kind: 'attempt'; at: number; person: string; test: TestRef }
  | { kind: 'rate'; at: number; rater: string; person: string; skillId: string; value: number }
  | { kind: 'mentor'; at: number; person: string; mentor: string }
  | { kind: 'checkins'; at: number; host: string; person: string; firstDay: number; everyWeeks: number; count: number }
  | { kind: 'reflection'; at: number; person: string; dueDay: number; text: string }
  | { kind: 'comment'; at: number; host: string; person: string; dueDay: number; text: string }
  | {
      kind: 'goal';
      at: number;
      person: string;
      ref: string;
      skillId: string;
      target: number;
      dueDay: number;
      outcome: GoalOutcome;
      title: string;
      description: string;
      reason: string;
    }
  | { kind: 'goal_step'; at: number; ref: string; by: string; step: 'agree' | 'start' | 'evaluate' }
  | { kind: 'reminders'; at: number };

export interface HistoryPlan {
  seed: number;
  /** Today in Japan (`YYYY-MM-DD`): the history ends the day before. */
  today: string;
  /** The history's first day in Japan (`YYYY-MM-DD`). */
  firstDay: string;
  departments: readonly PlannedDepartment[];
  people: PlannedPerson[];
  /** Intended outcome of each person's assignments (for tests and the printed summary). */
  assignments: { person: string; pkg: PackageRef; outcome: AssignmentOutcome; dueDay: number }[];
  events: PlannedEvent[];
}

const DAY = 1440;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

/** The calendar date (Japan) of a history day. */
export const dateOfDay = (plan: Pick<HistoryPlan, 'firstDay'>, day: number): string => addDays(plan.firstDay, day);

/** The instant of a planned minute: Japan is UTC+9 all year. */
export function instantOf(plan: Pick<HistoryPlan, 'firstDay'>, at: number): Date {
  return new Date(Date.parse(`${plan.firstDay}T00:00:00+09:00`) + at * 60_000);
}

/** Nobody studies at the weekend: a Saturday or Sunday moves to the Friday before. */
function weekday(firstDay: string, day: number): number {
  const dow = new Date(Date.parse(`${addDays(firstDay, day)}T00:00:00Z`)).getUTCDay();
  const back = dow === 6 ? 1 : dow === 0 ? 2 : 0;
  return Math.max(0, day - back);
}

interface Builder {
  firstDay: string;
  events: PlannedEvent[];
  at(r: Random, day: number): number;
}

/** The skills rated by managers that a level requires (the tests cover the others). */
const framework = defaultFramework();
export function ratedSkillsFor(level: Level): { skillId: string; required: number }[] {
  return frameworkSkills(framework).flatMap((s) => {
    const required = requiredProficiency(s, level);
    return required !== null && !TESTED_SKILLS.includes(s.id) ? [{ skillId: s.id, required }] : [];
  });
}

export function requiredSkillsFor(level: Level): { skillId: string; required: number }[] {
  return frameworkSkills(framework).flatMap((s) => {
    const required = requiredProficiency(s, level);
    return required !== null ? [{ skillId: s.id, required }] : [];
  });
}

/** What a manager sees of a person's skill on a day: below the requirement at first, closing over the months. */
export function trueProficiency(p: PlannedPerson, skillId: string, required: number, day: number): number {
  return clamp(Math.round(required - 1 + (p.skillOffset[skillId] ?? 0) + 0.4 * p.ability + (p.growth * day) / HISTORY_DAYS), 1, 5);
}

/** Hire dates by level, relative to the fiscal year (April) of today. */
function hireDate(r: Random, level: Level, today: string): string {
  const fiscalYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
  const april = (y: number) => `${y}-04-01`;
  switch (level) {
    case 'pre_hire':
      return april(fiscalYear + 1);
    case 'new_hire':
      return april(fiscalYear);
    case 'junior':
      return april(fiscalYear - r.int(1, 3));
    case 'mid':
      return r.chance(0.3) ? `${fiscalYear - r.int(4, 9)}-10-01` : april(fiscalYear - r.int(4, 9));
    case 'leader':
      return april(fiscalYear - r.int(10, 15));
    case 'manager':
      return april(fiscalYear - r.int(16, 26));
  }
}

const LEVEL_ABILITY: Record<Level, number> = { pre_hire: -0.9, new_hire: -0.6, junior: -0.1, mid: 0.4, leader: 0.8, manager: 1.0 };

function people(seed: number, today: string): PlannedPerson[] {
  const r = derive(seed, 'people');
  const used = new Set<string>(['佐藤 健一', '鈴木 美咲', '高橋 翔太', '田中 陽菜', '伊藤 大輔', '渡辺 さくら', '山本 花子']);
  const emails = new Set<string>();
  const out: PlannedPerson[] = [];
  const traits = (level: Level) => {
    const stalled = r.chance(0.15);
    const skillOffset: Record<string, number> = {};
    for (const { skillId } of ratedSkillsFor(level)) skillOffset[skillId] = Math.round(r.normal(0, 0.45) * 100) / 100;
    return {
      ability: Math.round(r.normal(LEVEL_ABILITY[level], 0.6) * 100) / 100,
      growth: Math.round((stalled ? r.next() * 0.2 : 0.5 + r.next()) * 100) / 100,
      selfBias: Math.round(r.normal(0.6, 0.5) * 100) / 100,
      skillOffset,
    };
  };
  out.push({
    key: 'sales-manager-1',
    name: EXISTING_SALES_MANAGER.name,
    furigana: 'サトウ ケンイチ',
    email: EXISTING_SALES_MANAGER.email,
    department: 'sales',
    level: 'manager',
    role: 'manager',
    hireDate: '2012-04-01',
    existing: true,
    ...traits('manager'),
  });
  for (const dept of DEMO_DEPARTMENTS) {
    for (const level of [...LEVELS].reverse()) {
      for (let i = 1; i <= (HEADCOUNT[dept.key][level] ?? 0); i++) {
        let family = r.pick(FAMILY_NAMES);
        let given = r.pick(GIVEN_NAMES);
        while (used.has(`${family.kanji} ${given.kanji}`) || emails.has(`${given.romaji}.${family.romaji}`)) {
          family = r.pick(FAMILY_NAMES);
          given = r.pick(GIVEN_NAMES);
        }
        used.add(`${family.kanji} ${given.kanji}`);
        emails.add(`${given.romaji}.${family.romaji}`);
        out.push({
          key: `${dept.key}-${level}-${i}`,
          name: `${family.kanji} ${given.kanji}`,
          furigana: `${family.kana} ${given.kana}`,
          email: `${given.romaji}.${family.romaji}@demo.manabi.example`,
          department: dept.key,
          level,
          role: level === 'manager' ? 'manager' : 'learner',
          hireDate: hireDate(r, level, today),
          existing: false,
          ...traits(level),
        });
      }
    }
  }
  return out;
}

/** The history learner the README and the start banner name: 営業部's first new employee. */
export const showcaseLearner = (plan: Pick<HistoryPlan, 'people'>): PlannedPerson => plan.people.find((p) => p.key === 'sales-new_hire-1')!;

/** The manager who leads a person (HR for the managers themselves). */
export function leadOf(all: readonly PlannedPerson[], p: PlannedPerson): string {
  if (p.role === 'manager') return 'hr';
  return all.find((x) => x.department === p.department && x.role === 'manager')!.key;
}

function assignments(b: Builder, seed: number, all: PlannedPerson[], out: HistoryPlan['assignments']): void {
  const r = derive(seed, 'assignments');
  // Wave 1: everyone's level package, assigned in the first week, due in six weeks.
  for (const level of LEVELS) {
    const group = all.filter((p) => p.level === level);
    if (group.length === 0) continue;
    b.events.push({ kind: 'assign', at: b.at(r, r.int(1, 3)), pkg: 'level', level, people: group.map((p) => p.key), dueDay: 42 });
  }
  for (const p of all) {
    const outcome = r.weighted({ on_time: 55, late: 20, overdue: 15, overdue_untouched: 10 });
    out.push({ person: p.key, pkg: 'level', outcome, dueDay: 42 });
    const study = (day: number, share: number) => b.events.push({ kind: 'study', at: b.at(r, day), person: p.key, pkg: 'level', share });
    if (outcome === 'on_time') {
      const [d1, d2, d3] = [r.int(5, 14), r.int(16, 28), r.int(30, 41)];
      study(d1, 0.34);
      study(d2, 0.67);
      study(d3, 1);
    } else if (outcome === 'late') {
      study(r.int(10, 38), 0.5);
      study(r.int(45, 75), 1);
    } else if (outcome === 'overdue') {
      study(r.int(8, 35), 0.34);
    }
  }
  // Wave 2: the company-wide annual compliance and security package, assigned two months in, due after today.
  const annual = all.filter((p) => p.level !== 'pre_hire');
  b.events.push({ kind: 'assign', at: b.at(r, 60), pkg: 'annual', level: null, people: annual.map((p) => p.key), dueDay: 105 });
  for (const p of annual) {
    const outcome = r.weighted({ completed: 30, partial: 40, not_started: 30 });
    out.push({ person: p.key, pkg: 'annual', outcome, dueDay: 105 });
    if (outcome === 'completed') {
      b.events.push({ kind: 'study', at: b.at(r, r.int(61, 74)), person: p.key, pkg: 'annual', share: 0.5 });
      b.events.push({ kind: 'study', at: b.at(r, r.int(76, 89)), person: p.key, pkg: 'annual', share: 1 });
    } else if (outcome === 'partial') {
      b.events.push({ kind: 'study', at: b.at(r, r.int(61, 89)), person: p.key, pkg: 'annual', share: 0.4 });
    }
  }
}

function attempts(b: Builder, seed: number, all: PlannedPerson[]): void {
  const r = derive(seed, 'attempts');
  for (const p of all) {
    // The fixed basics check (three attempts allowed): early-career people, once a month.
    if (['pre_hire', 'new_hire', 'junior'].includes(p.level) || (p.level === 'mid' && r.chance(0.3))) {
      b.events.push({ kind: 'attempt', at: b.at(r, r.int(6, 26)), person: p.key, test: 'fixed' });
      b.events.push({ kind: 'attempt', at: b.at(r, r.int(34, 58)), person: p.key, test: 'fixed' });
      if (r.chance(0.6)) b.events.push({ kind: 'attempt', at: b.at(r, r.int(64, 89)), person: p.key, test: 'fixed' });
    }
    // The adaptive diagnosis: everyone in the first weeks, most again in the last month.
    b.events.push({ kind: 'attempt', at: b.at(r, r.int(3, 24)), person: p.key, test: 'adaptive' });
    if (r.chance(0.6)) b.events.push({ kind: 'attempt', at: b.at(r, r.int(60, 89)), person: p.key, test: 'adaptive' });
  }
}

/** Ratings and goals together: a goal's outcome decides what the manager's second rating shows. */
function ratingsAndGoals(b: Builder, seed: number, all: PlannedPerson[]): void {
  const r = derive(seed, 'ratings');
  const g = derive(seed, 'goals');
  for (const p of all) {
    const lead = leadOf(all, p);
    // Self ratings (most people, early on, a little generous): count only where nothing else exists.
    if (r.chance(0.5)) {
      const day = r.int(3, 10);
      const required = requiredSkillsFor(p.level);
      for (const { skillId, required: req } of r.shuffle(required).slice(0, 2)) {
        const value = clamp(Math.round(trueProficiency(p, skillId, req, day) + p.selfBias), 1, 5);
        b.events.push({ kind: 'rate', at: b.at(r, day), rater: 'self', person: p.key, skillId, value });
      }
    }
    const rated = ratedSkillsFor(p.level);
    const day1 = r.int(18, 28);
    const day2 = r.int(74, 88);
    const at1 = b.at(r, day1);
    const at2 = b.at(r, day2);
    /** A step on a day, never before the step it follows (they may fall on one day). */
    const after = (previous: number, day: number) => Math.max(previous + 15, b.at(g, day));
    const first = new Map(rated.map((s) => [s.skillId, trueProficiency(p, s.skillId, s.required, day1)]));
    const second = new Map(rated.map((s) => [s.skillId, Math.max(first.get(s.skillId)!, trueProficiency(p, s.skillId, s.required, day2))]));

    const goal: PlannedEvent[] = [];
    const candidates = rated.filter((s) => first.get(s.skillId)! <= 4);
    if (candidates.length > 0 && g.chance(0.62)) {
      let skill = g.pick(candidates);
      let outcome = g.weighted<GoalOutcome>({ achieved: 30, in_progress: 30, missed: 15, agreed: 10, draft: 15 });
      if (outcome === 'in_progress' && QUIZZED_SKILLS[p.level].includes(skill.skillId)) {
        // Still in progress at the end only on a skill the person's quizzes leave alone (see QUIZZED_SKILLS).
        const unquizzed = candidates.find((s) => !QUIZZED_SKILLS[p.level].includes(s.skillId));
        if (unquizzed) skill = unquizzed;
        else outcome = 'agreed';
      }
      const ref = `goal-${p.key}`;
      const early = outcome === 'achieved' || outcome === 'in_progress' || outcome === 'missed';
      const created = early ? g.int(30, 38) : g.int(day2 + 1, 89);
      const current = early ? first.get(skill.skillId)! : second.get(skill.skillId)!;
      if (current <= 4) {
        const target = current + 1;
        const dueDay =
          outcome === 'achieved'
            ? g.int(80, 110)
            : outcome === 'in_progress'
              ? g.int(95, 130)
              : outcome === 'missed'
                ? g.int(55, 70)
                : g.int(110, 150);
        const text = goalText(skill.skillId, target);
        const createdAt = b.at(g, created);
        goal.push({ kind: 'goal', at: createdAt, person: p.key, ref, skillId: skill.skillId, target, dueDay, outcome, ...text });
        if (outcome !== 'draft') {
          const agreedAt = after(createdAt, Math.min(89, created + g.int(1, 3)));
          goal.push({ kind: 'goal_step', at: agreedAt, ref, by: lead, step: 'agree' });
          if (outcome !== 'agreed')
            goal.push({ kind: 'goal_step', at: after(agreedAt, Math.min(89, created + g.int(3, 5))), ref, by: p.key, step: 'start' });
        }
        if (outcome === 'achieved') {
          // The manager's second look sees the target reached, and the manager closes the goal.
          second.set(skill.skillId, target);
          goal.push({ kind: 'goal_step', at: at2 + 30, ref, by: lead, step: 'evaluate' });
        } else if (outcome === 'missed') {
          second.set(skill.skillId, current);
          goal.push({ kind: 'goal_step', at: b.at(g, dueDay + g.int(1, 4)), ref, by: lead, step: 'evaluate' });
        } else if (outcome === 'in_progress') {
          second.set(skill.skillId, current);
        }
      }
    }
    for (const [skillId, value] of first) b.events.push({ kind: 'rate', at: at1, rater: lead, person: p.key, skillId, value });
    // The second round records what the manager sees changed.
    for (const [skillId, value] of second)
      if (value !== first.get(skillId)) b.events.push({ kind: 'rate', at: at2, rater: lead, person: p.key, skillId, value });
    b.events.push(...goal);
  }
}

function followUp(b: Builder, seed: number, all: PlannedPerson[]): void {
  const r = derive(seed, 'follow-up');
  for (const p of all.filter((x) => ['pre_hire', 'new_hire', 'junior'].includes(x.level))) {
    const seniors = all.filter((x) => x.department === p.department && (x.level === 'mid' || x.level === 'leader'));
    const mentor = r.pick(seniors);
    b.events.push({ kind: 'mentor', at: b.at(r, 1), person: p.key, mentor: mentor.key });
    const firstDay = r.int(24, 30);
    b.events.push({ kind: 'checkins', at: b.at(r, r.int(3, 8)), host: mentor.key, person: p.key, firstDay, everyWeeks: 4, count: 3 });
    for (let i = 0; i < 3; i++) {
      const due = firstDay + i * 28;
      if (due > 89 || !r.chance(0.85)) continue;
      const reflected = Math.min(89, due + r.int(-1, 1));
      const reflectedAt = b.at(r, reflected);
      b.events.push({ kind: 'reflection', at: reflectedAt, person: p.key, dueDay: due, text: reflectionText(r, i) });
      if (r.chance(0.8)) {
        // The mentor answers a day or three later (the same evening when the weekend intervenes).
        const at = Math.max(reflectedAt + 30, b.at(r, reflected + r.int(1, 3)));
        b.events.push({ kind: 'comment', at, host: mentor.key, person: p.key, dueDay: due, text: checkInComment(r, i) });
      }
    }
  }
}

/** Builds the plan. `today` is Japan's date; the history covers the HISTORY_DAYS days before it. */
export function planHistory(options: { seed: number; today: string }): HistoryPlan {
  const firstDay = addDays(options.today, -HISTORY_DAYS);
  const b: Builder = {
    firstDay,
    events: [],
    // A working minute of a working day; day 90 (yesterday) is the last.
    at: (r, day) => weekday(firstDay, clamp(day, 0, HISTORY_DAYS - 1)) * DAY + r.int(DAY_START, DAY_END - 61),
  };
  const all = people(options.seed, options.today);
  const planned: HistoryPlan['assignments'] = [];
  assignments(b, options.seed, all, planned);
  attempts(b, options.seed, all);
  ratingsAndGoals(b, options.seed, all);
  followUp(b, options.seed, all);
  // The reminder job, as the server runs it: after the first due date, and the day before today.
  for (const day of [43, 61, 90]) b.events.push({ kind: 'reminders', at: day * DAY + 8 * 60 });
  // Stable order: by time, then as planned (a goal's steps keep their order on one minute).
  const events = b.events.map((e, i) => ({ e, i })).sort((x, y) => x.e.at - y.e.at || x.i - y.i);
  return {
    seed: options.seed,
    today: options.today,
    firstDay,
    departments: DEMO_DEPARTMENTS,
    people: all,
    assignments: planned,
    events: events.map((x) => x.e),
  };
}
