import { describe, expect, it } from 'vitest';
import { adaptiveSkillResults, fixedSkillResults, MIN_SKILL_ITEMS, weakestSkill, type SkillAnswer } from './skill-results.js';

const answer = (skills: string[], correct: boolean, b = 0, a = 1.4): SkillAnswer => ({
  skills,
  item: { a, b, c: 0 },
  correct,
  score: correct ? 1 : 0,
});

describe('adaptiveSkillResults', () => {
  it('gives a skill answered 1 of 3 right a lower band than one answered 3 of 3 on the same items', () => {
    const pattern = [
      answer(['報連相'], true, -0.5),
      answer(['報連相'], false, 0),
      answer(['報連相'], false, 0.5),
      answer(['論理'], true, -0.5),
      answer(['論理'], true, 0),
      answer(['論理'], true, 0.5),
    ];
    const [hourensou, logic] = adaptiveSkillResults(pattern);
    expect(hourensou).toMatchObject({ skill: '報連相', correct: 1, answered: 3, percent: 33.3, evidence: 'enough' });
    expect(logic).toMatchObject({ skill: '論理', correct: 3, answered: 3, percent: 100, evidence: 'enough' });
    expect(hourensou!.band).not.toBeNull();
    expect(logic!.band).not.toBeNull();
    expect(hourensou!.band!).toBeLessThan(logic!.band!);
    expect(hourensou!.theta!).toBeLessThan(logic!.theta!);
  });

  it('uses each skill’s own calibrated items: right answers on easy items estimate lower than right answers on hard ones', () => {
    const easy = [-2, -1.8, -1.6].map((b) => answer(['易'], true, b));
    const hard = [1.2, 1.4, 1.6].map((b) => answer(['難'], true, b));
    const results = adaptiveSkillResults([...easy, ...hard]);
    const theta = (skill: string) => results.find((r) => r.skill === skill)!.theta!;
    expect(theta('易')).toBeLessThan(theta('難'));
  });

  it('says "not enough evidence" for a skill with too few items instead of a confident level', () => {
    const results = adaptiveSkillResults([
      answer(['少'], true),
      answer(['少'], true),
      ...[0, 0.2, 0.4].map((b) => answer(['多'], true, b)),
    ]);
    expect(MIN_SKILL_ITEMS).toBe(3);
    expect(results.find((r) => r.skill === '少')).toMatchObject({ answered: 2, band: null, evidence: 'too_few_items' });
    expect(results.find((r) => r.skill === '多')).toMatchObject({ answered: 3, evidence: 'enough' });
  });

  it('says "not enough evidence" when the items tell little about the learner (SE stays wide)', () => {
    // Weak items far below the learner: three right answers barely move the prior.
    const results = adaptiveSkillResults([-3.5, -3.4, -3.3].map((b) => answer(['遠'], true, b, 0.3)));
    expect(results[0]).toMatchObject({ answered: 3, band: null, evidence: 'imprecise' });
  });

  it('counts an item tagged with two skills as evidence for both', () => {
    const results = adaptiveSkillResults([answer(['甲', '乙'], true), answer(['甲'], false)]);
    expect(results.map((r) => [r.skill, r.answered])).toEqual([
      ['乙', 1],
      ['甲', 2],
    ]);
  });
});

describe('fixedSkillResults and weakestSkill', () => {
  it('bands a fixed form per skill from its percent, and picks the weakest rated skill', () => {
    const bandOf = (p: number) => Math.min(5, Math.floor(p / 20) + 1);
    const results = fixedSkillResults([answer(['A'], true), answer(['A'], true), answer(['B'], false), answer(['B'], true)], bandOf);
    expect(results.map((r) => [r.skill, r.percent, r.band])).toEqual([
      ['A', 100, 5],
      ['B', 50, 3],
    ]);
    expect(weakestSkill(results)?.skill).toBe('B');
  });

  it('has no weakest skill when none could be rated', () => {
    expect(weakestSkill(adaptiveSkillResults([answer(['X'], false)]))).toBeNull();
  });
});
