import type { Question } from '@manabi/questions';
import type { answerResponseSchema, attemptViewSchema, Infer } from '@manabi/contract';
import { createUser, findLogin, getTenantAccount } from '@manabi/data';
import { newUserId, type Role } from '@manabi/core';
import { createApp } from '../../app.js';
import type { AppDeps, AuthClaims } from '../../env.js';
import { runReminders } from '../../jobs/reminders.js';
import { loadCatalogItems } from '../catalog.js';
import { abilityOn, chanceRight, responseFor } from './answers.js';
import { annualPackage } from './annual-package.js';
import { dateOfDay, HISTORY_DAYS, instantOf, showcaseLearner, type HistoryPlan, type PlannedEvent, type PlannedPerson } from './plan.js';
import { derive } from './random.js';

type AttemptView = Infer<typeof attemptViewSchema>;
type AnswerResponse = Infer<typeof answerResponseSchema>;

/**
 * Plays a history plan through the app itself: the same Hono app the server runs, called in
 * process as each person (a token signed for them), on a clock moved to each planned minute. So
 * every write goes through the routes, services and domain rules a click would, and is dated by
 * the app clock. Between days the report aggregator reads the table's stream on the same clock.
 */
export interface HistoryRunOptions {
  tenantId: string;
  /** The demo company's HR admin (assigns, rates managers, agrees managers' goals). */
  hrUserId: string;
  /** The demo password's hash: every history person can sign in. */
  passwordHash: string;
  /** Applies the stream written so far with these dependencies (their clock); returns the records read. */
  drain: (deps: AppDeps) => Promise<number>;
}

export interface HistorySummary {
  /** A learner with a full history to sign in as. */
  learner: { name: string; email: string };
  people: number;
  events: number;
  requests: number;
  attempts: number;
  answers: number;
  streamRecords: number;
  /** Of `ms`, the time the aggregator took to apply the stream. */
  aggregateMs: number;
  ms: number;
}

/** The top of the proficiency scale (1–5). */
const MAX_PROFICIENCY = 5;

const TITLES = { fixed: '新入社員 基礎確認テスト', adaptive: 'ビジネス基礎力診断（適応型）' } as const;

