import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccess, undeclaredResponses } from '@manabi/api';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client } from '../support/client.js';
import { createVendor, platformAdmin } from '../support/vendors.js';
import { company, type Company } from './world.js';
import { PARAMS, ROWS } from './rows.js';
import { deeplyNested, hostileString, MALFORMED_JSON, resolve, shaped, withPollution, type JsonSchema } from './hostile.js';
import { figuresDir } from './figures-dir.js';

/**
 * Property-based fuzzing of every operation (issue #20): inputs built from the operation's own
 * OpenAPI schema with hostile values (huge strings, wrong types, prototype-pollution keys, lone
 * surrogates, NUL, deep nesting, malformed JSON, bodies over the limit). Never a 5xx, always the
 * documented error shape and status, nothing written by a refused request, and everything still
 * readable after the hostile values that were valid were stored.
 */
let server: TestServer;
let f: Company;
let doc: any;
let clients: Record<string, Client>;
const seed = Number(process.env.MANABI_FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = { refused: 5, shaped: 8 };
let cases = 0;

interface Op {
  method: string;
  path: string;
  roles: readonly string[] | 'public';
  bodyLimit: number;
  spec: {
    parameters?: { name: string; in: string; schema?: JsonSchema }[];
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  };
}

interface Case {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: { type: string; data: string | Uint8Array };
}

beforeAll(async () => {
  server = await startTestServer();
  const platform = await platformAdmin(server);
  const vendor = await createVendor(server, platform, '検査の販売店');
  f = await company(server, vendor, 'F');
  clients = {
    anonymous: new Client(server.url),
    tenant_admin: f.hr,
    learner: f.learner,
    manager: f.manager,
    vendor_admin: vendor.client,
    platform_admin: platform,
  };
  doc = (await clients.anonymous!.get('/api/openapi.json')).body;
  undeclaredResponses.length = 0;
}, 300_000);
afterAll(() => server?.stop());

const ops = (): Op[] =>
  routeAccess
    // The dev outbox and job trigger exist only in the local demo server (never in the Lambda).
    .filter((r) => !r.path.startsWith('/api/dev/'))
    .map((r) => ({ ...r, spec: doc.paths[r.path][r.method] }));

const callerOf = (op: Op): Client =>
  op.roles === 'public'
    ? clients.anonymous!
    : clients[['tenant_admin', 'learner', 'manager', 'vendor_admin', 'platform_admin'].find((r) => op.roles.includes(r))!]!;

/**
 * A path segment, percent-encoded; a lone surrogate (which UTF-8 cannot encode) is sent as the
 * bytes a careless encoder would write for it (ED A0 80…): percent-encoding that is not UTF-8.
 */
const segment = (value: string): string =>
  [...value]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(ch);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');

/** The company's own ids in the path, so that a request is refused for what the fuzzer sent, not for an unknown id. */
function ownPath(op: Op, over: Record<string, string> = {}): string {
  const row = ROWS[`${op.method} ${op.path}`] ?? {};
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    segment(over[name] ?? (name === 'id' ? f.world.ids[row.id ?? 'user'] : PARAMS[name]!(f.world))),
  );
}

/**
 * One request on a connection of its own: a body over the limit is answered 413 while it is still
 * being sent, and the server then closes the connection (a shared keep-alive socket would break
 * the next request).
 */
async function send(op: Op, c: Case): Promise<{ status: number; type: string; body: any }> {
  const query = c.query ? `?${new URLSearchParams(c.query)}` : '';
  const headers: Record<string, string | number> = { origin: server.url };
  const caller = callerOf(op);
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  const payload = c.body ? (typeof c.body.data === 'string' ? Buffer.from(c.body.data) : Buffer.from(c.body.data)) : undefined;
  if (c.body) {
    headers['content-type'] = c.body.type;
    headers['content-length'] = payload!.length;
  }
  cases++;
  const { status, type, text } = await new Promise<{ status: number; type: string; text: string }>((done, fail) => {
    const req = request(
      `${server.url}${ownPath(op, c.path)}${query}`,
      { method: op.method.toUpperCase(), headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    // The server may stop reading a refused body: the answer already on its way is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') fail(error);
    });
    req.end(payload);
  });
  let body: unknown = text;
  if (type.includes('json') && text) body = JSON.parse(text);
  return { status, type, body };
}

const isErrorShape = (body: any) =>
  typeof body?.error?.code === 'string' && typeof body.error.message === 'string' && Array.isArray(body.error.details);

const contentTypes = (op: Op) => Object.keys(op.spec.requestBody?.content ?? {});
const jsonSchemaOf = (op: Op) => op.spec.requestBody?.content?.['application/json']?.schema;
const pathParams = (op: Op) => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const queryParams = (op: Op) => (op.spec.parameters ?? []).filter((p) => p.in === 'query');

/** Whether `{}` breaks a body schema: it has required fields, or it is a document the route checks itself (opaque or passed through). */
const emptyIsInvalid = (schema: JsonSchema & { additionalProperties?: unknown }) =>
  !!schema.required?.length || !schema.properties || (schema.additionalProperties !== undefined && schema.additionalProperties !== false);

