import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_LABELS, auditEventLabel } from './audit-labels.js';

/** Every quoted `area.event` string the API's source records as an audit type or action. */
function recordedTypes(dir: string): Set<string> {
  const found = new Set<string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const t of recordedTypes(path)) found.add(t);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      const source = readFileSync(path, 'utf8');
      // `action: 'x.y'` (the data layer's entry), `type: 'x.y'` or `type: cond ? 'x.y' : 'x.z'` (services/audit.ts).
      for (const m of source.matchAll(/(?:action|type):\s*([^,\n]*)/g))
        for (const q of m[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(q[1]!);
    }
  }
  return found;
}

describe('audit event labels', () => {
  it('names every type the API records, in ja and en', () => {
    const types = recordedTypes(join(import.meta.dirname, '..'));
    expect(types.size).toBeGreaterThan(20);
    const missing = [...types].filter((t) => !(t in AUDIT_EVENT_LABELS));
    expect(missing).toEqual([]);
    for (const [type, label] of Object.entries(AUDIT_EVENT_LABELS)) {
      expect(label.ja, type).toMatch(/\S/);
      expect(label.en, type).toMatch(/\S/);
    }
  });

  it('shows a type it does not know as it is', () => {
    expect(auditEventLabel('scim_token.created', 'ja')).toBe('SCIMトークンの発行');
    expect(auditEventLabel('sso.something_new', 'en')).toBe('sso.something_new');
  });
});
