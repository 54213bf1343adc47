import { describe, expect, it } from 'vitest';
import { audienceForm, audienceInput, describeAudience, emptyAudience, isEveryone, type AudienceWords } from './audience';

const words: AudienceWords = {
  everyone: '全員',
  levelsName: '階層',
  departmentsName: '部署',
  jobRolesName: '職種',
  levelLabel: (level) =>
    ({ pre_hire: '内定者', new_hire: '新入社員', junior: '若手社員', mid: '中堅社員', leader: 'リーダー', manager: '管理職' })[level],
  unknownDepartment: '（削除された部署）',
  separator: '、',
  dimensionSeparator: ' ／ ',
  dimension: (name, values) => `${name}: ${values}`,
};
const options = {
  departments: [{ id: 'd1', name: '営業部' } as never],
  jobRoles: [{ id: 'sales', name: { ja: '営業職', en: 'Sales' } }],
  locale: 'ja' as const,
};

describe('describeAudience', () => {
  it('says everyone for an empty or missing audience', () => {
    expect(describeAudience(undefined, options, words)).toBe('全員');
    expect(describeAudience(emptyAudience(), options, words)).toBe('全員');
  });

  it('names each dimension that names something, levels along the ladder, and leaves the others (everyone) out', () => {
    expect(describeAudience({ levels: ['manager', 'new_hire'], departmentIds: ['d1'], jobRoles: [] }, options, words)).toBe(
      '階層: 新入社員、管理職 ／ 部署: 営業部',
    );
    expect(describeAudience({ levels: [], departmentIds: ['gone'], jobRoles: ['sales'] }, options, words)).toBe(
      '部署: （削除された部署） ／ 職種: 営業職',
    );
  });
});

describe('audience form', () => {
  it('edits a copy, and sends levels in ladder order without repeats', () => {
    const stored = { levels: ['leader' as const], departmentIds: ['d1'], jobRoles: [] };
    const form = audienceForm(stored);
    form.levels.push('new_hire', 'leader');
    expect(stored.levels).toEqual(['leader']);
    expect(audienceInput(form)).toEqual({ levels: ['new_hire', 'leader'], departmentIds: ['d1'], jobRoles: [] });
    expect(audienceForm(undefined)).toEqual(emptyAudience());
    expect(isEveryone(audienceForm(undefined))).toBe(true);
  });
});