/** Inputs every operation with an input must refuse (4xx) and must not act on. */
function refusedCases(op: Op): fc.Arbitrary<Case> | null {
  const options: fc.Arbitrary<Case>[] = [];
  const params = pathParams(op);
  // A hostile value for every parameter of the path: nothing can be named that way.
  if (params.length)
    options.push(
      fc.record(Object.fromEntries(params.map((p) => [p, hostileString]))).map((path) => ({ path: path as Record<string, string> })),
    );
  const types = contentTypes(op);
  if (types.includes('application/json')) {
    const schema = resolve(jsonSchemaOf(op), doc);
    const first = schema.required?.[0] ?? Object.keys(schema.properties ?? {})[0] ?? 'a';
    const json = (data: string) => ({ body: { type: 'application/json', data } });
    options.push(
      fc.constantFrom('[]', '"text"', '42', 'null', 'true', '[{}]').map(json),
      fc.constantFrom(...MALFORMED_JSON).map(json),
      fc
        .constantFrom(
          deeplyNested(20_000, 'array'),
          `{"${first}":${deeplyNested(20_000, 'object')}}`,
          `{"${first}":${deeplyNested(20_000, 'array')}}`,
        )
        .map(json),
      // Over the route's body limit: 413 before the body is read.
      fc.constant(json(`{"${first}":"${'x'.repeat(op.bodyLimit + 1)}"}`)),
      fc.constant({ body: { type: 'text/plain', data: '{"a":1}' } }),
    );
    // No body at all (no content type either): read as {}, which a body with required fields or an opaque document is not.
    if (emptyIsInvalid(schema)) options.push(fc.constant({}));
    // One required field of a type it cannot take.
    const mistyped = (schema.required ?? []).flatMap((key) => {
      const field = resolve(schema.properties?.[key], doc);
      const type = [field.type ?? []].flat();
      const bad: unknown[] = type.includes('array')
        ? ['x', 5]
        : type.includes('object') || field.properties
          ? ['x', [[1]]]
          : type.length || field.enum
            ? [[[]], { x: {} }]
            : [];
      return bad.map((value) => JSON.stringify({ [key]: value }));
    });
    if (mistyped.length) options.push(fc.constantFrom(...mistyped).map(json));
  } else if (types.length) {
    // Forms and images: JSON, or a body over the limit, instead.
    options.push(
      fc.constant({ body: { type: 'application/json', data: '{"file":"x"}' } }),
      fc.constant({ body: { type: types[0]!.replace('*', 'png'), data: new Uint8Array(op.bodyLimit + 1) } }),
    );
  }
  return options.length ? fc.oneof(...options) : null;
}

/** Schema-shaped hostile inputs: many are valid and may be acted on; none may break the server. */
function shapedCases(op: Op): fc.Arbitrary<Case> {
  const query = queryParams(op);
  const queryArb = query.length
    ? fc
        .record(
          Object.fromEntries(
            query.map((p) => [
              p.name,
              fc.oneof(
                hostileString,
                shaped(p.schema, doc).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null'))),
              ),
            ]),
          ),
          {
            requiredKeys: [],
          },
        )
        .map((q) => q as Record<string, string>)
    : fc.constant(undefined);
  const types = contentTypes(op);
  let bodyArb: fc.Arbitrary<Case['body']> = fc.constant(undefined);
  if (types.includes('application/json'))
    bodyArb = fc.tuple(shaped(jsonSchemaOf(op), doc), fc.boolean()).map(([value, pollute]) => {
      const text = JSON.stringify(value) ?? 'null';
      return { type: 'application/json', data: pollute ? withPollution(text) : text };
    });
  else if (types.includes('multipart/form-data'))
    bodyArb = fc.tuple(fc.uint8Array({ maxLength: 2000 }), hostileString).map(([bytes, name]) => {
      const boundary = 'fuzzboundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/["\r\n]/g, '')}"\r\nContent-Type: text/csv\r\n\r\n`;
      const data = new Uint8Array([...new TextEncoder().encode(head), ...bytes, ...new TextEncoder().encode(`\r\n--${boundary}--\r\n`)]);
      return { type: `multipart/form-data; boundary=${boundary}`, data };
    });
  else if (types.length) bodyArb = fc.uint8Array({ maxLength: 4000 }).map((data) => ({ type: types[0]!.replace('*', 'png'), data }));
  else if (op.method !== 'get') bodyArb = shaped({}, doc).map((v) => ({ type: 'application/json', data: JSON.stringify(v) ?? '{}' }));
  return fc.record({ query: queryArb, body: bodyArb }, { requiredKeys: [] }).map((c) => c as Case);
}

