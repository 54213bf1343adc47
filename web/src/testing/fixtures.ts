import type {
  AttemptResult,
  AttemptView,
  FrameworkSkill,
  Goal,
  LearningPlan,
  MyAssignment,
  PackageModule,
  PackageProgress,
  Question,
  QuestionDetail,
  ServedItem,
  SkillFrameworkDocument,
  SkillMap,
  SkillStanding,
  User,
} from '../api/types';
import { ruleOf } from '../lib/completionRule';

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    name: '山田 花子',
    furigana: 'ヤマダ ハナコ',
    email: 'hanako@example.co.jp',
    role: 'tenant_admin',
    departmentId: null,
    departmentName: null,
    level: null,
    hireDate: null,
    jobRole: null,
    status: 'active',
    locale: 'ja',
    emailVerified: true,
    createdAt: '2025-04-01T00:00:00Z',
    updatedAt: '2025-04-01T00:00:00Z',
    ...overrides,
  };
}

export function makeServedItem(overrides: Partial<ServedItem> = {}): ServedItem {
  return {
    index: 0,
    questionId: 'q1',
    type: 'single_choice',
    stem: { ja: '報連相の「相」は何の略ですか。', en: 'What does the third part of "Ho-Ren-So" stand for?' },
    options: [
      { id: 'a', text: { ja: '相談', en: 'Consult' } },
      { id: 'b', text: { ja: '相互', en: 'Mutual' } },
      { id: 'c', text: { ja: '相続', en: 'Inherit' } },
    ],
    images: [],
    ...overrides,
  };
}

export function makeAttempt(overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    id: 'att1',
    assessmentId: 'as1',
    title: { ja: 'ビジネス基礎テスト', en: 'Business basics' },
    mode: 'fixed',
    status: 'in_progress',
    startedAt: '2025-04-01T09:55:00Z',
    deadline: null,
    serverNow: '2025-04-01T10:00:00Z',
    grading: null,
    progress: { answered: 2, total: 10, left: null, percent: null, maxItems: null },
    current: makeServedItem(),
    result: null,
    ...overrides,
  };
}

export function makeResult(overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    score: 80,
    passed: true,
    correct: 8,
    answered: 10,
    bySkill: [
      {
        skill: '論理的思考',
        skillId: 'logical-thinking',
        name: { ja: '論理的思考', en: 'Logical thinking' },
        correct: 4,
        answered: 5,
        percent: 80,
        band: 5,
        evidence: 'enough',
      },
      { skill: '報連相', skillId: null, name: null, correct: 3, answered: 5, percent: 60, band: 4, evidence: 'enough' },
    ],
    band: 4,
    focus: { skill: '報連相', skillId: null, name: null, correct: 3, answered: 5, percent: 60, band: 4, evidence: 'enough' },
    timeTakenSeconds: 754,
    review: null,
    ...overrides,
  };
}

export function makeQuestionDetail(overrides: Partial<QuestionDetail> = {}): QuestionDetail {
  const content: Question = {
    type: 'single_choice',
    stem: { ja: '報連相の「相」は？' },
    options: [
      { id: 'a', text: { ja: '相談' } },
      { id: 'b', text: { ja: '相互' } },
    ],
    correctOptionIds: ['a'],
    skillTags: ['報連相'],
    level: 'new_hire',
    difficultyPrior: null,
    irt: { a: 1, b: 0, c: 0.5, source: 'prior' },
    status: 'draft',
  };
  return {
    id: 'q1',
    bankId: 'bank1',
    type: 'single_choice',
    title: null,
    stemPreview: '報連相の「相」は？',
    skillTags: ['報連相'],
    level: 'new_hire',
    status: 'draft',
    latestVersion: 1,
    publishedVersion: null,
    irt: { a: 1, b: 0, c: 0.5, source: 'prior' },
    updatedAt: '2025-04-01T10:00:00Z',
    content,
    ...overrides,
  };
}

export function makeStanding(overrides: Partial<SkillStanding> = {}): SkillStanding {
  return {
    skillId: 'business-basics',
    name: { ja: 'ビジネス基礎', en: 'Business basics' },
    required: 3,
    current: 2,
    gap: 1,
    source: 'assessment',
    date: '2025-04-01',
    selfReported: false,
    stale: false,
    explanation: {
      ja: '習熟度 2：2025-04-01 のアセスメント（正答率 45%）による。',
      en: 'Proficiency 2: from the assessment of 2025-04-01 (45% correct).',
    },
    ...overrides,
  };
}

