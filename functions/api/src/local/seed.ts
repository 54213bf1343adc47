import { newDepartmentId, newUserId, type Level } from '@manabi/core';
import {
  createBank,
  createDepartment,
  createQuestions,
  createUser,
  findLogin,
  getVendor,
  isSeeded,
  markSeeded,
  putVendor,
  saveVendorBranding,
  setVendorFields,
  updateUser,
  type Vendor,
} from '@manabi/data';
import { createAccount } from '../services/vendors.js';
import { questionSchema } from '@manabi/questions';
import { assessmentInputSchema } from '@manabi/assessment';
import { randomId } from '@manabi/core';
import { createAssessment, getUser, publishAssessment } from '@manabi/data';
import { questionMeta } from '../routes/questions.js';
import { buildSnapshot } from '../services/assessment-publish.js';
import {
  catalogPackages,
  loadCatalogItems,
  loadPackageSources,
  packagesFolderBeside,
  catalogFolder,
  publishCatalogFolder,
} from './catalog.js';
import { VENDOR_BANK_NAME, VENDOR_QUESTIONS, vendorPackage } from './demo-vendor-content.js';
import { catalogBankId, type CatalogItem } from '@manabi/content';
import { packageSchema } from '@manabi/upskilling';
import { putNewPackage, putLearningSettings, DEFAULT_LEARNING_SETTINGS, assignPackage } from '@manabi/data';
import { materializeQuizzes } from '../services/packages.js';
import { withSeatingChart } from './demo-files.js';
import type { AppDeps } from '../env.js';
import { hashPassword } from '../auth/password.js';
import { signUpCompany } from '../services/signup.js';
import { seedDemoHistory, type HistorySummary } from './demo-history/index.js';

const DEMO_TEST_SKILLS = ['ビジネス基礎', 'コンプライアンス', '情報セキュリティ', '論理的思考', 'Excel・IT', 'コミュニケーション'];

export const DEMO_PASSWORD = 'manabi-demo-2026';
export const DEMO_VENDOR_ID = 'demovendor000001';
/** The demo vendor's white-label host: browsers resolve *.localhost to this machine by themselves. */
export const DEMO_VENDOR_HOST = 'partner.localhost';

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

const VENDOR_ADMIN = { role: 'vendor_admin', name: '小林 誠', email: 'vendor@demo.manabi.example' } as const;
const PLATFORM_ADMIN = { role: 'platform_admin', name: '運営 管理者', email: 'admin@demo.manabi.example' } as const;

export const DEMO: DemoAccounts = {
  company: '株式会社みらい商事',
  accounts: [
    { role: 'tenant_admin', name: '山本 花子', email: 'hr@demo.manabi.example' },
    ...PEOPLE.map(({ role, name, email }) => ({ role, name, email })),
    VENDOR_ADMIN,
    PLATFORM_ADMIN,
  ],
};

/** The demo vendor's brand, shown on its host and to the demo company once signed in. */
const DEMO_VENDOR_BRANDING = {
  productName: 'みらいラーニング',
  primaryColor: '#7c3aed',
  accentColor: '#f59e0b',
  signInText: { ja: 'パートナー研修ポータルへようこそ。', en: 'Welcome to the partner training portal.' },
  supportEmail: 'support@partner.example',
  emailSenderName: 'みらいラーニング事務局',
};

/** A vendor's or the platform's own admin, signed in with the demo password (no invitation to follow). */
async function seedConsoleAdmin(
  deps: AppDeps,
  who: { name: string; email: string },
  kind: 'vendor_home' | 'platform_home',
  vendor: { id: string; name: string } | null,
  passwordHash: string,
  now: string,
): Promise<string> {
  const { tenant, adminUserId } = await createAccount(deps, {
    name: vendor?.name ?? '運営',
    adminName: who.name,
    adminEmail: who.email,
    locale: 'ja',
    vendorId: vendor?.id ?? null,
    kind,
  });
  const db = deps.data.clientFor({ tenantId: tenant.id });
  const user = (await getUser(db, adminUserId))!;
  await updateUser(db, user, { status: 'active', emailVerified: true, passwordHash }, now);
  return tenant.id;
}