/** Runs `check` on `runs` cases of each operation (four operations at a time); answers the failures. */
async function fuzz(
  arbOf: (op: Op) => fc.Arbitrary<Case> | null,
  runs: number,
  check: (op: Op, res: Awaited<ReturnType<typeof send>>) => string | null,
) {
  const failures: string[] = [];
  const queue = ops();
  const worker = async () => {
    for (let op = queue.shift(); op; op = queue.shift()) {
      const arb = arbOf(op);
      if (!arb) continue;
      const current = op;
      const out = await fc.check(
        fc.asyncProperty(arb, async (c) => {
          const problem = check(current, await send(current, c));
          if (problem) throw new Error(problem);
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
      if (out.failed) {
        const example = JSON.stringify(out.counterexample, (_k, v) =>
          typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v,
        );
        failures.push(
          `${current.method} ${current.path} ${example}: ${String((out.errorInstance as Error)?.message ?? out.errorInstance).slice(0, 300)}`,
        );
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return failures;
}

const noServerError = (res: { status: number; type: string; body: any }) => {
  if (res.status >= 500) return `${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`;
  if (res.status >= 400 && res.type.includes('json') && !isErrorShape(res.body)) return `${res.status} not in the error shape`;
  return null;
};

/** The company as its people and admins read it: what a refused request must not have changed. */
async function readBack(): Promise<string> {
  const paths: [Client, string][] = [
    [f.hr, '/api/users?pageSize=200'],
    [f.hr, '/api/departments'],
    [f.hr, '/api/banks'],
    [f.hr, `/api/banks/${f.world.ids.bank}/questions`],
    [f.hr, '/api/assessments'],
    [f.hr, '/api/packages'],
    [f.hr, '/api/skills/framework'],
    [f.hr, '/api/certificate-template'],
    [f.hr, '/api/learning/settings'],
    [f.hr, '/api/security-settings'],
    [f.hr, '/api/tenant/branding'],
    [f.hr, '/api/import-jobs/users'],
    [f.hr, '/api/scorm-packages'],
    [f.hr, '/api/files'],
    [f.hr, '/api/audit-log'],
    [f.learner, '/api/me'],
    [f.learner, '/api/goals'],
    [f.learner, '/api/me/assignments'],
    [f.learner, '/api/me/notification-preferences'],
    [f.learner, `/api/users/${f.learnerId}/checkins`],
    [clients.vendor_admin!, '/api/vendor/tenants'],
    [clients.vendor_admin!, '/api/vendor/branding'],
    [clients.platform_admin!, '/api/platform/vendors'],
  ];
  const out: unknown[] = [];
  for (const [client, path] of paths) {
    const body = (await client.get(path)).body;
    // The platform's vendor list is shared with every test file running beside this one (they
    // add vendors of their own meanwhile): only this file's vendor is this file's data.
    if (path === '/api/platform/vendors') out.push(body.items.filter((v: { id: string }) => v.id === f.vendorId));
    // Catalog banks and packages are the platform's, shared by every company: other files publish
    // to the catalog meanwhile (the suite runs files side by side). This company's own are its data.
    else if (path === '/api/banks' || path === '/api/packages')
      out.push({ ...body, items: body.items.filter((i: { owner?: unknown }) => i.owner !== 'catalog') });
    else out.push(body);
  }
  // Signed file URLs carry their own expiry; they are not data.
  return JSON.stringify(out, (key, value) => (key === 'url' ? undefined : value));
}

describe('fuzzing every operation from its schema', () => {
  it('refuses inputs that break the schema (4xx in the error shape) and writes nothing for them', async () => {
    const before = await readBack();
    const failures = await fuzz(refusedCases, RUNS.refused, (op, res) => {
      const broken = noServerError(res);
      if (broken) return broken;
      // A read may answer a hostile id with nothing (a certificate code is "not valid"); a write must refuse it.
      if (res.status < 400 && op.method !== 'get') return `accepted (${res.status}) an input that breaks its schema`;
      return null;
    });
    expect(failures, `seed ${seed}`).toEqual([]);
    expect(await readBack()).toBe(before);
  }, 600_000);

  it('refuses a write sent without any body (no content type): 400, not a 500 from reading it', async () => {
    const answers: string[] = [];
    for (const op of ops().filter((o) => jsonSchemaOf(o))) {
      const schema = resolve(jsonSchemaOf(op), doc);
      if (!emptyIsInvalid(schema)) continue;
      const res = await send(op, {});
      if (res.status >= 500 || res.status < 400 || !isErrorShape(res.body)) answers.push(`${op.method} ${op.path}: ${res.status}`);
    }
    expect(answers).toEqual([]);
  });

  it('never answers 5xx to schema-shaped hostile values, stays unpolluted, and reads back whatever it stored', async () => {
    const failures = await fuzz(shapedCases, RUNS.shaped, (_op, res) => noServerError(res));
    expect(failures, `seed ${seed}`).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    // Everything the hostile values may have been stored in still reads without a server error.
    for (const op of ops().filter((o) => o.method === 'get')) {
      const res = await send(op, {});
      expect(res.status, `${op.method} ${op.path}`).toBeLessThan(500);
    }
    // Every answer given is one the OpenAPI document declares for its operation.
    expect(undeclaredResponses).toEqual([]);
    const dir = figuresDir();
    if (dir) writeFileSync(join(dir, 'fuzz.json'), JSON.stringify({ fuzz_cases: cases, fuzz_seed: seed }));
  }, 600_000);
});
