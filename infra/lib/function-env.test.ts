import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUD_FUNCTION_ENV, type CloudFunction } from '../../functions/api/src/cloud/env';
import { ENTRY_METADATA, REPO_ROOT } from './manabi-stack';
import { synthStage } from './testing';

type Json = Record<string, unknown>;

/** The environment spec an entry reads: the argument of its one `cloudEnv('<name>')` call. */
function specOfEntry(entry: string): CloudFunction {
  const source = readFileSync(join(REPO_ROOT, entry), 'utf8');
  expect(source, `${entry} reads process.env only through cloudEnv`).not.toMatch(/process\.env/);
  const calls = [...source.matchAll(/\bcloudEnv\(\s*'(\w+)'\s*\)/g)].map((m) => m[1]!);
  expect(calls, `${entry} calls cloudEnv once`).toHaveLength(1);
  expect(Object.keys(CLOUD_FUNCTION_ENV), entry).toContain(calls[0]);
  return calls[0] as CloudFunction;
}

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'local' || name === 'dist') continue;
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) yield path;
  }
}

describe('every environment variable the code reads is set by the stack', () => {
  for (const context of [{}, { stage: 'prod' }, { scopedData: 'true' }]) {
    it(`sets, for each function, the variables its bundle entry requires (${JSON.stringify(context)})`, () => {
      const { main } = synthStage(context);
      const fns = Object.entries(main.findResources('AWS::Lambda::Function')).filter(
        ([, f]) => (f.Metadata as Json | undefined)?.[ENTRY_METADATA],
      );
      expect(fns.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
        'AggregateFunction',
        'ApiFunction',
        'EmailEventsFunction',
        'EmailSenderFunction',
        'IdentityFunction',
        'ImportFunction',
        'JobSchedulerFunction',
        'TenantJobFunction',
      ]);
      for (const [id, fn] of fns) {
        const entry = (fn.Metadata as Json)[ENTRY_METADATA] as string;
        const spec = CLOUD_FUNCTION_ENV[specOfEntry(entry)];
        const vars = ((fn.Properties as Json).Environment as { Variables: Json }).Variables;
        for (const key of spec.required) expect(vars, `${id} (${entry}) sets ${key}`).toHaveProperty(key);
        // Nothing is set that the code does not read (besides Node's own flag), so the spec stays the truth.
        const known = new Set<string>([...spec.required, ...spec.optional, 'NODE_OPTIONS']);
        expect(
          Object.keys(vars).filter((k) => !known.has(k)),
          id,
        ).toEqual([]);
        expect(vars, id).not.toHaveProperty('JWT_KEYS');
      }
    });
  }

  it('the emailed links point at the distribution unless a public URL is given', () => {
    const urlOf = (t: ReturnType<typeof synthStage>['main']) =>
      Object.entries(t.findResources('AWS::Lambda::Function'))
        .filter(([id]) => id.startsWith('ApiFunction') || id.startsWith('IdentityFunction'))
        .map(([, f]) => (((f.Properties as Json).Environment as { Variables: Json }).Variables as Json).PUBLIC_URL);
    for (const url of urlOf(synthStage().main))
      expect(url).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^Site/), 'DomainName'] }]] });
    for (const url of urlOf(synthStage({ publicUrl: 'https://learn.example.co.jp' }).main)) expect(url).toBe('https://learn.example.co.jp');
  });

  it('reads process.env nowhere in the cloud code but the one typed module', () => {
    const bundled = [
      join(REPO_ROOT, 'functions/api/src'),
      ...readdirSync(join(REPO_ROOT, 'packages')).map((p) => join(REPO_ROOT, 'packages', p, 'src')),
    ];
    const readers = bundled
      .flatMap((dir) => [...sources(dir)])
      .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO_ROOT, file));
    // scoped-credentials.ts only defaults its `env` parameter to it; the entries pass cloudEnv's result.
    expect(readers.sort()).toEqual(['functions/api/src/cloud/env.ts', 'packages/data/src/scoped-credentials.ts']);
  });
});
