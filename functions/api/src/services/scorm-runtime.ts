import { randomId } from '@manabi/core';
import {
  completeModule,
  getAssignment,
  getFramework,
  getPackage,
  getScormRegistration,
  getUser,
  isConditionFailure,
  proficiencyEntryItem,
  saveScormRegistration,
  type ScormRegistrationRecord,
  type TenantDb,
} from '@manabi/data';
import {
  applyCommit,
  emptyRegistration,
  initialCmi,
  meetsRule,
  readCommit,
  scorePercent,
  startSession,
  totalSeconds,
  type RegistrationState,
} from '@manabi/scorm';
import { findSkill, type LearningPackage, type PackageModule, type SkillFramework } from '@manabi/upskilling';
import type { AppDeps, AuthClaims } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { refreshAssignmentState } from './packages.js';
import { findScormPackage } from './scorm-packages.js';

export const LAUNCH_AUDIENCE = 'manabi-scorm-launch';
export const SESSION_AUDIENCE = 'manabi-scorm-session';
/** A launch URL is opened at once by the page that asked for it. */
export const LAUNCH_TTL_SECONDS = 5 * 60;
/** A session covers one sitting with the package (its files and commits). */
export const SESSION_TTL_SECONDS = 8 * 3600;

/** What a launch (and the session it opens) is bound to. */
export interface ScormClaims {
  tenantId: string;
  userId: string;
  vendorId: string | null;
  packageId: string;
  moduleId: string;
  scormRef: string;
  /** The app origin that launched it: the only one that may frame the player and hear from it. */
  origin: string;
  sessionId?: string;
}

const asClaims = (p: Record<string, unknown> | null): ScormClaims | null => {
  if (!p) return null;
  const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
  const [tenantId, userId, packageId, moduleId, scormRef, origin] = ['tid', 'uid', 'pkg', 'mod', 'ref', 'org'].map(s);
  if (!tenantId || !userId || !packageId || !moduleId || !scormRef || !origin) return null;
  return { tenantId, userId, vendorId: s('vid'), packageId, moduleId, scormRef, origin, ...(s('sid') ? { sessionId: s('sid')! } : {}) };
};
const toPayload = (c: ScormClaims) => ({
  tid: c.tenantId,
  uid: c.userId,
  vid: c.vendorId,
  pkg: c.packageId,
  mod: c.moduleId,
  ref: c.scormRef,
  org: c.origin,
  ...(c.sessionId ? { sid: c.sessionId } : {}),
});

export const verifyLaunch = async (deps: AppDeps, token: string) =>
  asClaims(await deps.signer.verifyScoped(LAUNCH_AUDIENCE, token, deps.now()));
export const verifySession = async (deps: AppDeps, token: string) => {
  const claims = asClaims(await deps.signer.verifyScoped(SESSION_AUDIENCE, token, deps.now()));
  return claims?.sessionId ? claims : null;
};

type ScormModule = Extract<PackageModule, { kind: 'scorm' }>;

async function assignedScormModule(deps: AppDeps, db: TenantDb, userId: string, packageId: string, moduleId: string) {
  const assignment = await getAssignment(db, userId, packageId);
  if (!assignment) throw notFound('assignment');
  const pkg = await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: db.tenantId }, packageId);
  const module = pkg?.package.modules.find((m) => m.id === moduleId);
  if (!module) throw notFound('module');
  if (module.kind !== 'scorm') throw new ApiError(409, 'wrong_module_kind', 'wrong_module_kind.not_scorm');
  return { assignment, module: module as ScormModule };
}

/** The app origin a launch came from (the page's Origin; browsers send it with every POST), else the configured public URL. */
function launchOrigin(deps: AppDeps, origin: string | undefined): string {
  const content = new URL(deps.config.scormContentOrigin).origin;
  for (const candidate of [origin, deps.config.publicUrl]) {
    try {
      const url = candidate ? new URL(candidate) : null;
      if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.origin !== content) return url.origin;
    } catch {
      // Not a URL: try the next.
    }
  }
  throw new ApiError(400, 'validation_error', 'validation_error.launch', [{ path: 'origin', message: 'field.origin_missing' }]);
}

