import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '@manabi/core';
import { catalogBankId, parseItem, storedIdOf } from './item.js';
import { choiceItem } from './test-support.js';

describe('catalog item', () => {
  it('becomes a published question whose irt comes from the two priors', () => {
    const parsed = parseItem(choiceItem('new-hire-business-basics-001', { difficultyPrior: 0.7, discriminationPrior: 1.4 }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.item.question.status).toBe('published');
    expect(parsed.item.question.irt).toEqual({ a: 1.4, b: 0.7, c: 0.333333, source: 'prior' });
  });

  it('reports every missing catalog field and model error, and refuses status and irt', () => {
    const { id: _id, discriminationPrior: _a, ...rest } = choiceItem('x');
    const parsed = parseItem({ ...rest, status: 'draft', correctOptionIds: ['z'], explanation: undefined });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.join('\n')).toMatch(/id/);
    expect(parsed.issues.join('\n')).toMatch(/discriminationPrior/);
    expect(parsed.issues.join('\n')).toMatch(/status and irt are set by the loader/);
    expect(parsed.issues.join('\n')).toMatch(/Unknown option id "z"/);
    expect(parsed.issues.join('\n')).toMatch(/explanation: Required/);
  });

  it('maps a content id to the same platform id every time, and different ids apart', () => {
    expect(storedIdOf('new-hire-compliance-001')).toBe(storedIdOf('new-hire-compliance-001'));
    expect(storedIdOf('new-hire-compliance-001')).not.toBe(storedIdOf('new-hire-compliance-002'));
    expect(storedIdOf('new-hire-compliance-001')).toMatch(ID_PATTERN);
    expect(catalogBankId()).toMatch(ID_PATTERN);
  });
});
