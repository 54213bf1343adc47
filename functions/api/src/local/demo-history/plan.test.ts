import { describe, expect, it } from 'vitest';
import { LEVELS } from '@manabi/core';
import { loadPackagesFolder } from '@manabi/content/fs';
import { defaultFramework, frameworkSkills } from '@manabi/upskilling';
import { catalogFolder, packagesFolderBeside } from '../catalog.js';
import {
  DAY_END,
  DAY_START,
  DEMO_HISTORY_SEED,
  HISTORY_DAYS,
  instantOf,
  planHistory,
  QUIZZED_SKILLS,
  ratedSkillsFor,
  showcaseLearner,
  type PlannedEvent,
} from './plan.js';

const TODAY = '2026-12-07';
const plan = planHistory({ seed: 11, today: TODAY });
const of = <K extends PlannedEvent['kind']>(kind: K) => plan.events.filter((e): e is Extract<PlannedEvent, { kind: K }> => e.kind === kind);

describe('demo history plan', () => {
  it('is the same for the same seed and today, and another company for another seed', () => {
    expect(planHistory({ seed: 11, today: TODAY })).toEqual(plan);
    const other = planHistory({ seed: 12, today: TODAY });
    expect(other.people.map((p) => p.name)).not.toEqual(plan.people.map((p) => p.name));
  });

  it('names the learner the README names, whatever the day', () => {
    for (const today of [TODAY, '2027-06-30'])
      expect(showcaseLearner(planHistory({ seed: DEMO_HISTORY_SEED, today })).email).toBe('yuki.nakajima@demo.manabi.example');
  });

  it('has about fifty people in four departments, every level in each, a manager for each', () => {
    expect(plan.people.length).toBeGreaterThanOrEqual(42);
    expect(new Set(plan.people.map((p) => p.email)).size).toBe(plan.people.length);
    expect(new Set(plan.people.map((p) => p.name)).size).toBe(plan.people.length);
    for (const d of plan.departments) {
      const staff = plan.people.filter((p) => p.department === d.key);
      expect(new Set(staff.map((p) => p.level))).toEqual(new Set(LEVELS));
      expect(staff.filter((p) => p.role === 'manager')).toHaveLength(1);
    }
    for (const p of plan.people) {
      expect(p.furigana).toMatch(/^[ァ-ヶー]+ [ァ-ヶー]+$/);
      expect(p.email).toMatch(/^[a-z.]+@demo\.manabi\.example$/);
    }
    // The base seed's manager of 営業部 is reused, not created again.
    expect(plan.people.filter((p) => p.existing).map((p) => p.email)).toEqual(['manager@demo.manabi.example']);
  });

  it('puts every action on a working day, in working hours, in the 90 days before today, in time order', () => {
    const ats = plan.events.map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    for (const e of plan.events) {
      const day = Math.floor(e.at / 1440);
      expect(day).toBeGreaterThanOrEqual(0);
      expect(day).toBeLessThan(HISTORY_DAYS);
      if (e.kind === 'reminders') continue;
      expect(e.at % 1440).toBeGreaterThanOrEqual(DAY_START);
      expect(e.at % 1440).toBeLessThan(DAY_END);
      const dow = instantOf(plan, e.at + 9 * 60).getUTCDay();
      expect([0, 6]).not.toContain(dow);
    }
    expect(instantOf(plan, HISTORY_DAYS * 1440).toISOString()).toBe(`${addOneDayBefore(TODAY)}T15:00:00.000Z`);
  });

  it('mixes on-time, late and overdue assignments, and finished, started and untouched ones still due', () => {
    const outcomes = (pkg: string) => new Set(plan.assignments.filter((a) => a.pkg === pkg).map((a) => a.outcome));
    expect(outcomes('level')).toEqual(new Set(['on_time', 'late', 'overdue', 'overdue_untouched']));
    expect(outcomes('annual')).toEqual(new Set(['completed', 'partial', 'not_started']));
    for (const a of plan.assignments.filter((x) => x.outcome === 'on_time')) {
      const last = of('study').filter((s) => s.person === a.person && s.pkg === a.pkg && s.share === 1)[0]!;
      expect(Math.floor(last.at / 1440)).toBeLessThanOrEqual(a.dueDay);
    }
    for (const a of plan.assignments.filter((x) => x.outcome === 'late')) {
      const last = of('study').filter((s) => s.person === a.person && s.share === 1 && s.pkg === 'level')[0]!;
      expect(Math.floor(last.at / 1440)).toBeGreaterThan(a.dueDay);
    }
  });

  it('has most people take tests repeatedly, the fixed check at most three times each', () => {
    const fixed = of('attempt').filter((e) => e.test === 'fixed');
    const perPerson = new Map<string, number>();
    for (const e of fixed) perPerson.set(e.person, (perPerson.get(e.person) ?? 0) + 1);
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(3);
    expect([...perPerson.values()].filter((n) => n >= 2).length).toBeGreaterThan(15);
    const months = new Set(of('attempt').map((e) => Math.floor(e.at / 1440 / 30)));
    expect(months).toEqual(new Set([0, 1, 2]));
  });

  it('has managers rate what tests do not measure, with gaps closing between the two rounds', () => {
    const byManager = of('rate').filter((e) => e.rater !== 'self');
    const raters = new Set(byManager.map((e) => e.rater));
    expect(raters).toContain('hr');
    for (const p of plan.people) {
      const mine = byManager.filter((e) => e.person === p.key);
      expect(new Set(mine.map((e) => e.skillId))).toEqual(new Set(ratedSkillsFor(p.level).map((s) => s.skillId)));
    }
    // The second round records only what changed, and nothing goes down.
    let gained = 0;
    for (const p of plan.people)
      for (const { skillId } of ratedSkillsFor(p.level)) {
        const values = byManager.filter((e) => e.person === p.key && e.skillId === skillId).map((e) => e.value);
        expect(values[values.length - 1]!).toBeGreaterThanOrEqual(values[0]!);
        gained += values[values.length - 1]! - values[0]!;
      }
    expect(gained).toBeGreaterThan(plan.people.length / 2);
    expect(of('rate').some((e) => e.rater === 'self')).toBe(true);
  });

  it('has goals in every state, each agreed before started and set before its steps', () => {
    const goals = of('goal');
    expect(new Set(goals.map((g) => g.outcome))).toEqual(new Set(['draft', 'agreed', 'in_progress', 'achieved', 'missed']));
    for (const g of goals) {
      const steps = of('goal_step').filter((s) => s.ref === g.ref);
      expect(steps.every((s) => s.at > g.at)).toBe(true);
      const expected = {
        draft: [],
        agreed: ['agree'],
        in_progress: ['agree', 'start'],
        achieved: ['agree', 'start', 'evaluate'],
        missed: ['agree', 'start', 'evaluate'],
      };
      expect(steps.map((s) => s.step)).toEqual(expected[g.outcome]);
      expect(g.dueDay).toBeGreaterThan(Math.floor(g.at / 1440));
      expect(g.description.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives early-career people a mentor, monthly check-ins, reflections and comments after them', () => {
    const mentored = new Set(of('mentor').map((e) => e.person));
    for (const p of plan.people.filter((x) => ['pre_hire', 'new_hire', 'junior'].includes(x.level))) expect(mentored).toContain(p.key);
    expect(of('checkins').length).toBe(mentored.size);
    expect(of('reflection').length).toBeGreaterThan(mentored.size);
    for (const c of of('comment')) {
      const reflection = of('reflection').find((r) => r.person === c.person && r.dueDay === c.dueDay)!;
      expect(c.at).toBeGreaterThan(reflection.at);
    }
  });

  it('knows which skills each level package’s quizzes measure, as content/packages says', () => {
    const idOf = new Map(frameworkSkills(defaultFramework()).map((skill) => [skill.name.ja, skill.id]));
    const loaded = loadPackagesFolder(packagesFolderBeside(catalogFolder())!);
    expect(loaded.failures).toEqual([]);
    const measured = Object.fromEntries(
      loaded.packages.map(({ source }) => [
        source.level,
        [...new Set(source.modules.flatMap((m) => (m.kind === 'quiz' ? m.draws.map((d) => idOf.get(d.skill)) : [])))].sort(),
      ]),
    );
    expect(measured).toEqual(Object.fromEntries(LEVELS.map((level) => [level, [...QUIZZED_SKILLS[level]].sort()])));
  });

  it('plans goals still in progress at the end, each on a skill its person’s quizzes leave alone', () => {
    const levelOf = new Map(plan.people.map((p) => [p.key, p.level]));
    const open = of('goal').filter((g) => g.outcome === 'in_progress');
    expect(open.length).toBeGreaterThan(0);
    for (const goal of open) expect(QUIZZED_SKILLS[levelOf.get(goal.person)!]).not.toContain(goal.skillId);
  });
});

function addOneDayBefore(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);
}