/** A learner launches a SCORM module of their own assignment: a URL on the content origin with a short-lived launch token. */
export async function launchScorm(deps: AppDeps, auth: AuthClaims, packageId: string, moduleId: string, origin: string | undefined) {
  const db = deps.data.clientFor(auth);
  const { module } = await assignedScormModule(deps, db, auth.userId, packageId, moduleId);
  const found = await findScormPackage(deps, module.scormPackageId, { tenantId: auth.tenantId, vendorId: auth.vendorId });
  if (!found) throw notFound('scorm_package');
  const claims: ScormClaims = {
    tenantId: auth.tenantId,
    userId: auth.userId,
    vendorId: auth.vendorId,
    packageId,
    moduleId,
    scormRef: found.ref,
    origin: launchOrigin(deps, origin),
  };
  const now = deps.now();
  const token = await deps.signer.signScoped(LAUNCH_AUDIENCE, toPayload(claims), LAUNCH_TTL_SECONDS, now);
  return {
    url: `${deps.config.scormContentOrigin}/scorm/player?t=${encodeURIComponent(token)}`,
    contentOrigin: new URL(deps.config.scormContentOrigin).origin,
    expiresAt: new Date(now.getTime() + LAUNCH_TTL_SECONDS * 1000).toISOString(),
  };
}

/** The learner's registration as the reader shows it (null before the first launch). */
export function registrationView(reg: ScormRegistrationRecord<RegistrationState> | null) {
  if (!reg) return null;
  const s = reg.state;
  return {
    completion: s.completion,
    success: s.success,
    scorePercent: scorePercent(s.score),
    totalSeconds: Math.round(totalSeconds(s)),
    sessions: s.sessions,
    resumable: s.exit === 'suspend' || s.suspendData !== '',
    completedAt: reg.completedAt,
    updatedAt: reg.updatedAt,
  };
}

export async function myRegistration(deps: AppDeps, auth: AuthClaims, packageId: string, moduleId: string) {
  const db = deps.data.clientFor(auth);
  await assignedScormModule(deps, db, auth.userId, packageId, moduleId);
  return registrationView(await getScormRegistration<RegistrationState>(db, auth.userId, packageId, moduleId));
}

/**
 * Opens a session for a launch: the previous session's time joins the total, and the player gets
 * the CMI data to start from (resume data after a suspend) and a session token for files and commits.
 */
export async function openSession(deps: AppDeps, claims: ScormClaims) {
  const db = deps.data.clientFor({ tenantId: claims.tenantId });
  const found = await findScormPackage(deps, claims.scormRef, { tenantId: claims.tenantId, vendorId: claims.vendorId });
  if (!found) throw notFound('scorm_package');
  const sessionId = randomId();
  for (let tries = 0; ; tries++) {
    const reg = await getScormRegistration<RegistrationState>(db, claims.userId, claims.packageId, claims.moduleId);
    // A module pointed at another package since: its runs start over.
    const current = reg && reg.scormRef === claims.scormRef ? reg.state : emptyRegistration(found.record.version);
    const state = startSession(current, sessionId);
    const next: ScormRegistrationRecord<RegistrationState> = {
      userId: claims.userId,
      packageId: claims.packageId,
      moduleId: claims.moduleId,
      scormRef: claims.scormRef,
      state,
      completedAt: reg && reg.scormRef === claims.scormRef ? reg.completedAt : null,
      evidenceAt: reg && reg.scormRef === claims.scormRef ? reg.evidenceAt : null,
      updatedAt: deps.now().toISOString(),
      rev: (reg?.rev ?? 0) + 1,
    };
    if (await saveScormRegistration(db, next, reg?.rev ?? 0)) {
      const user = await getUser(db, claims.userId);
      const sessionClaims = { ...claims, sessionId };
      const token = await deps.signer.signScoped(SESSION_AUDIENCE, toPayload(sessionClaims), SESSION_TTL_SECONDS, deps.now());
      return {
        record: found.record,
        token,
        cmi: initialCmi(state, { id: claims.userId, name: user?.name ?? '' }, found.record.launch.masteryScore),
      };
    }
    if (tries >= 3) throw new ApiError(409, 'conflict', 'conflict.registration');
  }
}