export async function playHistory(base: AppDeps, plan: HistoryPlan, options: HistoryRunOptions): Promise<HistorySummary> {
  const started = performance.now();
  let clock = instantOf(plan, 0).getTime() - 60 * 60_000;
  const draws = derive(plan.seed, 'attempt-draws');
  const deps: AppDeps = { ...base, now: () => new Date(clock), attemptSeed: () => draws.int(0, 2 ** 31 - 1), log: () => undefined };
  const app = createApp(deps);
  const showcase = showcaseLearner(plan);
  const summary: HistorySummary = {
    learner: { name: showcase.name, email: showcase.email },
    people: 0,
    events: plan.events.length,
    requests: 0,
    attempts: 0,
    answers: 0,
    streamRecords: 0,
    aggregateMs: 0,
    ms: 0,
  };
  const vendorId = (await getTenantAccount(base.data.platform, options.tenantId))?.vendorId ?? null;
  const db = base.data.clientFor({ tenantId: options.tenantId });

  const ids = new Map<string, { userId: string; role: Role }>([['hr', { userId: options.hrUserId, role: 'tenant_admin' }]]);
  const tokens = new Map<string, { token: string; at: number }>();
  const person = (key: string): PlannedPerson => plan.people.find((p) => p.key === key)!;
  const userId = (key: string) => ids.get(key)!.userId;

  /** One request as `who`, answered by the app; anything but success stops the seed loudly. */
  const call = async <T = unknown>(who: string, method: string, path: string, body?: unknown, allow: number[] = []): Promise<T | null> => {
    const id = ids.get(who);
    if (!id) throw new Error(`Unknown demo actor ${who}`);
    let cached = tokens.get(who);
    // Access tokens live 15 minutes on the app clock: sign a fresh one when the clock has moved on.
    if (!cached || clock - cached.at > 10 * 60_000 || clock < cached.at) {
      const claims: AuthClaims = { userId: id.userId, tenantId: options.tenantId, vendorId, role: id.role };
      cached = { token: await base.signer.signAccess(claims, new Date(clock)), at: clock };
      tokens.set(who, cached);
    }
    summary.requests++;
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${cached.token}`, 'content-type': 'application/json', 'accept-language': 'ja' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (allow.includes(res.status)) return null;
    if (!res.ok) throw new Error(`Demo history: ${who} ${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  const questions = new Map<string, { question: Question; difficulty: number }>();
  for (const { question } of loadCatalogItems())
    questions.set(question.stem.ja ?? '', { question, difficulty: question.difficultyPrior ?? 0 });

  // ── Day 0, before work: departments, people, packages, tests ──
  const departments = new Map<string, string>();
  const existingDepartments = (await call<{ items: { id: string; name: string }[] }>('hr', 'GET', '/api/departments'))!.items;
  for (const d of plan.departments) {
    const found = existingDepartments.find((x) => x.name === d.name);
    departments.set(d.key, found ? found.id : (await call<{ id: string }>('hr', 'POST', '/api/departments', { name: d.name }))!.id);
  }
  for (const p of plan.people) {
    if (p.existing) {
      const login = await findLogin(base.data.platform, p.email);
      if (!login) throw new Error(`Demo history: ${p.email} is missing`);
      ids.set(p.key, { userId: login.userId, role: p.role });
      continue;
    }
    // People are added as the base seed adds its own: active, with the demo password (an HR import would invite them).
    const created = await createUser(
      db,
      {
        id: newUserId(),
        name: p.name,
        furigana: p.furigana,
        email: p.email,
        role: p.role,
        departmentId: departments.get(p.department)!,
        level: p.level,
        hireDate: p.hireDate,
        locale: 'ja',
        status: 'active',
        emailVerified: true,
        passwordHash: options.passwordHash,
      },
      new Date(clock).toISOString(),
    );
    ids.set(p.key, { userId: created.id, role: p.role });
    summary.people++;
  }

  type PackageItem = { id: string; owner: string; level: string; clonedFrom: string | null };
  const listed = (await call<{ items: PackageItem[] }>('hr', 'GET', '/api/packages'))!.items;
  const levelPackages = new Map<string, string>();
  for (const item of listed.filter((x) => x.owner === 'tenant')) levelPackages.set(item.level, item.id);
  for (const item of listed.filter((x) => x.owner === 'catalog')) {
    if (levelPackages.has(item.level)) continue;
    const clone = (await call<{ id: string }>('hr', 'POST', `/api/catalog/packages/${item.id}/clone`))!;
    levelPackages.set(item.level, clone.id);
  }
  const assessments = (await call<{ items: { id: string; title: { ja?: string } }[] }>('hr', 'GET', '/api/assessments'))!.items;
  const testId = (test: 'fixed' | 'adaptive') => assessments.find((a) => a.title.ja === TITLES[test])!.id;
  // The annual package draws from the catalog bank the demo tests use.
  const bankRef = (await call<{ bankIds: string[] }>('hr', 'GET', `/api/assessments/${testId('fixed')}`))!.bankIds[0]!;
  const annualId = (await call<{ id: string }>('hr', 'POST', '/api/packages', annualPackage(fiscalYearOf(plan.today), bankRef)))!.id;
  const packageOf = (p: PlannedPerson, pkg: 'level' | 'annual') => (pkg === 'annual' ? annualId : levelPackages.get(p.level)!);
  type Module = {
    id: string;
    kind: string;
    estimatedMinutes: number;
    assessmentId?: string;
    completion?: { rule: string; minutes?: number };
    /** A level package's placement test keeps its adaptive template. */
    template?: { adaptive?: unknown };
  };
  const modules = new Map<string, Module[]>();
  const modulesOf = async (packageId: string) => {
    if (!modules.has(packageId))
      modules.set(packageId, (await call<{ package: { modules: Module[] } }>('hr', 'GET', `/api/packages/${packageId}`))!.package.modules);
    return modules.get(packageId)!;
  };
  const drain = async () => {
    const t = performance.now();
    const read = await options.drain(deps);
    summary.aggregateMs += performance.now() - t;
    summary.streamRecords += read;
    return read;
  };
  const minutes = (n: number) => (clock += n * 60_000);
  const dayOfClock = () => Math.floor((clock - instantOf(plan, 0).getTime()) / 86400_000);

  /** One attempt, answered item by item as the person would; returns whether it passed. */
  const takeTest = async (who: string, assessmentId: string, boost: number, label: string): Promise<boolean> => {
    const p = person(who);
    const r = derive(plan.seed, `attempt:${who}:${assessmentId}:${label}`);
    let view = await call<AttemptView>(who, 'POST', `/api/assessments/${assessmentId}/attempts`, undefined, [409]);
    if (!view) return false;
    summary.attempts++;
    const ability = abilityOn(p, dayOfClock(), HISTORY_DAYS) + boost;
    while (view.current) {
      const found = questions.get(view.current.stem.ja ?? '');
      if (!found) throw new Error(`Demo history: unknown question ${view.current.questionId}`);
      const right = r.chance(chanceRight(ability, found.difficulty));
      clock += r.int(25, 110) * 1000;
      const response = responseFor(found.question, right, r);
      view = (await call<AnswerResponse>(who, 'POST', `/api/attempts/${view.id}/answers`, {
        questionId: view.current.questionId,
        response,
      }))!.attempt;
      summary.answers++;
    }
    if (view.status === 'in_progress') view = (await call<AttemptView>(who, 'POST', `/api/attempts/${view.id}/finish`))!;
    return Boolean(view.result?.passed);
  };

  const done = new Map<string, number>();
  const study = async (e: Extract<PlannedEvent, { kind: 'study' }>) => {
    const p = person(e.person);
    const packageId = packageOf(p, e.pkg);
    const list = await modulesOf(packageId);
    const key = `${e.person}:${packageId}`;
    const target = Math.ceil(e.share * list.length);
    const base = `/api/me/assignments/${packageId}/modules`;
    for (let i = done.get(key) ?? 0; i < target; i++) {
      const m = list[i]!;
      if (m.kind === 'lesson' && m.completion?.rule === 'viewed') {
        // The reader beats every 30 s while the lesson is on screen (the server caps each interval there).
        const view = `v${derive(plan.seed, key + m.id).int(10_000_000, 99_999_999)}`;
        const beats = (m.completion.minutes ?? 1) * 2 + 1;
        for (let seq = 1; seq <= beats; seq++) {
          if (seq > 1) clock += 30_000;
          await call(e.person, 'POST', `${base}/${m.id}/heartbeat`, { view, seq });
        }
      } else if (m.kind === 'lesson') {
        minutes(Math.min(m.estimatedMinutes, 15));
        await call(e.person, 'POST', `${base}/${m.id}/${m.completion?.rule === 'self' ? 'complete' : 'end-reached'}`);
      } else if (m.kind === 'quiz' && m.assessmentId && m.template?.adaptive) {
        // The placement test comes before the lessons: taken once, as the person stands (nobody fails it).
        await takeTest(e.person, m.assessmentId, 0, `${e.at}:placement`);
      } else if (m.kind === 'quiz' && m.assessmentId) {
        // Fresh from the lessons, people do better than on the general tests; a failed try is taken again.
        for (let tries = 0; tries < 3 && !(await takeTest(e.person, m.assessmentId, 0.9 + tries * 0.4, `${e.at}:${tries}`)); tries++)
          minutes(20);
      } else if (m.kind === 'ojt' || m.kind === 'session') {
        const lead = p.role === 'manager' ? 'hr' : plan.people.find((x) => x.department === p.department && x.role === 'manager')!.key;
        minutes(10);
        await call(lead, 'POST', `/api/users/${userId(e.person)}/assignments/${packageId}/modules/${m.id}/signoff`);
      } else {
        throw new Error(`Demo history: no way to complete a ${m.kind} module`);
      }
      done.set(key, i + 1);
    }
  };

  const checkIns = new Map<string, string>();
  const goals = new Map<string, string>();
  let day = 0;
  for (const e of plan.events) {
    const eventDay = Math.floor(e.at / 1440);
    if (eventDay !== day) {
      // Evening: the aggregator catches up with the day's writes on the day's clock.
      await drain();
      day = eventDay;
    }
    clock = Math.max(clock, instantOf(plan, e.at).getTime());
    switch (e.kind) {
      case 'assign':
        await call('hr', 'POST', `/api/packages/${packageOf(person(e.people[0]!), e.pkg)}/assignments`, {
          userIds: e.people.map(userId),
          dueDate: dateOfDay(plan, e.dueDay),
        });
        break;
      case 'study':
        await study(e);
        break;
      case 'attempt':
        await takeTest(e.person, testId(e.test), 0, String(e.at));
        break;
      case 'rate':
        if (e.rater === 'self') await call(e.person, 'POST', '/api/me/ratings', { skillId: e.skillId, value: e.value });
        else await call(e.rater, 'POST', `/api/users/${userId(e.person)}/ratings`, { skillId: e.skillId, value: e.value });
        break;
      case 'mentor':
        await call('hr', 'PUT', `/api/users/${userId(e.person)}/mentor`, { mentorId: userId(e.mentor) });
        break;
      case 'checkins': {
        const made = (await call<{ items: { id: string; dueDate: string }[] }>(e.host, 'POST', `/api/users/${userId(e.person)}/checkins`, {
          firstDate: dateOfDay(plan, e.firstDay),
          everyWeeks: e.everyWeeks,
          count: e.count,
        }))!;
        for (const c of made.items) checkIns.set(`${e.person}:${c.dueDate}`, c.id);
        break;
      }
      case 'reflection':
        await call(e.person, 'POST', `/api/checkins/${checkIns.get(`${e.person}:${dateOfDay(plan, e.dueDay)}`)}/reflection`, {
          text: e.text,
        });
        break;
      case 'comment':
        await call(e.host, 'POST', `/api/checkins/${checkIns.get(`${e.person}:${dateOfDay(plan, e.dueDay)}`)}/comment`, { text: e.text });
        break;
      case 'goal': {
        // The person aims above where the product rates them today: their tests may have moved that
        // since the plan was drawn. Already at the top of the scale, they set no goal on the skill.
        const mine = (await call<{ skills: { skillId: string; current: number | null }[] }>(e.person, 'GET', '/api/me/skills'))!;
        const current = mine.skills.find((s) => s.skillId === e.skillId)?.current ?? 0;
        const target = Math.max(e.target, Math.floor(current) + 1);
        if (target > MAX_PROFICIENCY) break;
        const created = (await call<{ id: string }>(e.person, 'POST', '/api/goals', {
          title: e.title,
          description: e.description.replace(`習熟度${e.target}を`, `習熟度${target}を`),
          metric: { kind: 'proficiency', skillId: e.skillId, target },
          skillId: e.skillId,
          reason: e.reason,
          dueDate: dateOfDay(plan, e.dueDay),
        }))!;
        goals.set(e.ref, created.id);
        break;
      }
      case 'goal_step':
        if (!goals.has(e.ref)) break; // never set (see 'goal')
        // The person's own results may overtake the plan (409, the goal stays as it is): a goal read
        // after its target was reached has moved to achieved, so evaluating it again is refused; one
        // whose skill reached the target before the manager agreed cannot be agreed, nor started.
        await call(e.by, 'POST', `/api/goals/${goals.get(e.ref)}/${e.step}`, undefined, [409]);
        break;
      case 'reminders':
        await drain();
        await runReminders(deps, [options.tenantId]);
        break;
    }
  }
  // Today: the clock is the real one again; overdue states and reminders as of now, then the last records.
  clock = Math.max(clock, base.now().getTime());
  await drain();
  await runReminders(deps, [options.tenantId]);
  for (let i = 0; i < 10; i++) {
    if ((await drain()) === 0) break;
  }
  summary.ms = Math.round(performance.now() - started);
  summary.aggregateMs = Math.round(summary.aggregateMs);
  return summary;
}

/** The Japanese fiscal year (April to March) a date falls in. */
const fiscalYearOf = (isoDate: string): string => String(Number(isoDate.slice(0, 4)) - (Number(isoDate.slice(5, 7)) < 4 ? 1 : 0));
