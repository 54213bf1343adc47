import type { ScormVersion } from './manifest.js';

export type CompletionStatus = 'not_attempted' | 'unknown' | 'incomplete' | 'completed';
export type SuccessStatus = 'unknown' | 'failed' | 'passed';

export interface ScormScore {
  raw: number | null;
  min: number | null;
  max: number | null;
  /** -1…1 (SCORM 2004); derived from raw/min/max for SCORM 1.2. */
  scaled: number | null;
}

/**
 * What one person's runs of one package left (a registration). Completion and success keep the
 * best ever reported (completed/passed stay); resume data is the latest.
 */
export interface RegistrationState {
  version: ScormVersion;
  completion: CompletionStatus;
  success: SuccessStatus;
  /** The score that came with the best status reported. */
  score: ScormScore | null;
  suspendData: string;
  location: string;
  /** How the last session ended (`suspend` asks for a resume next time). */
  exit: string;
  /** Time of the sessions before the current one. */
  priorSeconds: number;
  /** The open session: its id (from the launch), the latest session time and commit sequence it reported. */
  session: { id: string; seconds: number; seq: number } | null;
  sessions: number;
}

/** What one commit from the runtime reported (fields it did not send are absent). */
export interface CommitReport {
  completion?: CompletionStatus;
  success?: SuccessStatus;
  score?: ScormScore;
  sessionSeconds?: number;
  suspendData?: string;
  location?: string;
  exit?: string;
  /** scorm-again's `commitSequence`: increases with every commit of a session. */
  seq?: number;
}

export const emptyRegistration = (version: ScormVersion): RegistrationState => ({
  version,
  completion: 'not_attempted',
  success: 'unknown',
  score: null,
  suspendData: '',
  location: '',
  exit: '',
  priorSeconds: 0,
  session: null,
  sessions: 0,
});

const COMPLETION_RANK: Record<CompletionStatus, number> = { not_attempted: 0, unknown: 0, incomplete: 1, completed: 2 };
const SUCCESS_RANK: Record<SuccessStatus, number> = { unknown: 0, failed: 1, passed: 2 };

