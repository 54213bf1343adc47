import fc from 'fast-check';

/**
 * Hostile inputs for the fuzzer, as fast-check arbitraries: strings that have broken parsers,
 * encoders and templates before (NUL, lone surrogates, right-to-left overrides, path climbs,
 * formulas, template syntax), values of the wrong type, prototype-pollution keys, deep nesting
 * and malformed JSON. Shaped by an operation's OpenAPI schema, so most requests get past the
 * outer checks and reach the parts that read the values.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  maxLength?: number;
}

export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil.exe',
  '\uFEFF',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '..%2F..%2F',
  '%00',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://example.test")',
  "+cmd|' /C calc'!A0",
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  "' OR '1'='1",
  '"; DROP TABLE manabi; --',
  '𠮷野家🍣',
  '\r\n\r\nX-Injected: 1',
  ' ',
  '',
  'null',
  'undefined',
  '-0',
  '1e309',
  'NaN',
  'aaaaaaaaaaaaaaaa',
  'x'.repeat(5_000),
  'あ'.repeat(100_000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2 ** 31, -(2 ** 31), 2 ** 53 + 1, 1e308, -1e308, 0.5, 1e-300),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of some type, usually not the one expected. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), hostileString), { maxLength: 3 }),
  fc.dictionary(hostileString, fc.oneof(fc.integer(), hostileString), { maxKeys: 3 }),
  hostileString,
);

export const resolve = (schema: JsonSchema | undefined, doc: any): JsonSchema => {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components.schemas[s.$ref.split('/').pop()!] ?? {};
  return s;
};

/** A value shaped like `schema` (its properties, enums and arrays) with hostile leaves, sometimes of the wrong type. */
export function shaped(schema: JsonSchema | undefined, doc: any, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > 4) return wrongType;
  if (s.anyOf ?? s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => shaped(x, doc, depth + 1)));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (s.enum) return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: wrongType });
  if (s.properties) {
    const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, shaped(v, doc, depth + 1)]));
    return fc.oneof({ weight: 5, arbitrary: fc.record(props, { requiredKeys: [] }) }, { weight: 1, arbitrary: wrongType });
  }
  if (types.includes('array')) return fc.oneof(fc.array(shaped(s.items, doc, depth + 1), { maxLength: 4 }), wrongType);
  if (types.includes('string')) return fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });
  if (types.includes('integer') || types.includes('number'))
    return fc.oneof({ weight: 3, arbitrary: hostileNumber }, { weight: 1, arbitrary: wrongType });
  if (types.includes('boolean')) return fc.oneof(fc.boolean(), wrongType);
  return fc.oneof(wrongType, fc.anything({ maxDepth: 2, maxKeys: 3 }));
}

/** Adds prototype-pollution keys to an object's JSON text (JSON.stringify would drop a `__proto__` key). */
export function withPollution(json: string): string {
  if (!json.startsWith('{')) return json;
  const keys = '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}';
  return json === '{}' ? `{${keys}}` : `{${keys},${json.slice(1)}`;
}

/** JSON nested `depth` levels deep (arrays or objects). */
export const deeplyNested = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const MALFORMED_JSON = [
  '{',
  '{"a":1,}',
  "{'a':1}",
  '{"a":"\u0000"',
  '\u0000',
  '[1,2',
  '{"a":undefined}',
  '{"a":1}{"b":2}',
  'nul',
  '"',
];
