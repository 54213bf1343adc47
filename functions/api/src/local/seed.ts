import { newDepartmentId, newUserId, type Level } from '@manabi/core';
import { createDepartment, createUser, isSeeded, markSeeded, putVendor } from '@manabi/data';
import type { AppDeps } from '../env.js';
import { hashPassword } from '../auth/password.js';
import { signUpCompany } from '../services/signup.js';

export const DEMO_PASSWORD = 'manabi-demo-2026';
export const DEMO_VENDOR_ID = 'demovendor000001';

export interface DemoAccounts {
  company: string;
  accounts: { role: string; name: string; email: string }[];
}

const PEOPLE: { name: string; email: string; role: 'manager' | 'learner'; dept: 0 | 1; level: Level; hireDate: string }[] = [
  { name: '佐藤 健一', email: 'manager@demo.manabi.example', role: 'manager', dept: 0, level: 'manager', hireDate: '2012-04-01' },
  { name: '鈴木 美咲', email: 'learner1@demo.manabi.example', role: 'learner', dept: 0, level: 'new_hire', hireDate: '2026-04-01' },
  { name: '高橋 翔太', email: 'learner2@demo.manabi.example', role: 'learner', dept: 0, level: 'junior', hireDate: '2023-04-01' },
  { name: '田中 陽菜', email: 'learner3@demo.manabi.example', role: 'learner', dept: 0, level: 'mid', hireDate: '2018-04-01' },
  { name: '伊藤 大輔', email: 'learner4@demo.manabi.example', role: 'learner', dept: 1, level: 'new_hire', hireDate: '2026-04-01' },
  { name: '渡辺 さくら', email: 'learner5@demo.manabi.example', role: 'learner', dept: 1, level: 'leader', hireDate: '2015-10-01' },
];

export const DEMO: DemoAccounts = {
  company: '株式会社みらい商事',
  accounts: [
    { role: 'tenant_admin', name: '山本 花子', email: 'hr@demo.manabi.example' },
    ...PEOPLE.map(({ role, name, email }) => ({ role, name, email })),
  ],
};

/**
 * Seeds the demo on first start only: a vendor, a Japanese company under it, its HR admin, a
 * manager and five learners in two departments. The marker is written last, so a start that was
 * interrupted mid-seed seeds again (each piece is a fresh id, and a taken email simply stops it).
 */
export async function seedDemo(deps: AppDeps): Promise<'seeded' | 'already'> {
  if (await isSeeded(deps.data.platform)) return 'already';
  const now = deps.now().toISOString();
  await putVendor(deps.data.platform, { id: DEMO_VENDOR_ID, name: 'デモ販売パートナー株式会社', status: 'active', createdAt: now });
  const { tenant } = await signUpCompany(
    deps,
    { companyName: DEMO.company, adminName: DEMO.accounts[0]!.name, email: DEMO.accounts[0]!.email, password: DEMO_PASSWORD, locale: 'ja' },
    DEMO_VENDOR_ID,
  );
  const db = deps.data.clientFor({ tenantId: tenant.id });
  const departments = [
    await createDepartment(db, newDepartmentId(), '営業部', now),
    await createDepartment(db, newDepartmentId(), '開発部', now),
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of PEOPLE) {
    await createUser(
      db,
      {
        id: newUserId(),
        name: p.name,
        email: p.email,
        role: p.role,
        departmentId: departments[p.dept]!.id,
        level: p.level,
        hireDate: p.hireDate,
        locale: 'ja',
        status: 'active',
        emailVerified: true,
        passwordHash,
      },
      now,
    );
  }
  await markSeeded(deps.data.platform, now);
  return 'seeded';
}
