import { describe, expect, it } from 'vitest';
import {
  currentProficiency,
  currentProficiencyBySkill,
  proficiencyFromBand,
  proficiencyFromScore,
  type ProficiencyEntry,
} from './proficiency.js';

const today = '2025-06-30';

describe('proficiencyFromScore and proficiencyFromBand', () => {
  it('cuts percent scores at 40 / 60 / 75 / 90, a score on a cut going up', () => {
    const cases: [number, number][] = [
      [0, 1],
      [39.9, 1],
      [40, 2],
      [59, 2],
      [60, 3],
      [74, 3],
      [75, 4],
      [89.5, 4],
      [90, 5],
      [100, 5],
    ];
    for (const [percent, expected] of cases) expect(proficiencyFromScore(percent), `${percent}%`).toBe(expected);
  });

  it('maps IRT bands one to one and refuses anything else', () => {
    expect([1, 2, 3, 4, 5].map(proficiencyFromBand)).toEqual([1, 2, 3, 4, 5]);
    expect(() => proficiencyFromBand(0)).toThrow(RangeError);
    expect(() => proficiencyFromBand(2.5)).toThrow(RangeError);
    expect(() => proficiencyFromScore(101)).toThrow(RangeError);
    expect(() => proficiencyFromScore(Number.NaN)).toThrow(RangeError);
  });
});

describe('currentProficiency', () => {
  it('uses a recent assessment over an older manager rating, and says so', () => {
    const result = currentProficiency(
      [
        { source: 'manager_rating', date: '2024-10-01', value: 2 },
        { source: 'assessment', date: '2025-04-01', percent: 72 },
      ],
      { today },
    );
    expect(result).toMatchObject({ value: 3, source: 'assessment', date: '2025-04-01', selfReported: false, stale: false });
    expect(result.explanation).toEqual({
      ja: '習熟度 3：2025-04-01 のアセスメント結果（得点 72%）による。上長評価（2024-10-01）より新しいため採用。',
      en: 'Proficiency 3: from the assessment on 2025-04-01 (score 72%), which is more recent than the manager rating of 2024-10-01.',
    });
  });

  it('lets a newer manager rating replace an assessment older than 365 days, naming the age rule', () => {
    const result = currentProficiency(
      [
        { source: 'assessment', date: '2024-01-10', band: 2 },
        { source: 'manager_rating', date: '2025-05-01', value: 4 },
      ],
      { today },
    );
    expect(result).toMatchObject({ value: 4, source: 'manager_rating', stale: false });
    expect(result.explanation.en).toBe(
      'Proficiency 4: from the manager rating on 2025-05-01; the assessment of 2024-01-10 is more than 365 days old, so the newer manager rating is used.',
    );
    expect(result.explanation.ja).toContain('365日より前のため、新しい上長評価を採用');
  });

  it('uses a newer manager rating over a fresh assessment too (most recent wins)', () => {
    const result = currentProficiency(
      [
        { source: 'assessment', date: '2025-03-01', percent: 95 },
        { source: 'manager_rating', date: '2025-06-01', value: 3 },
      ],
      { today },
    );
    expect(result).toMatchObject({ value: 3, source: 'manager_rating' });
    expect(result.explanation.en).toContain('more recent than the assessment of 2025-03-01');
  });

  it('prefers the assessment when both are on the same date', () => {
    const result = currentProficiency(
      [
        { source: 'assessment', date: '2025-06-01', percent: 45 },
        { source: 'manager_rating', date: '2025-06-01', value: 4 },
      ],
      { today },
    );
    expect(result).toMatchObject({ value: 2, source: 'assessment' });
  });

  it('takes the latest assessment, and the later of two attempts on the same day', () => {
    const entries: ProficiencyEntry[] = [
      { source: 'assessment', date: '2025-06-10T10:00:00+09:00', percent: 50 },
      { source: 'assessment', date: '2025-06-10T15:00:00+09:00', percent: 80 },
      { source: 'assessment', date: '2025-01-01', percent: 100 },
    ];
    expect(currentProficiency(entries, { today }).value).toBe(4);
  });

  it('counts a self rating only when nothing else exists, and flags it', () => {
    const selfOnly = currentProficiency([{ source: 'self_rating', date: '2025-06-01', value: 4 }], { today });
    expect(selfOnly).toMatchObject({ value: 4, source: 'self_rating', selfReported: true });
    expect(selfOnly.explanation.ja).toBe('習熟度 4：2025-06-01 の自己評価による暫定値。アセスメントまたは上長評価が入ると置き換わります。');

    const withOldAssessment = currentProficiency(
      [
        { source: 'assessment', date: '2022-04-01', percent: 30 },
        { source: 'self_rating', date: '2025-06-01', value: 4 },
      ],
      { today },
    );
    expect(withOldAssessment).toMatchObject({ value: 1, source: 'assessment', selfReported: false, stale: true });
    expect(withOldAssessment.explanation.en).toBe(
      'Proficiency 1: from the assessment on 2022-04-01 (score 30%). This is more than 365 days old; a new assessment or rating is recommended.',
    );
  });

  it('flags staleness only past the configured age', () => {
    const entries: ProficiencyEntry[] = [{ source: 'manager_rating', date: '2025-01-01', value: 3 }];
    expect(currentProficiency(entries, { today: '2026-01-01' }).stale).toBe(false); // exactly 365 days
    expect(currentProficiency(entries, { today: '2026-01-02' }).stale).toBe(true);
    expect(currentProficiency(entries, { today: '2025-03-01', maxAgeDays: 30 }).stale).toBe(true);
  });

  it('reports no evidence with a null value and an explanation', () => {
    const result = currentProficiency([], { today });
    expect(result).toMatchObject({ value: null, source: null, date: null });
    expect(result.explanation.en).toBe('No assessment or rating yet. Take an assessment or ask your manager for a rating.');
  });

  it('groups by skill', () => {
    const bySkill = currentProficiencyBySkill(
      [
        { skillId: 'compliance', source: 'assessment', date: '2025-06-01', percent: 90 },
        { skillId: 'teamwork', source: 'self_rating', date: '2025-06-01', value: 2 },
        { skillId: 'compliance', source: 'manager_rating', date: '2025-05-01', value: 3 },
      ],
      { today },
    );
    expect(Object.keys(bySkill).sort()).toEqual(['compliance', 'teamwork']);
    expect(bySkill.compliance!.value).toBe(5);
    expect(bySkill.teamwork!.selfReported).toBe(true);
  });
});