/**
 * Seeds the demo on first start only: a vendor, a Japanese company under it, its HR admin, a
 * manager and five learners in two departments. The marker is written last, so a start that was
 * interrupted mid-seed seeds again (each piece is a fresh id, and a taken email simply stops it).
 */
export interface SeedOptions {
  /**
   * Also play three months of company history (npm start only; tests seed their own data): the
   * report aggregator's stream is drained through `drain` on the history's clock.
   */
  history?: { drain: (deps: AppDeps) => Promise<number>; seed?: number };
}

export async function seedDemo(
  deps: AppDeps,
  options: SeedOptions = {},
): Promise<{ status: 'seeded' | 'already'; history: HistorySummary | null }> {
  if (await isSeeded(deps.data.platform)) {
    // Every later start brings the catalog up to date with content/catalog and content/packages
    // (edited items get a new published version, new ones are added, edited packages a new rev);
    // unchanged folders cost one read.
    await publishCatalogFolder(deps.data.platform, deps.now().toISOString());
    return { status: 'already', history: null };
  }
  const now = deps.now().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const vendor: Vendor = {
    id: DEMO_VENDOR_ID,
    name: 'デモ販売パートナー株式会社',
    status: 'active',
    createdAt: now,
    allowTenantBranding: true,
  };
  await putVendor(deps.data.platform, vendor);
  vendor.homeTenantId = await seedConsoleAdmin(deps, VENDOR_ADMIN, 'vendor_home', vendor, passwordHash, now);
  await setVendorFields(deps.data.platform, vendor.id, { homeTenantId: vendor.homeTenantId });
  await saveVendorBranding(deps.data.platform, vendor, { branding: DEMO_VENDOR_BRANDING, domains: [DEMO_VENDOR_HOST], selfSignup: true });
  await seedConsoleAdmin(deps, PLATFORM_ADMIN, 'platform_home', null, passwordHash, now);
  const branded = (await getVendor(deps.data.platform, vendor.id))!;
  await seedVendorContent(deps, vendor.id, now);
  const signedUp = await signUpCompany(
    deps,
    { companyName: DEMO.company, adminName: DEMO.accounts[0]!.name, email: DEMO.accounts[0]!.email, password: DEMO_PASSWORD, locale: 'ja' },
    branded,
  );
  if (!signedUp) throw new Error(`The demo HR admin's address is already registered: ${DEMO.accounts[0]!.email}`);
  const { tenant, user: hr } = signedUp;
  const db = deps.data.clientFor({ tenantId: tenant.id });
  // The demo HR admin's address counts as confirmed (nobody reads the demo's outbox first): active at once.
  await updateUser(db, hr, { status: 'active', emailVerified: true }, now);
  const departments = [
    await createDepartment(db, newDepartmentId(), '営業部', now),
    await createDepartment(db, newDepartmentId(), '開発部', now),
  ];
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
  const items = await seedAssessments(deps, tenant.id, now);
  await seedPackages(deps, tenant.id, items, now);
  const history = options.history
    ? await seedDemoHistory(deps, { tenantId: tenant.id, hrUserId: hr.id, passwordHash, ...options.history })
    : null;
  await markSeeded(deps.data.platform, now);
  return { status: 'seeded', history };
}

/**
 * The platform catalog (content/catalog and the level packages of content/packages, stored once
 * for every company) and two published assessments for the demo company: a fixed check (2
 * questions from each of the new-employee skills) and an adaptive diagnosis over the same skills.
 */
