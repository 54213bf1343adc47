import { describe, expect, it } from 'vitest';
import { ID_LENGTH, isId, newTenantId } from './ids.js';

describe('tenant ids', () => {
  it('are fixed-length, so no id is a prefix of another', () => {
    const ids = Array.from({ length: 2000 }, newTenantId);
    expect(new Set(ids.map((i) => i.length))).toEqual(new Set([ID_LENGTH]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 200)) {
      expect(ids.filter((other) => other !== id && other.startsWith(id))).toEqual([]);
    }
  });
  it('validates the id shape', () => {
    expect(isId(newTenantId())).toBe(true);
    expect(isId('short')).toBe(false);
    expect(isId('ABCDEFGHJKMNPQRS')).toBe(false);
  });
});
