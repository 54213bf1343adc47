import { describe, expect, it } from 'vitest';
import { LEVELS } from '@manabi/core';
import {
  defaultFramework,
  findSkill,
  frameworkSkills,
  requiredProficiency,
  skillFrameworkSchema,
  type SkillFrameworkInput,
} from './framework.js';

const names = (ja: string) => ({ ja, en: ja });
const descriptors = { 1: names('一'), 2: names('二'), 3: names('三'), 4: names('四'), 5: names('五') };
const tinyFramework = (): SkillFrameworkInput => ({
  jobRoles: [{ id: 'sales', name: names('営業') }],
  categories: [
    {
      id: 'basics',
      name: names('基礎'),
      skills: [
        {
          id: 'communication',
          name: names('コミュニケーション'),
          description: names('説明'),
          proficiencyLevels: descriptors,
          required: { junior: 2, mid: 3 },
          jobRoleRequired: { sales: { junior: 4 } },
        },
      ],
    },
  ],
});

describe('defaultFramework', () => {
  const framework = defaultFramework();
  const skills = frameworkSkills(framework);

  it('seeds the twelve skills under their exact Japanese tag names', () => {
    expect(skills.map((s) => s.name.ja)).toEqual([
      'ビジネス基礎',
      'コミュニケーション',
      'チームワーク',
      'コンプライアンス',
      '情報セキュリティ',
      '論理的思考',
      '問題解決',
      'Excel・IT',
      '会計・財務の基礎',
      'リーダーシップ',
      'コーチング',
      'マネジメント',
    ]);
    expect(new Set(skills.map((s) => s.id)).size).toBe(12);
  });

  it('never lowers a requirement as the level rises, and never drops a skill once required', () => {
    for (const skill of skills) {
      let previous = 0;
      for (const level of LEVELS) {
        const required = skill.required[level] ?? 0;
        expect(required, `${skill.id} at ${level}`).toBeGreaterThanOrEqual(previous);
        previous = required;
      }
    }
  });

  it('requires compliance and security at 3 from new_hire on, and leadership and management only from leader', () => {
    const byId = (id: string) => skills.find((s) => s.id === id)!;
    for (const level of ['new_hire', 'junior', 'mid', 'leader', 'manager'] as const) {
      expect(byId('compliance').required[level]).toBeGreaterThanOrEqual(3);
      expect(byId('information-security').required[level]).toBeGreaterThanOrEqual(3);
    }
    for (const id of ['leadership', 'people-management']) {
      expect(Object.keys(byId(id).required).sort()).toEqual(['leader', 'manager']);
    }
    expect(byId('logical-thinking').required.junior).toBe(3);
  });

  it('describes every step of every skill in both languages, each one different', () => {
    for (const skill of skills) {
      const steps = [1, 2, 3, 4, 5] as const;
      expect(new Set(steps.map((p) => skill.proficiencyLevels[p].ja)).size).toBe(5);
      expect(new Set(steps.map((p) => skill.proficiencyLevels[p].en)).size).toBe(5);
    }
  });

  it('returns a fresh copy, so editing one tenant’s framework cannot leak into the next signup', () => {
    const first = defaultFramework();
    first.categories[0]!.skills[0]!.required.junior = 5;
    expect(defaultFramework().categories[0]!.skills[0]!.required.junior).toBe(3);
  });
});

describe('skillFrameworkSchema', () => {
  it('accepts a minimal framework', () => {
    expect(skillFrameworkSchema.safeParse(tinyFramework()).success).toBe(true);
  });

  it('refuses duplicate skill ids, duplicate tag names and unknown job roles', () => {
    const duplicated = tinyFramework();
    const skill = duplicated.categories[0]!.skills[0]!;
    duplicated.categories[0]!.skills.push({ ...skill, jobRoleRequired: { engineering: { mid: 4 } } });
    const result = skillFrameworkSchema.safeParse(duplicated);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'Duplicate skill id "communication"',
      'Duplicate skill name "コミュニケーション" (names are used as tags)',
      'Skill "communication" names unknown job role "engineering"',
    ]);
  });

  it('refuses a proficiency outside 1–5 and an id that is not a slug', () => {
    const bad = tinyFramework();
    bad.categories[0]!.skills[0]!.required = { junior: 6 as 5 };
    bad.categories[0]!.skills[0]!.id = 'Logical Thinking';
    const paths = skillFrameworkSchema.safeParse(bad).error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['categories.0.skills.0.id', 'categories.0.skills.0.required.junior']);
  });
});

describe('requiredProficiency and findSkill', () => {
  const framework = skillFrameworkSchema.parse(tinyFramework());
  const skill = framework.categories[0]!.skills[0]!;

  it('lets a job-role requirement replace the general one for the levels it names', () => {
    expect(requiredProficiency(skill, 'junior')).toBe(2);
    expect(requiredProficiency(skill, 'junior', 'sales')).toBe(4);
    expect(requiredProficiency(skill, 'mid', 'sales')).toBe(3);
    expect(requiredProficiency(skill, 'manager', 'sales')).toBeNull();
  });

  it('finds a skill by id or by its Japanese tag', () => {
    expect(findSkill(framework, 'communication')?.id).toBe('communication');
    expect(findSkill(framework, 'コミュニケーション')?.id).toBe('communication');
    expect(findSkill(framework, 'Communication')).toBeUndefined();
  });
});