async function seedAssessments(deps: AppDeps, tenantId: string, now: string): Promise<CatalogItem[]> {
  const items = loadCatalogItems();
  await publishCatalogFolder(deps.data.platform, now, catalogFolder(), packagesFolderBeside(catalogFolder()), { force: true });
  const bankId = catalogBankId();
  // The demo's tests keep to the six skills its new employees' package teaches, whatever else the catalog grows to hold.
  const skills = DEMO_TEST_SKILLS.filter((skill) =>
    items.some((i) => i.question.level === 'new_hire' && i.question.skillTags.includes(skill)),
  );
  const db = deps.data.clientFor({ tenantId });
  const assessments = [
    {
      title: { ja: '新入社員 基礎確認テスト', en: 'New employee basics check' },
      mode: 'fixed',
      bankIds: [`catalog:${bankId}`],
      fixed: {
        questionIds: [],
        draws: skills.map((skill) => ({ skill, level: 'new_hire', count: 2 })),
        shuffleQuestions: true,
        shuffleOptions: true,
      },
      timeLimitMinutes: 20,
      passMark: 60,
      attemptsAllowed: 3,
      reviewPolicy: 'after_submit',
      audience: { levels: ['new_hire'] },
    },
    {
      title: { ja: 'ビジネス基礎力診断（適応型）', en: 'Business fundamentals diagnosis (adaptive)' },
      mode: 'adaptive',
      bankIds: [`catalog:${bankId}`],
      adaptive: { skills, minItems: 6, maxItems: 15, seTarget: 0.4 },
      timeLimitMinutes: 30,
      passMark: 3,
      attemptsAllowed: null,
      reviewPolicy: 'after_submit',
    },
  ];
  for (const input of assessments) {
    const settings = assessmentInputSchema.parse(input);
    const created = await createAssessment(db, randomId(), settings, now);
    const { snapshot, questionCount } = await buildSnapshot(deps.data.platform, tenantId, settings, 1);
    await publishAssessment(db, created, snapshot, questionCount, now);
  }
  return items;
}

/**
 * The demo company's own copy of the catalog's new-employee package (published with the catalog
 * above), assigned to the new employees and set to be assigned automatically to anyone who
 * becomes one.
 */
async function seedPackages(deps: AppDeps, tenantId: string, items: CatalogItem[], now: string): Promise<void> {
  const source = catalogPackages(loadPackageSources(packagesFolderBeside(catalogFolder())!, items)).find((p) => p.level === 'new_hire');
  if (!source) return;
  const db = deps.data.clientFor({ tenantId });
  const pkg = await withSeatingChart(deps, tenantId, await materializeQuizzes(deps, db, source.package), now);
  const id = randomId();
  await putNewPackage(
    deps.data.platform,
    { kind: 'tenant', tenantId },
    { id, package: pkg, clonedFrom: source.id, createdAt: now, updatedAt: now, rev: 1 },
  );
  await putLearningSettings(db, { ...DEFAULT_LEARNING_SETTINGS, autoAssign: { new_hire: id } }, now);
  const due = new Date(Date.parse(now) + 60 * 86400_000).toISOString().slice(0, 10);
  for (const p of PEOPLE.filter((x) => x.level === 'new_hire')) {
    const login = await findLogin(deps.data.platform, p.email);
    if (login)
      await assignPackage(db, {
        userId: login.userId,
        packageId: id,
        dueDate: due,
        assignedAt: now,
        assignedBy: 'seed',
        via: 'level',
        completions: {},
        departmentId: (await getUser(db, login.userId))?.departmentId ?? null,
        level: p.level,
      });
  }
}

/** The demo vendor's own bank and package, offered read-only to the demo company. */
async function seedVendorContent(deps: AppDeps, vendorId: string, now: string): Promise<void> {
  const owner = { kind: 'vendor', vendorId } as const;
  const bankId = randomId();
  await createBank(deps.data.platform, owner, bankId, VENDOR_BANK_NAME, now);
  const questions = VENDOR_QUESTIONS.map((q) => questionSchema.parse(q));
  await createQuestions(
    deps.data.platform,
    owner,
    questions.map((q) => ({ id: randomId(), bankId, meta: questionMeta(q), content: q, publish: true })),
    now,
  );
  await putNewPackage(deps.data.platform, owner, {
    id: randomId(),
    package: packageSchema.parse(vendorPackage(bankId)),
    clonedFrom: null,
    createdAt: now,
    updatedAt: now,
    rev: 1,
  });
}
