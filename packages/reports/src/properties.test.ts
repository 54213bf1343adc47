import { describe, expect, it } from 'vitest';
import { addCounters, applyIncrements, sortedStore, type Counters } from './counters.js';
import { ALL, attemptWeek, cellId, resultKey, skillKey } from './dimensions.js';
import { completedLate } from './delta.js';
import { histogramBucket } from './fields.js';
import { rebuildAggregates } from './rebuild.js';
import { mergeShards } from './shard.js';
import { completionStats, resultStats, skillStats } from './stats.js';
import { itemStats } from './org-stats.js';
import { aggregate, aggregateSharded, deltaOf, generateWorld, mulberry32, shuffle } from './testing/histories.js';

// Property tests over seeded random worlds: learners who transfer, attempts that start, finish,
// expire and get deleted, assignments that move back and forth, and a stream that delivers a quarter
// of its records twice. Every seed is reproducible; a failure names its seed.
const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

describe.each(SEEDS)('world %i', (seed) => {
  const world = generateWorld(seed);
  const rebuilt = rebuildAggregates(world.attempts, world.assignments, world.lookup);

  it('folding every delta once per idempotency key equals the rebuild', () => {
    expect(world.records.length).toBeGreaterThan(50);
    expect(sortedStore(aggregate(world.records, world.lookup))).toEqual(sortedStore(rebuilt));
  });

  it('does not double count redelivered records, in any order', () => {
    const rng = mulberry32(seed);
    // Every record once more, and all of it in a random order (increments commute).
    const noisy = shuffle(rng, [...world.records, ...world.records.map((r) => structuredClone(r))]);
    expect(sortedStore(aggregate(noisy, world.lookup))).toEqual(sortedStore(rebuilt));
    // The guard is what makes it so: applying every delivery would count the doubled stream twice.
    const naive = new Map<string, Counters>();
    for (const r of noisy) applyIncrements(naive, deltaOf(r, world.lookup));
    expect(sortedStore(naive)).not.toEqual(sortedStore(rebuilt));
  });

  it('merged shards equal the unsharded cells, whatever order the shards are read in', () => {
    const rng = mulberry32(seed + 1);
    const merged = new Map<string, Counters>();
    for (const [id, shards] of aggregateSharded(world.records, world.lookup)) {
      const cell = mergeShards(shuffle(rng, [...shards.values()]));
      if (Object.keys(cell).length > 0) merged.set(id, cell);
    }
    expect(sortedStore(merged)).toEqual(sortedStore(rebuilt));
  });

  it('every rollup is the sum of the exact cells under it', () => {
    const sums = new Map<string, Counters>();
    for (const [id, counters] of rebuilt) {
      const p = id.split('/');
      if (!['result', 'completion', 'skill'].includes(p[0]!)) continue;
      const dims = p[0] === 'completion' ? [3, 4] : [3, 4, 5];
      if (p[2] === ALL || dims.some((i) => p[i] === ALL)) continue;
      const top = p.map((x, i) => (dims.includes(i) ? ALL : x));
      const tops = [top.join('/')];
      // Results and completions also roll up over every assessment / package (the overview).
      if (p[0] !== 'skill') tops.push(top.map((x, i) => (i === 2 ? ALL : x)).join('/'));
      for (const t of tops) sums.set(t, addCounters(sums.get(t) ?? {}, counters));
    }
    expect(sums.size).toBeGreaterThan(0);
    for (const [id, sum] of sums) expect(rebuilt.get(id), id).toEqual(sum);
  });

  it('stats of each cell match a direct computation from the raw attempts and assignments', () => {
    // Group raw scores the way a report question reads them: for every department, level and week
    // value or ALL, straight from the attempts, with no counters involved.
    type Group = { scores: number[]; passed: number; skills: Map<string, { correct: number; answered: number }> };
    const groups = new Map<string, Group>();
    for (const a of world.attempts) {
      if (a.status === 'in_progress' || a.result === null) continue;
      const who = world.lookup(a);
      for (const departmentId of [who.departmentId, undefined])
        for (const level of [who.level, undefined])
          for (const week of [attemptWeek(a), undefined]) {
            const id = cellId(resultKey({ tenantId: a.tenantId, assessmentId: a.assessmentId, departmentId, level, week }));
            const g: Group = groups.get(id) ?? { scores: [], passed: 0, skills: new Map() };
            g.scores.push(a.result.score);
            if (a.result.passed) g.passed += 1;
            for (const s of a.result.bySkill) {
              const k = g.skills.get(s.skill) ?? { correct: 0, answered: 0 };
              g.skills.set(s.skill, { correct: k.correct + s.correct, answered: k.answered + s.answered });
            }
            groups.set(id, g);
          }
    }
    expect(groups.size).toBeGreaterThan(0);
    for (const [id, g] of groups) {
      const stats = resultStats(rebuilt.get(id) ?? {});
      const n = g.scores.length;
      const mean = g.scores.reduce((s, x) => s + x, 0) / n;
      const variance = g.scores.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
      expect(stats.count, id).toBe(n);
      expect(stats.score.mean!, id).toBeCloseTo(mean, 9);
      expect(stats.score.variance!, id).toBeCloseTo(variance, 8);
      expect(stats.passRate, id).toBe(g.passed / n);
      const buckets = new Array<number>(10).fill(0);
      for (const x of g.scores) buckets[histogramBucket(Math.round(x * 10))]! += 1;
      expect(
        stats.histogram.map((b) => b.count),
        id,
      ).toEqual(buckets);
      const [tenantId, assessmentId] = id.split('/').slice(1, 3) as [string, string];
      for (const [skill, k] of g.skills) {
        const p = id.split('/');
        const sid = cellId({ ...skillKey({ tenantId, assessmentId, skill }), department: p[3]!, level: p[4]!, week: p[5]! });
        const s = skillStats(rebuilt.get(sid) ?? {});
        expect(s.answered, sid).toBe(k.answered);
        if (k.answered > 0) expect(s.percent!, sid).toBeCloseTo((100 * k.correct) / k.answered, 9);
      }
    }

    const byPackage = new Map<string, { assigned: number; completed: number; late: number; overdue: number }>();
    for (const x of world.assignments) {
      const g = byPackage.get(x.packageId) ?? { assigned: 0, completed: 0, late: 0, overdue: 0 };
      g.assigned += 1;
      if (x.status === 'completed') g.completed += 1;
      if (completedLate(x)) g.late += 1;
      if (x.status !== 'completed' && x.overdue) g.overdue += 1;
      byPackage.set(x.packageId, g);
    }
    for (const [packageId, g] of byPackage) {
      const s = completionStats(rebuilt.get(`completion/${world.tenantId}/${packageId}/*/*`) ?? {});
      expect(s.assigned).toBe(g.assigned);
      expect(s.completionRate).toBe(g.completed / g.assigned);
      expect(s.completedLate).toBe(g.late);
      expect(s.completedOnTime + s.completedLate).toBe(g.completed);
      expect(s.notStarted + s.inProgress + s.completed).toBe(g.assigned);
      expect(s.overdue).toBe(g.overdue);
    }
  });

  it('item statistics from the cells equal a direct computation from the answers', () => {
    const closed = world.attempts.filter((a) => a.status !== 'in_progress' && a.answers.length > 0);
    for (const assessmentId of new Set(closed.map((a) => a.assessmentId))) {
      const mine = closed.filter((a) => a.assessmentId === assessmentId);
      const prefix = `item/${world.tenantId}/${assessmentId}/`;
      const cells = new Map(
        [...rebuilt].filter(([id]) => id.startsWith(prefix) && !id.endsWith('/*')).map(([id, c]) => [id.slice(prefix.length), c]),
      );
      const attempts = rebuilt.get(`${prefix}*`)?.attempts ?? 0;
      expect(attempts).toBe(mine.length);
      for (const s of itemStats(cells, attempts)) {
        const rows = mine.flatMap((a) => {
          const x = a.answers.find((y) => y.questionId === s.itemId);
          return x
            ? [{ x: x.correct ? 1 : 0, rest: a.answers.filter((y) => y.correct).length - (x.correct ? 1 : 0), optionId: x.optionId }]
            : [];
        });
        expect(s.exposureCount).toBe(rows.length);
        expect(s.pValue).toBeCloseTo(rows.filter((r) => r.x === 1).length / rows.length, 12);
        const n = rows.length;
        const mx = rows.reduce((t, r) => t + r.x, 0) / n;
        const my = rows.reduce((t, r) => t + r.rest, 0) / n;
        const sxy = rows.reduce((t, r) => t + (r.x - mx) * (r.rest - my), 0);
        const sxx = rows.reduce((t, r) => t + (r.x - mx) ** 2, 0);
        const syy = rows.reduce((t, r) => t + (r.rest - my) ** 2, 0);
        const r = n >= 2 && sxx > 1e-12 && syy > 1e-12 ? sxy / Math.sqrt(sxx * syy) : null;
        if (r === null) expect(s.pointBiserial).toBeNull();
        else expect(s.pointBiserial).toBeCloseTo(r, 9);
        const chosen = rows.filter((x) => x.optionId !== null);
        for (const o of new Set(chosen.map((x) => x.optionId!)))
          expect(s.optionRates[o]).toBeCloseTo(chosen.filter((x) => x.optionId === o).length / chosen.length, 12);
      }
    }
  });
});

