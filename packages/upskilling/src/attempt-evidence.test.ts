import { describe, expect, it } from 'vitest';
import { attemptEvidence } from './attempt-evidence.js';
import { defaultFramework, findSkill } from './framework.js';

const framework = defaultFramework();
const logical = findSkill(framework, '論理的思考')!;
const security = findSkill(framework, '情報セキュリティ')!;
const attempt = { id: 'att1', finishedAt: '2026-04-01T09:00:00+09:00', answered: 10 };

describe('attemptEvidence', () => {
  it('a fixed form gives each framework skill it measured its percent, by tag name or id', () => {
    const bySkill = [
      { skill: '論理的思考', percent: 80, band: 4 },
      { skill: security.id, percent: 40, band: 2 },
    ];
    expect(attemptEvidence(framework, { ...attempt, mode: 'fixed', bySkill })).toEqual([
      { skillId: logical.id, source: 'assessment', date: attempt.finishedAt, ref: 'attempt:att1', percent: 80 },
      { skillId: security.id, source: 'assessment', date: attempt.finishedAt, ref: 'attempt:att1', percent: 40 },
    ]);
  });

  it('an adaptive test gives a skill’s own band, and nothing for a skill it saw too little of', () => {
    const bySkill = [
      { skill: '論理的思考', percent: 50, band: 3 },
      { skill: '情報セキュリティ', percent: 100, band: null },
    ];
    expect(attemptEvidence(framework, { ...attempt, mode: 'adaptive', bySkill })).toEqual([
      { skillId: logical.id, source: 'assessment', date: attempt.finishedAt, ref: 'attempt:att1', band: 3 },
    ]);
  });

  it('ignores tags outside the framework, counts a skill named twice once, and an empty attempt gives nothing', () => {
    const bySkill = [
      { skill: 'どこにもないタグ', percent: 90, band: 5 },
      { skill: logical.id, percent: 70, band: 4 },
      { skill: '論理的思考', percent: 10, band: 1 },
    ];
    expect(attemptEvidence(framework, { ...attempt, mode: 'fixed', bySkill })).toEqual([
      { skillId: logical.id, source: 'assessment', date: attempt.finishedAt, ref: 'attempt:att1', percent: 70 },
    ]);
    expect(attemptEvidence(framework, { ...attempt, answered: 0, mode: 'fixed', bySkill })).toEqual([]);
  });
});