// ── Time formats ───────────────────────────────────────────────────────────────────────────

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` → seconds (null if malformed). */
export function parseTimespan12(value: string): number | null {
  const m = /^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4]) : 0);
}

/** Seconds → SCORM 1.2 CMITimespan (hours up to 9999). */
export function formatTimespan12(seconds: number): string {
  const total = Math.min(Math.max(0, seconds), 9999 * 3600 + 3599.99);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total - h * 3600 - m * 60;
  const whole = Math.floor(s);
  const hundredths = Math.round((s - whole) * 100);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h, 4)}:${pad(m)}:${pad(whole)}${hundredths ? `.${pad(hundredths)}` : ''}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration, e.g. `PT1H2M3.5S`) → seconds (null if malformed). */
export function parseDuration2004(value: string): number | null {
  const m =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value.trim(),
    );
  if (!m || value.trim() === 'P' || value.trim().endsWith('T')) return null;
  const [, y, mo, d, h, mi, s] = m.map((part) => (part === undefined ? 0 : Number(part)));
  return y! * 365 * 86400 + mo! * 30 * 86400 + d! * 86400 + h! * 3600 + mi! * 60 + s!;
}

/** Seconds → SCORM 2004 timeinterval. */
export function formatDuration2004(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 100) / 100);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total - h * 3600 - m * 60) * 100) / 100;
  return `PT${h}H${m}M${s}S`;
}

// ── Reading a commit ───────────────────────────────────────────────────────────────────────

const num = (value: unknown): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function scoreOf(raw: number | null, min: number | null, max: number | null, scaled: number | null): ScormScore | undefined {
  if (raw === null && scaled === null) return undefined;
  let derived = scaled;
  if (derived === null && raw !== null) {
    if (min !== null && max !== null && max > min) derived = (raw - min) / (max - min);
    else if (raw >= 0 && raw <= 100) derived = raw / 100;
  }
  if (derived !== null) derived = Math.min(1, Math.max(-1, derived));
  return { raw, min, max, scaled: derived };
}

/** SCORM 1.2 `cmi.core.lesson_status` as completion and success. */
export function lessonStatus12(status: string): { completion: CompletionStatus; success: SuccessStatus } | null {
  switch (status) {
    case 'passed':
      return { completion: 'completed', success: 'passed' };
    case 'failed':
      return { completion: 'completed', success: 'failed' };
    case 'completed':
      return { completion: 'completed', success: 'unknown' };
    case 'incomplete':
    case 'browsed':
      return { completion: 'incomplete', success: 'unknown' };
    case 'not attempted':
      return { completion: 'not_attempted', success: 'unknown' };
    default:
      return null;
  }
}

/**
 * A commit from scorm-again in its flattened form (`{ 'cmi.core.lesson_status': 'passed', … }`)
 * read for the package's version. Unknown or malformed values are left out, not guessed.
 */
export function readCommit(version: ScormVersion, flat: Record<string, unknown>): CommitReport {
  const report: CommitReport = {};
  const seq = num(flat.commitSequence);
  if (seq !== null) report.seq = seq;
  if (version === '1.2') {
    const status = lessonStatus12(str(flat['cmi.core.lesson_status']) ?? '');
    if (status) Object.assign(report, status);
    const score = scoreOf(num(flat['cmi.core.score.raw']), num(flat['cmi.core.score.min']), num(flat['cmi.core.score.max']), null);
    if (score) report.score = score;
    const session = parseTimespan12(str(flat['cmi.core.session_time']) ?? '');
    if (session !== null) report.sessionSeconds = session;
    const location = str(flat['cmi.core.lesson_location']);
    if (location !== undefined) report.location = location;
    const exit = str(flat['cmi.core.exit']);
    if (exit !== undefined) report.exit = exit;
  } else {
    const completion = str(flat['cmi.completion_status']);
    if (completion === 'completed' || completion === 'incomplete' || completion === 'unknown') report.completion = completion;
    if (completion === 'not attempted') report.completion = 'not_attempted';
    const success = str(flat['cmi.success_status']);
    if (success === 'passed' || success === 'failed' || success === 'unknown') report.success = success;
    const score = scoreOf(
      num(flat['cmi.score.raw']),
      num(flat['cmi.score.min']),
      num(flat['cmi.score.max']),
      num(flat['cmi.score.scaled']),
    );
    if (score) report.score = score;
    const session = parseDuration2004(str(flat['cmi.session_time']) ?? '');
    if (session !== null) report.sessionSeconds = session;
    const location = str(flat['cmi.location']);
    if (location !== undefined) report.location = location;
    const exit = str(flat['cmi.exit']);
    if (exit !== undefined) report.exit = exit;
  }
  const suspend = str(flat['cmi.suspend_data']);
  if (suspend !== undefined) report.suspendData = suspend;
  return report;
}

// ── Applying it ────────────────────────────────────────────────────────────────────────────

/** A new launch: the open session's time joins the total and a new session begins. */
export function startSession(state: RegistrationState, sessionId: string): RegistrationState {
  return {
    ...state,
    priorSeconds: state.priorSeconds + (state.session?.seconds ?? 0),
    session: { id: sessionId, seconds: 0, seq: -1 },
    sessions: state.sessions + 1,
  };
}

export type CommitOutcome =
  | { kind: 'applied'; state: RegistrationState }
  /** Already applied (a retried commit) or older than one applied: nothing changes. */
  | { kind: 'duplicate' }
  /** From a session a later launch replaced. */
  | { kind: 'stale_session' };

const scaledOf = (s: ScormScore | null | undefined) => s?.scaled ?? -Infinity;

/**
 * Applies one commit of the open session. Session time is the session's own running figure, so a
 * retried commit changes nothing and total time never counts a session twice; completion and
 * success never fall back (completed and passed stay); the score kept is the one of the best result.
 */
export function applyCommit(state: RegistrationState, sessionId: string, report: CommitReport): CommitOutcome {
  if (!state.session || state.session.id !== sessionId) return { kind: 'stale_session' };
  const seq = report.seq ?? state.session.seq + 1;
  if (seq <= state.session.seq) return { kind: 'duplicate' };

  const completion =
    report.completion && COMPLETION_RANK[report.completion] > COMPLETION_RANK[state.completion] ? report.completion : state.completion;
  const success = report.success && SUCCESS_RANK[report.success] > SUCCESS_RANK[state.success] ? report.success : state.success;
  const reportedRank = SUCCESS_RANK[report.success ?? 'unknown'];
  const storedRank = SUCCESS_RANK[state.success];
  const betterScore =
    report.score !== undefined &&
    (state.score === null || reportedRank > storedRank || (reportedRank === storedRank && scaledOf(report.score) >= scaledOf(state.score)));

  return {
    kind: 'applied',
    state: {
      ...state,
      completion,
      success,
      score: betterScore ? report.score! : state.score,
      suspendData: report.suspendData ?? state.suspendData,
      location: report.location ?? state.location,
      exit: report.exit ?? state.exit,
      session: { id: sessionId, seq, seconds: Math.max(state.session.seconds, report.sessionSeconds ?? 0) },
    },
  };
}

export const totalSeconds = (state: RegistrationState): number => state.priorSeconds + (state.session?.seconds ?? 0);

/** Whether the registration meets a SCORM module's rule: completed (passing counts as completing), or passed. */
export function meetsRule(state: Pick<RegistrationState, 'completion' | 'success'>, rule: 'completed' | 'passed'): boolean {
  if (rule === 'passed') return state.success === 'passed';
  return state.completion === 'completed' || state.success === 'passed';
}

/** The score as a percent 0–100 (for skill evidence), or null without one. */
export function scorePercent(score: ScormScore | null): number | null {
  if (!score || score.scaled === null) return null;
  return Math.round(Math.min(1, Math.max(0, score.scaled)) * 100);
}

/** SCORM 1.2 `lesson_status` to hand back on resume, from the best result. */
function lessonStatusOf(state: RegistrationState): string {
  if (state.success === 'passed') return 'passed';
  if (state.success === 'failed') return 'failed';
  if (state.completion === 'completed') return 'completed';
  if (state.completion === 'incomplete') return 'incomplete';
  return 'not attempted';
}

/**
 * The CMI data a launch starts with (scorm-again's `loadFromJSON`): who the learner is, the total
 * time, the status so far and, after a suspended session, `entry = resume` with the suspend data
 * and location the SCO left.
 */
export function initialCmi(
  state: RegistrationState,
  learner: { id: string; name: string },
  masteryScore: number | null,
): Record<string, unknown> {
  // Called after the launch opened its session: a first session starts ab initio; one after a suspend resumes.
  const entry =
    state.sessions <= 1 && state.exit === '' && state.suspendData === '' ? 'ab-initio' : state.exit === 'suspend' ? 'resume' : '';
  const total = state.priorSeconds;
  const score = state.score;
  if (state.version === '1.2') {
    return {
      core: {
        student_id: learner.id,
        student_name: learner.name,
        lesson_location: state.location,
        lesson_status: lessonStatusOf(state),
        entry,
        total_time: formatTimespan12(total),
        ...(score && score.raw !== null
          ? {
              score: {
                raw: String(score.raw),
                min: score.min === null ? '' : String(score.min),
                max: score.max === null ? '' : String(score.max),
              },
            }
          : {}),
      },
      suspend_data: state.suspendData,
      ...(masteryScore !== null ? { student_data: { mastery_score: String(masteryScore) } } : {}),
    };
  }
  return {
    learner_id: learner.id,
    learner_name: learner.name,
    location: state.location,
    completion_status: state.completion === 'not_attempted' ? 'not attempted' : state.completion,
    success_status: state.success,
    entry,
    total_time: formatDuration2004(total),
    suspend_data: state.suspendData,
    ...(score
      ? {
          score: {
            ...(score.scaled !== null ? { scaled: String(score.scaled) } : {}),
            ...(score.raw !== null ? { raw: String(score.raw) } : {}),
            ...(score.min !== null ? { min: String(score.min) } : {}),
            ...(score.max !== null ? { max: String(score.max) } : {}),
          },
        }
      : {}),
  };
}