function frameworkSkill(id: string, ja: string, en: string, required: FrameworkSkill['required']): FrameworkSkill {
  const level = (n: number) => ({ ja: `${ja}の習熟度${n}の目安`, en: `${en} at proficiency ${n}` });
  return {
    id,
    name: { ja, en },
    description: { ja: `${ja}の説明`, en: `About ${en}` },
    proficiencyLevels: { 1: level(1), 2: level(2), 3: level(3), 4: level(4), 5: level(5) },
    required,
  };
}

export function makeFrameworkDocument(): SkillFrameworkDocument {
  return {
    framework: {
      categories: [
        {
          id: 'foundations',
          name: { ja: '社会人基礎', en: 'Professional foundations' },
          skills: [
            frameworkSkill('business-basics', 'ビジネス基礎', 'Business basics', { new_hire: 3, junior: 3 }),
            frameworkSkill('compliance', 'コンプライアンス', 'Compliance', { new_hire: 4, junior: 4 }),
            frameworkSkill('leadership', 'リーダーシップ', 'Leadership', { leader: 3 }),
          ],
        },
      ],
      jobRoles: [],
    },
    rev: 1,
    updatedAt: '2025-04-01T00:00:00Z',
  };
}

/** Two people in two departments; Sato needs no leadership at her level, Suzuki has not been assessed on compliance. */
export function makeSkillMap(overrides: Partial<SkillMap> = {}): SkillMap {
  return {
    skills: [
      { id: 'business-basics', name: { ja: 'ビジネス基礎', en: 'Business basics' } },
      { id: 'compliance', name: { ja: 'コンプライアンス', en: 'Compliance' } },
      { id: 'leadership', name: { ja: 'リーダーシップ', en: 'Leadership' } },
    ],
    rows: [
      {
        user: { id: 'u2', name: '佐藤 美咲', departmentId: 'd1', departmentName: '営業部', level: 'new_hire' },
        cells: [
          { skillId: 'business-basics', required: 3, current: 3, gap: 0, source: 'assessment' },
          { skillId: 'compliance', required: 4, current: 2, gap: 2, source: 'manager_rating' },
          { skillId: 'leadership', required: null, current: null, gap: null, source: null },
        ],
      },
      {
        user: { id: 'u3', name: '鈴木 一郎', departmentId: 'd2', departmentName: '開発部', level: 'leader' },
        cells: [
          { skillId: 'business-basics', required: 4, current: 3, gap: 1, source: 'self_rating' },
          { skillId: 'compliance', required: 4, current: null, gap: 4, source: null },
          { skillId: 'leadership', required: 3, current: 1, gap: 2, source: 'assessment' },
        ],
      },
    ],
    aggregates: {
      byDepartment: [
        {
          key: 'd1',
          name: '営業部',
          users: 1,
          skills: [
            { skillId: 'business-basics', users: 1, assessed: 1, meanCurrent: 3, meanGap: 0, withGap: 0 },
            { skillId: 'compliance', users: 1, assessed: 1, meanCurrent: 2, meanGap: 2, withGap: 1 },
          ],
        },
        {
          key: null,
          name: null,
          users: 2,
          skills: [{ skillId: 'business-basics', users: 2, assessed: 1, meanCurrent: 2.5, meanGap: 1.25, withGap: 1 }],
        },
      ],
      byLevel: [
        {
          key: 'leader',
          users: 1,
          skills: [{ skillId: 'leadership', users: 1, assessed: 1, meanCurrent: 1, meanGap: 2, withGap: 1 }],
        },
        {
          key: 'new_hire',
          users: 1,
          skills: [
            { skillId: 'business-basics', users: 1, assessed: 1, meanCurrent: 3, meanGap: 0, withGap: 0 },
            { skillId: 'compliance', users: 1, assessed: 0, meanCurrent: null, meanGap: 4, withGap: 1 },
          ],
        },
      ],
    },
    truncated: false,
    ...overrides,
  };
}

/** A new-hire package: a lesson, a quiz, an OJT task and a training session. */
export function makePackageModules(): PackageModule[] {
  return [
    {
      id: 'manners',
      kind: 'lesson',
      title: { ja: 'ビジネスマナー', en: 'Business manners' },
      estimatedMinutes: 20,
      skillTags: ['business-basics'],
      body: {
        ja: '# 挨拶\n\n**明るく**挨拶しましょう。\n\n- 目を見る\n- 笑顔で\n\n<script>alert(1)</script>',
        en: '# Greetings\n\nGreet **brightly**.',
      },
    },
    {
      id: 'manners-quiz',
      kind: 'quiz',
      title: { ja: 'マナー確認テスト', en: 'Manners quiz' },
      estimatedMinutes: 10,
      skillTags: ['business-basics'],
      assessmentId: 'as-quiz',
    },
    {
      id: 'ojt-call',
      kind: 'ojt',
      title: { ja: '電話応対の実践', en: 'Answering the phone' },
      estimatedMinutes: 60,
      skillTags: [],
      instructions: { ja: '先輩の横で電話を3件受ける。' },
    },
    {
      id: 'kickoff',
      kind: 'session',
      title: { ja: '新入社員研修（集合）', en: 'New-hire kickoff' },
      estimatedMinutes: 120,
      skillTags: [],
      format: 'in_person',
      startsAt: '2025-04-10T01:00:00Z',
      place: '本社 5F',
    },
  ];
}