export interface CommitAnswer {
  status: number;
  body: { result: 'true' | 'false'; errorCode: number; status?: ReturnType<typeof registrationView> & { moduleDone: boolean } };
}

/**
 * Applies one commit of a session. Idempotent: a retried or out-of-order commit changes nothing; a
 * commit of a session a later launch replaced is refused. When the result first meets the module's
 * rule the module is completed (as lessons are) and, where the module names skills and a score
 * came with it, the score becomes skill evidence once.
 */
export async function commitScorm(deps: AppDeps, claims: ScormClaims, flat: Record<string, unknown>): Promise<CommitAnswer> {
  const db = deps.data.clientFor({ tenantId: claims.tenantId });
  const pkg = await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: claims.tenantId }, claims.packageId);
  const found = pkg?.package.modules.find((m) => m.id === claims.moduleId);
  const module = found?.kind === 'scorm' ? (found as ScormModule) : null;
  for (let tries = 0; tries < 4; tries++) {
    const reg = await getScormRegistration<RegistrationState>(db, claims.userId, claims.packageId, claims.moduleId);
    if (!reg || reg.scormRef !== claims.scormRef) return { status: 409, body: { result: 'false', errorCode: 101 } };
    const outcome = applyCommit(reg.state, claims.sessionId!, readCommit(reg.state.version, flat));
    if (outcome.kind === 'stale_session') return { status: 409, body: { result: 'false', errorCode: 101 } };
    if (outcome.kind === 'duplicate')
      return {
        status: 200,
        body: { result: 'true', errorCode: 0, status: { ...registrationView(reg)!, moduleDone: reg.completedAt !== null } },
      };

    const now = deps.now().toISOString();
    const met = module !== null && meetsRule(outcome.state, module.completion ?? 'completed');
    const completedAt = reg.completedAt ?? (met ? now : null);
    const evidence = met && !reg.evidenceAt && module ? await evidenceOf(db, claims, module, outcome.state, now) : [];
    const next: ScormRegistrationRecord<RegistrationState> = {
      ...reg,
      state: outcome.state,
      completedAt,
      evidenceAt: reg.evidenceAt ?? (evidence.length ? now : null),
      updatedAt: now,
      rev: reg.rev + 1,
    };
    if (!(await saveScormRegistration(db, next, reg.rev, evidence))) continue;
    if (completedAt) await recordCompletion(deps, db, claims, completedAt);
    return {
      status: 200,
      body: { result: 'true', errorCode: 0, status: { ...registrationView(next)!, moduleDone: completedAt !== null } },
    };
  }
  throw new ApiError(409, 'conflict', 'conflict.registration');
}

/** The module's completion, recorded as lessons record theirs (the first one is kept), and the assignment's state derived again. */
async function recordCompletion(deps: AppDeps, db: TenantDb, claims: ScormClaims, at: string) {
  try {
    await completeModule(db, claims.userId, claims.packageId, claims.moduleId, { at, by: claims.userId });
  } catch (error) {
    // The assignment was withdrawn meanwhile: the registration keeps the result, nothing else to complete.
    if (isConditionFailure(error)) return;
    throw error;
  }
  await refreshAssignmentState(deps, db, claims.userId, claims.packageId);
}

/** The score as evidence for each of the module's skills the framework knows (as a quiz result is). */
async function evidenceOf(db: TenantDb, claims: ScormClaims, module: ScormModule, state: RegistrationState, at: string) {
  const percent = scorePercent(state.score);
  if (percent === null || module.skillTags.length === 0) return [];
  const framework = (await getFramework<SkillFramework>(db))?.framework;
  if (!framework) return [];
  const skills = new Map<string, string>();
  for (const tag of module.skillTags) {
    const skill = findSkill(framework, tag);
    if (skill) skills.set(skill.id, skill.id);
  }
  return [...skills.keys()].map((skillId) =>
    proficiencyEntryItem(
      db,
      claims.userId,
      { skillId, source: 'assessment', date: at, percent, ref: `scorm:${claims.packageId}:${claims.moduleId}` },
      at,
    ),
  );
}
