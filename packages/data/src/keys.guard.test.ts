import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['packages', 'functions', 'infra', 'test', 'web/src'];
const KEY_BUILDER = 'packages/data/src/keys.ts';

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'cdk.out' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|vue|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) yield path;
  }
}

// A key attribute given a literal (or template) value, or a literal that starts a key space.
const RAW_KEY = [/\b(pk|sk|gsi\d(pk|sk))\s*:\s*['"`]/, /['"`](T|P)#/, /\[\s*['"`](pk|sk|gsi\d(pk|sk))['"`]\s*\]\s*=/];

// Comments may talk about key shapes; code may not write them.
const isComment = (line: string): boolean => /^\s*(\/\/|\/\*|\*)/.test(line);

describe('the key builder is the only place that writes keys', () => {
  it('finds no raw pk/sk literal outside keys.ts', () => {
    const offenders: string[] = [];
    for (const top of SCANNED) {
      for (const file of sourceFiles(join(ROOT, top))) {
        const rel = relative(ROOT, file);
        if (rel === KEY_BUILDER) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (isComment(line)) return;
            if (RAW_KEY.some((re) => re.test(line))) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('would catch a raw key (the guard itself can fail)', () => {
    expect(RAW_KEY.some((re) => re.test("  Key: { pk: `T#${tenantId}#USER`, sk: 'USER' },"))).toBe(true);
    expect(RAW_KEY.some((re) => re.test("const k = 'P#LOGIN#' + email;"))).toBe(true);
    expect(RAW_KEY.some((re) => re.test('Key: keys.user(db.tenantId, id),'))).toBe(false);
  });
});
