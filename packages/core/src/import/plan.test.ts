import { describe, expect, it } from 'vitest';
import { planImport, type ExistingUser } from './plan.js';
import type { ImportRow } from './rows.js';

const row = (over: Partial<ImportRow>): ImportRow => ({
  row: 2,
  name: 'A',
  email: 'a@example.com',
  role: 'learner',
  department: null,
  level: null,
  hireDate: null,
  ...over,
});
const existing = (over: Partial<ExistingUser>): ExistingUser => ({
  id: 'u1',
  name: 'A',
  email: 'a@example.com',
  role: 'learner',
  departmentId: null,
  level: null,
  hireDate: null,
  ...over,
});
const ctx = (over: Partial<Parameters<typeof planImport>[1]> = {}) => ({
  locale: 'en' as const,
  existingByEmail: new Map<string, ExistingUser>(),
  departmentIdByName: new Map<string, string>(),
  emailsTakenElsewhere: new Set<string>(),
  actorUserId: 'admin',
  columnName: { email: 'email', role: 'role' },
  ...over,
});

describe('planImport', () => {
  it('creates new users, updates changed ones by email and leaves identical ones', () => {
    const plan = planImport(
      [row({ row: 2, email: 'new@example.com' }), row({ row: 3, name: 'A renamed' }), row({ row: 4, email: 'same@example.com' })],
      ctx({
        existingByEmail: new Map([
          ['a@example.com', existing({})],
          ['same@example.com', existing({ id: 'u2', email: 'same@example.com' })],
        ]),
      }),
    );
    expect(plan.rows.map((r) => [r.row, r.action, r.userId])).toEqual([
      [2, 'create', null],
      [3, 'update', 'u1'],
      [4, 'unchanged', 'u2'],
    ]);
  });

  it('matches departments by folded name and lists each new department once', () => {
    const plan = planImport(
      [
        row({ row: 2, department: '営業部' }),
        row({ row: 3, email: 'b@x.jp', department: 'ＩＴ部' }),
        row({ row: 4, email: 'c@x.jp', department: 'it部' }),
      ],
      ctx({ departmentIdByName: new Map([['営業部', 'd1']]) }),
    );
    expect(plan.rows.map((r) => r.departmentId)).toEqual(['d1', null, null]);
    expect(plan.newDepartments).toEqual(['ＩＴ部']);
  });

  it('refuses emails of other tenants and a role change of the importing admin', () => {
    const plan = planImport(
      [row({ row: 2, email: 'taken@x.jp' }), row({ row: 3, email: 'me@x.jp', role: 'learner' })],
      ctx({
        emailsTakenElsewhere: new Set(['taken@x.jp']),
        existingByEmail: new Map([['me@x.jp', existing({ id: 'admin', email: 'me@x.jp', role: 'tenant_admin' })]]),
      }),
    );
    expect(plan.rows).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'email_taken'],
      [3, 'self_demotion'],
    ]);
  });
});