export function makeProgress(done: Record<string, boolean> = {}, overrides: Partial<PackageProgress> = {}): PackageProgress {
  const modules = makePackageModules().map((m) => ({
    moduleId: m.id,
    kind: m.kind,
    rule: ruleOf(m),
    done: done[m.id] ?? false,
    completedAt: done[m.id] ? '2025-04-02T00:00:00Z' : null,
  }));
  const count = modules.filter((m) => m.done).length;
  return {
    modules,
    done: count,
    total: modules.length,
    percent: Math.floor((100 * count) / modules.length),
    status: count === 0 ? 'not_started' : count === modules.length ? 'completed' : 'in_progress',
    overdue: false,
    ...overrides,
  };
}

export function makeMyAssignment(overrides: Partial<MyAssignment> = {}): MyAssignment {
  return {
    packageId: 'pkg1',
    userId: 'u1',
    dueDate: '2025-04-30',
    assignedAt: '2025-04-01T00:00:00Z',
    via: 'level',
    package: { title: { ja: '新入社員研修', en: 'New-hire training' }, level: 'new_hire', modules: makePackageModules() },
    progress: makeProgress(),
    resume: null,
    ...overrides,
  };
}

export function makePlan(overrides: Partial<LearningPlan> = {}): LearningPlan {
  return {
    weeklyBudgetMinutes: 60,
    level: 'new_hire',
    weeks: [
      {
        weekStart: '2025-04-07',
        capacity: 60,
        minutes: 30,
        items: [
          {
            id: 'pkg1:manners',
            kind: 'assigned',
            minutes: 20,
            dueDate: '2025-04-05',
            oversized: false,
            title: { ja: 'ビジネスマナー', en: 'Business manners' },
            packageId: 'pkg1',
            moduleId: 'manners',
            moduleKind: 'lesson',
            reason: null,
          },
          {
            id: 'pkg1:manners-quiz',
            kind: 'assigned',
            minutes: 10,
            dueDate: '2025-04-30',
            oversized: false,
            title: { ja: 'マナー確認テスト', en: 'Manners quiz' },
            packageId: 'pkg1',
            moduleId: 'manners-quiz',
            moduleKind: 'quiz',
            reason: null,
          },
        ],
      },
      {
        weekStart: '2025-04-14',
        capacity: 60,
        minutes: 15,
        items: [
          {
            id: 'cat1:logic',
            kind: 'recommended',
            minutes: 15,
            dueDate: null,
            oversized: false,
            title: { ja: 'ロジカルシンキング入門', en: 'Logical thinking basics' },
            packageId: 'cat1',
            moduleId: 'logic',
            moduleKind: 'lesson',
            reason: { ja: '論理的思考のギャップが2あります', en: 'You are 2 short in logical thinking' },
          },
        ],
      },
      { weekStart: '2025-04-21', capacity: 60, minutes: 0, items: [] },
    ],
    late: [
      {
        id: 'pkg1:manners',
        dueDate: '2025-04-05',
        weekStart: '2025-04-07',
        reason: 'overdue',
        title: { ja: 'ビジネスマナー', en: 'Business manners' },
        packageId: 'pkg1',
        moduleId: 'manners',
        moduleKind: 'lesson',
      },
    ],
    unscheduled: [],
    recommendations: [
      {
        id: 'cat1:logic',
        packageId: 'cat1',
        moduleId: 'logic',
        moduleKind: 'lesson',
        title: { ja: 'ロジカルシンキング入門', en: 'Logical thinking basics' },
        skillId: 'logical-thinking',
        estimatedMinutes: 15,
        reasonText: { ja: '論理的思考のギャップが2あります', en: 'You are 2 short in logical thinking' },
      },
    ],
    ...overrides,
  };
}

export function makeGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'g1',
    userId: 'u2',
    title: '報連相を徹底する',
    description: '毎日の終業時に上長へ進捗を報告する',
    metric: { kind: 'proficiency', skillId: 'business-basics', target: 3 },
    skillId: 'business-basics',
    reason: 'チームの仕事を止めないため',
    dueDate: '2025-09-30',
    status: 'draft',
    baseline: null,
    agreedBy: null,
    agreedAt: null,
    closedAt: null,
    finalValue: null,
    current: 2,
    progress: null,
    warning: null,
    ...overrides,
  };
}
