import { describe, expect, it } from 'vitest';
import {
  ALL,
  NONE,
  cellId,
  cellsOfAssignment,
  cellsOfAttempt,
  completionKey,
  gapKey,
  goalKey,
  itemKey,
  skillSumKey,
  parseCellId,
  resultKey,
  skillKey,
  type CellKey,
} from './dimensions.js';
import type { AssignmentImage, AttemptImage } from './images.js';

const finished: AttemptImage = {
  id: 'att1',
  tenantId: 't1',
  userId: 'u1',
  assessmentId: 'as1',
  status: 'finished',
  finishedAt: '2025-04-09T01:00:00Z',
  result: {
    score: 80,
    passed: true,
    band: 5,
    theta: null,
    bySkill: [
      { skill: 'logic', correct: 2, answered: 2, percent: 100 },
      { skill: 'Excel・IT', correct: 1, answered: 2, percent: 50 },
    ],
  },
  answers: [],
};

describe('result cells of an attempt', () => {
  it('adds to the exact cell and every rollup over department, level and week', () => {
    const ids = cellsOfAttempt(finished, { departmentId: 'sales', level: 'junior' })
      .filter((c) => c.kind === 'result')
      .map(cellId);
    expect(ids.sort()).toEqual(
      [
        'result/t1/as1/sales/junior/2025-04-07',
        'result/t1/as1/sales/junior/*',
        'result/t1/as1/sales/*/2025-04-07',
        'result/t1/as1/sales/*/*',
        'result/t1/as1/*/junior/2025-04-07',
        'result/t1/as1/*/junior/*',
        'result/t1/as1/*/*/2025-04-07',
        'result/t1/as1/*/*/*',
        // The company overview: the same rollups over every assessment.
        'result/t1/*/sales/junior/2025-04-07',
        'result/t1/*/sales/junior/*',
        'result/t1/*/sales/*/2025-04-07',
        'result/t1/*/sales/*/*',
        'result/t1/*/*/junior/2025-04-07',
        'result/t1/*/*/junior/*',
        'result/t1/*/*/*/2025-04-07',
        'result/t1/*/*/*/*',
      ].sort(),
    );
  });

  it('has 8 rows per skill beside the 8 result cells of its own assessment', () => {
    const cells = cellsOfAttempt(finished, { departmentId: 'sales', level: 'junior' });
    expect(cells).toHaveLength(16 + 8 * 2);
    expect(cells.filter((c) => c.kind === 'skill' && c.assessmentId === ALL)).toEqual([]);
    expect(cells.filter((c) => c.kind === 'skill' && c.skill === 'logic')).toHaveLength(8);
    expect(cells.map(cellId)).toContain('skill/t1/as1/*/*/*/Excel・IT');
  });

  it('files a learner without department or level under NONE, which the rollups include', () => {
    const ids = cellsOfAttempt(finished, { departmentId: null, level: null }).map(cellId);
    expect(ids).toContain(`result/t1/as1/${NONE}/${NONE}/2025-04-07`);
    expect(ids).toContain(`result/t1/as1/${ALL}/${ALL}/${ALL}`);
  });

  it('adds nothing while the attempt is in progress', () => {
    expect(
      cellsOfAttempt(
        { ...finished, status: 'in_progress', finishedAt: null, result: null, answers: [] },
        { departmentId: 'd', level: 'mid' },
      ),
    ).toEqual([]);
  });

  it('counts an unscored closed attempt in its result cells only, and one without a finish time in week NONE', () => {
    const cells = cellsOfAttempt({ ...finished, status: 'expired', finishedAt: null, result: null }, { departmentId: 'd', level: 'mid' });
    expect(cells).toHaveLength(16);
    expect(cells.map(cellId)).toContain('result/t1/as1/d/mid/-');
  });
});

describe('completion cells', () => {
  it('are the package by the department and level the assignment carries, with rollups', () => {
    const x: AssignmentImage = {
      tenantId: 't1',
      userId: 'u1',
      packageId: 'p1',
      dueDate: null,
      status: 'not_started',
      completedAt: null,
      overdue: false,
      departmentId: 'hr',
      level: null,
    };
    expect(cellsOfAssignment(x).map(cellId)).toEqual([
      'completion/t1/p1/hr/-',
      'completion/t1/p1/hr/*',
      'completion/t1/p1/*/-',
      'completion/t1/p1/*/*',
      'completion/t1/*/hr/-',
      'completion/t1/*/hr/*',
      'completion/t1/*/*/-',
      'completion/t1/*/*/*',
    ]);
  });
});

describe('keys', () => {
  it('reads omitted dimensions as ALL and null as NONE', () => {
    expect(cellId(resultKey({ tenantId: 't', assessmentId: 'a' }))).toBe('result/t/a/*/*/*');
    expect(cellId(resultKey({ tenantId: 't', assessmentId: 'a', departmentId: null, week: '2025-04-07' }))).toBe(
      'result/t/a/-/*/2025-04-07',
    );
    expect(cellId(skillKey({ tenantId: 't', assessmentId: 'a', level: 'mid', skill: 'logic' }))).toBe('skill/t/a/*/mid/*/logic');
    expect(cellId(resultKey({ tenantId: 't', assessmentId: 'a', week: null }))).toBe('result/t/a/*/*/-');
    expect(cellId(completionKey({ tenantId: 't', packageId: 'p', departmentId: 'd' }))).toBe('completion/t/p/d/*');
  });

  it('escapes separators, and values spelled like a sentinel cannot be read as one', () => {
    const id = cellId(skillKey({ tenantId: 't', assessmentId: 'a/b', departmentId: '*', level: '-', skill: '100%#1' }));
    expect(id).toBe('skill/t/a%2Fb/%2A/%2D/*/100%25%231');
    const rollups = cellsOfAttempt(finished, { departmentId: '*', level: '-' }).map(cellId);
    // Sixteen distinct result cells: the department "*" is not mistaken for the rollup.
    expect(new Set(rollups.filter((c) => c.startsWith('result/'))).size).toBe(16);
  });

  it('parses every id it makes back into the same key', () => {
    const keys: CellKey[] = [
      ...cellsOfAttempt(finished, { departmentId: 'a/b', level: null }),
      completionKey({ tenantId: 't', packageId: 'p#1', departmentId: '*', level: 'x' }),
      goalKey({ tenantId: 't', departmentId: 'd/1', level: null }),
      gapKey({ tenantId: 't', level: 'mid' }),
      skillSumKey({ tenantId: 't', departmentId: '*' }),
      itemKey({ tenantId: 't', assessmentId: 'a', questionId: 'q/1' }),
      itemKey({ tenantId: 't', assessmentId: 'a' }),
    ];
    for (const key of keys) expect(parseCellId(cellId(key))).toEqual(key);
    expect(() => parseCellId('result/t/a/d')).toThrow(RangeError);
    expect(() => parseCellId('other/t/a/d/l')).toThrow(RangeError);
  });
});