describe('the generator', () => {
  it('produces the cases the properties are about', () => {
    const worlds = SEEDS.map((s) => generateWorld(s));
    const records = worlds.flatMap((w) => w.records);
    const attempts = worlds.flatMap((w) => w.attempts);
    expect(records.some((r) => r.kind === 'attempt' && r.oldImage?.status === 'finished' && r.newImage === null)).toBe(true);
    expect(attempts.some((a) => a.status === 'expired')).toBe(true);
    expect(attempts.some((a) => a.status !== 'in_progress' && a.result === null)).toBe(true);
    expect(records.some((r) => r.kind === 'assignment' && r.oldImage?.status === 'completed' && r.newImage?.status === 'in_progress')).toBe(
      true,
    );
    expect(worlds.some((w) => [...w.memberships.values()].some((m) => m.length > 1))).toBe(true);
    // Redeliveries: more records than distinct idempotency identities.
    expect(new Set(records.map((r) => JSON.stringify(r))).size).toBeLessThan(records.length);
  });

  it('is reproducible from its seed', () => {
    const [a, b] = [generateWorld(7), generateWorld(7)];
    expect(a.records).toEqual(b.records);
    expect(a.memberships).toEqual(b.memberships);
    expect(generateWorld(8).records).not.toEqual(a.records);
  });
});
