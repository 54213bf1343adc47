import { PARAMS, ROWS, UPLOADS, type Row } from './rows.js';
import type { Actor, World } from './world.js';

/** An operation as the app registers it (`routeAccess`), the source the matrix enumerates. */
export interface Operation {
  method: string;
  path: string;
  roles: readonly string[] | 'public';
}

export interface Probe {
  route: string;
  actor: string;
  phase: 'foreign' | 'own';
  world: string;
  status: number;
  /** The error code of a refusal. */
  code: string | null;
  problem: string | null;
}

export interface MatrixResult {
  routes: number;
  routeActorPairs: number;
  requests: number;
  /** How long each phase took (milliseconds). */
  foreignMs: number;
  ownMs: number;
  /** Operations without a row, and rows without an operation. */
  missingRows: string[];
  staleRows: string[];
  problems: string[];
  probes: Probe[];
}

export const keyOf = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

interface Sent {
  url: string;
  init: RequestInit;
  /** Everything the caller itself put in the request (a string found there is no leak). */
  echo: string;
}

function build(baseUrl: string, op: Operation, row: Row, world: World, token: string | null): Sent {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'id') {
      if (!row.id) throw new Error(`${keyOf(op)}: the row does not say what {id} names`);
      return encodeURIComponent(world.ids[row.id]);
    }
    const fill = PARAMS[name];
    if (!fill) throw new Error(`${keyOf(op)}: no filler for {${name}}`);
    return encodeURIComponent(fill(world));
  });
  const query = row.query ? `?${new URLSearchParams(row.query(world))}` : '';
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  // What a browser on the app's page sends with a write (passkey ceremonies read it).
  if (op.method !== 'get') headers.origin = baseUrl;
  let body: BodyInit | undefined;
  let echo = path + query;
  if (row.upload) {
    const file = UPLOADS[row.upload];
    if (row.upload === 'png') {
      headers['content-type'] = file.type;
      body = new Blob([file.bytes.slice()], { type: file.type });
    } else {
      const form = new FormData();
      form.set('file', new Blob([file.bytes.slice()], { type: file.type }), file.name);
      body = form;
    }
  } else if (op.method !== 'get') {
    const json = JSON.stringify(row.body ? row.body(world) : {});
    headers['content-type'] = 'application/json';
    body = json;
    echo += json;
  }
  return { url: `${baseUrl}${path}${query}`, init: { method: op.method.toUpperCase(), headers, body }, echo };
}

const isErrorShape = (body: unknown): boolean => {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' && Array.isArray(error.details);
};

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

/** What a caller may answer a probe with, and why. */
function expected(op: Operation, row: Row, actor: Actor): { statuses: number[]; why: string } {
  if (op.roles === 'public') return { statuses: row.public ?? [200], why: 'public route' };
  if (actor.role === 'anonymous') return { statuses: [401], why: 'no token' };
  if (!op.roles.includes(actor.role)) return { statuses: [403], why: `role ${actor.role} not declared` };
  const names = /\{\w+\}/.test(op.path);
  return { statuses: row.foreign ?? (names ? [404] : [200, 201, 202, 204]), why: 'declared role, foreign ids' };
}

async function probe(baseUrl: string, op: Operation, row: Row, actor: Actor, world: World, phase: 'foreign' | 'own'): Promise<Probe> {
  const sent = build(baseUrl, op, row, world, actor.client.token);
  const res = await fetch(sent.url, sent.init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') && text ? (JSON.parse(text) as unknown) : null;
  const route = keyOf(op);
  const problems: string[] = [];
  const code = (body as { error?: { code?: string } } | null)?.error?.code ?? null;
  // A finer rule than the role, documented on the row, may refuse in either phase.
  const refusedByRule =
    !!row.ownRefused && row.ownRefused.code === code && actor.role !== 'anonymous' && row.ownRefused.roles.includes(actor.role);
  if (res.status >= 500) problems.push(`server error ${res.status}`);
  if (res.status >= 400 && type.includes('json') && !isErrorShape(body)) problems.push(`${res.status} not in the error shape`);
  if (phase === 'foreign') {
    const want = expected(op, row, actor);
    if (!want.statuses.includes(res.status) && !(refusedByRule && want.why.startsWith('declared')))
      problems.push(`${res.status}, expected ${want.statuses.join('/')} (${want.why})`);
  } else {
    if ((res.status === 401 || res.status === 403) && !refusedByRule)
      problems.push(`${res.status} ${code ?? ''} on its own data (declared role ${actor.role})`);
  }
  if (!row.leakExempt) {
    const leaked = actor.forbidden.filter((m) => m && text.includes(m) && !sent.echo.includes(m));
    if (leaked.length) problems.push(`foreign data in the answer: ${leaked.slice(0, 3).join(', ')}`);
  }
  return {
    route,
    actor: actor.name,
    phase,
    world: world.label,
    status: res.status,
    code,
    problem: problems.length ? `${route} as ${actor.name} with ${world.label}'s ids (${phase}): ${problems.join('; ')}` : null,
  };
}

export interface MatrixOptions {
  concurrency?: number;
  /** Between the foreign and the own phase (the foreign phase must have changed nothing). */
  between?: () => Promise<string[]>;
}

/**
 * Every operation × every actor: first with the ids of scopes the actor must not reach (expecting
 * 401/403/404 or an answer from the caller's own scope, and never a foreign string in the
 * answer), then — for the roles the operation declares — with the actor's own ids, which must not
 * be refused.
 */
export async function runMatrix(baseUrl: string, ops: Operation[], actors: Actor[], options: MatrixOptions = {}): Promise<MatrixResult> {
  const limit = options.concurrency ?? 8;
  const keys = new Set(ops.map(keyOf));
  const missingRows = [...keys].filter((k) => !ROWS[k]).sort();
  const staleRows = Object.keys(ROWS)
    .filter((k) => !keys.has(k))
    .sort();
  const covered = ops.filter((op) => ROWS[keyOf(op)]);

  // The token and role gates answer before any id is read: a caller they stop meets one foreign
  // scope; a caller they let through meets every foreign scope it has.
  const gated = (op: Operation, actor: Actor) => op.roles !== 'public' && (actor.role === 'anonymous' || !op.roles.includes(actor.role));
  const foreign = covered.flatMap((op) =>
    actors.flatMap((actor) =>
      (gated(op, actor) ? actor.foreign.slice(0, 1) : actor.foreign).map(
        (world) => () => probe(baseUrl, op, ROWS[keyOf(op)]!, actor, world, 'foreign'),
      ),
    ),
  );
  const foreignStarted = performance.now();
  const probes = await pool(foreign, limit);
  const foreignMs = performance.now() - foreignStarted;
  const problems = probes.flatMap((p) => (p.problem ? [p.problem] : []));
  if (options.between) problems.push(...(await options.between()));

  // Own-scope writes act on real things (publish, agree, finish): one scope's writes go one at a
  // time, so each answer is to its request and not to a race with a sibling probe; the scopes run
  // side by side, and the reads all at once.
  const reads: (() => Promise<Probe>)[] = [];
  const lanes = new Map<string, (() => Promise<Probe>)[]>();
  for (const op of covered)
    for (const actor of actors) {
      if (!actor.own || actor.role === 'anonymous' || op.roles === 'public' || !op.roles.includes(actor.role)) continue;
      const task = () => probe(baseUrl, op, ROWS[keyOf(op)]!, actor, actor.own!, 'own');
      if (op.method === 'get') reads.push(task);
      else lanes.set(actor.own.label, [...(lanes.get(actor.own.label) ?? []), task]);
    }
  const ownStarted = performance.now();
  const ownProbes = (await Promise.all([pool(reads, limit), ...[...lanes.values()].map((lane) => pool(lane, 1))])).flat();
  const ownMs = performance.now() - ownStarted;
  problems.push(...ownProbes.flatMap((p) => (p.problem ? [p.problem] : [])));

  const pairs = new Set([...probes, ...ownProbes].map((p) => `${p.route}|${p.actor}`));
  return {
    routes: ops.length,
    routeActorPairs: pairs.size,
    requests: probes.length + ownProbes.length,
    foreignMs,
    ownMs,
    missingRows,
    staleRows,
    problems,
    probes: [...probes, ...ownProbes],
  };
}
