import {
  LEVELS,
  PROFICIENCY_VALUES,
  type FrameworkCategory,
  type FrameworkSkill,
  type JobRole,
  type Level,
  type ProficiencyValue,
  type RequiredProficiency,
  type SkillFramework,
} from '../api/types';
import type { NumberField } from './assessmentForm';
import { toBilingual, type BilingualText } from './localized';
import { parseNumberInput } from './questionForm';

/** Same limits as the API's framework schema. */
export const FRAMEWORK_TEXT_MAX = 500;
export const SLUG_MAX = 64;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Required proficiency per level as the number inputs hold it ("" = not required). */
export type RequiredRow = Record<Level, NumberField>;

export interface SkillDraft {
  /** Stable key for v-for (the id may be edited). */
  key: string;
  id: string;
  /** Saved skills keep their id: ratings, goals and standings refer to it. */
  saved: boolean;
  /** A new skill's id follows its English name until the id is edited by hand. */
  autoId: boolean;
  name: BilingualText;
  description: BilingualText;
  levels: Record<ProficiencyValue, BilingualText>;
  required: RequiredRow;
  /** Overrides per job role, keyed by the role's draft key (role ids may still change). */
  roleRequired: Record<string, RequiredRow>;
}

export interface CategoryDraft {
  key: string;
  id: string;
  saved: boolean;
  autoId: boolean;
  name: BilingualText;
  skills: SkillDraft[];
}

export interface JobRoleDraft {
  key: string;
  id: string;
  saved: boolean;
  autoId: boolean;
  name: BilingualText;
}

export interface FrameworkForm {
  categories: CategoryDraft[];
  jobRoles: JobRoleDraft[];
}

/** A problem found before sending: an i18n key and its parameters. */
export interface FormProblem {
  key: string;
  params?: Record<string, string | number>;
}

let keyCounter = 0;
const nextKey = (prefix: string) => `${prefix}-${++keyCounter}`;

export function emptyRow(): RequiredRow {
  return Object.fromEntries(LEVELS.map((level) => [level, ''])) as RequiredRow;
}

function toRow(required: RequiredProficiency | undefined): RequiredRow {
  const row = emptyRow();
  for (const level of LEVELS) {
    const value = required?.[level];
    if (typeof value === 'number') row[level] = value;
  }
  return row;
}

function emptyLevels(): Record<ProficiencyValue, BilingualText> {
  return Object.fromEntries(PROFICIENCY_VALUES.map((n) => [n, toBilingual(null)])) as Record<ProficiencyValue, BilingualText>;
}

/** "Customer Focus!" → "customer-focus" (ASCII only; Japanese-only names give ""). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… whichever is not used yet. */
export function uniqueId(base: string, used: Iterable<string>): string {
  const taken = new Set(used);
  const root = base || 'item';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root.slice(0, SLUG_MAX - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function allSkills(form: FrameworkForm): SkillDraft[] {
  return form.categories.flatMap((c) => c.skills);
}

function fromSkill(skill: FrameworkSkill, roles: readonly JobRoleDraft[]): SkillDraft {
  const levels = emptyLevels();
  for (const n of PROFICIENCY_VALUES) levels[n] = toBilingual(skill.proficiencyLevels?.[n]);
  return {
    key: nextKey('skill'),
    id: skill.id,
    saved: true,
    autoId: false,
    name: toBilingual(skill.name),
    description: toBilingual(skill.description),
    levels,
    required: toRow(skill.required),
    roleRequired: Object.fromEntries(roles.map((role) => [role.key, toRow(skill.jobRoleRequired?.[role.id])])),
  };
}

export function fromFramework(framework: SkillFramework): FrameworkForm {
  const jobRoles: JobRoleDraft[] = (framework.jobRoles ?? []).map((role) => ({
    key: nextKey('role'),
    id: role.id,
    saved: true,
    autoId: false,
    name: toBilingual(role.name),
  }));
  return {
    jobRoles,
    categories: framework.categories.map((category) => ({
      key: nextKey('category'),
      id: category.id,
      saved: true,
      autoId: false,
      name: toBilingual(category.name),
      skills: category.skills.map((skill) => fromSkill(skill, jobRoles)),
    })),
  };
}

export function newSkill(form: FrameworkForm): SkillDraft {
  return {
    key: nextKey('skill'),
    id: uniqueId(
      'new-skill',
      allSkills(form).map((s) => s.id),
    ),
    saved: false,
    autoId: true,
    name: toBilingual(null),
    description: toBilingual(null),
    levels: emptyLevels(),
    required: emptyRow(),
    roleRequired: Object.fromEntries(form.jobRoles.map((role) => [role.key, emptyRow()])),
  };
}

export function newCategory(form: FrameworkForm): CategoryDraft {
  const category: CategoryDraft = {
    key: nextKey('category'),
    id: uniqueId(
      'new-category',
      form.categories.map((c) => c.id),
    ),
    saved: false,
    autoId: true,
    name: toBilingual(null),
    skills: [],
  };
  // A category needs at least one skill; start it with an empty one.
  category.skills.push(newSkill(form));
  return category;
}

export function newJobRole(form: FrameworkForm): JobRoleDraft {
  return {
    key: nextKey('role'),
    id: uniqueId(
      'new-role',
      form.jobRoles.map((r) => r.id),
    ),
    saved: false,
    autoId: true,
    name: toBilingual(null),
  };
}

/* ---------- Checking and building the document ---------- */

function checkText(value: BilingualText, path: string, problems: Record<string, FormProblem>): { ja: string; en: string } {
  const out = { ja: value.ja.trim(), en: value.en.trim() };
  for (const code of ['ja', 'en'] as const) {
    if (!out[code]) problems[`${path}.${code}`] = { key: 'errors.required_field' };
    else if (out[code].length > FRAMEWORK_TEXT_MAX)
      problems[`${path}.${code}`] = { key: 'framework.tooLong', params: { max: FRAMEWORK_TEXT_MAX } };
  }
  return out;
}

function checkId(id: string, path: string, problems: Record<string, FormProblem>): string {
  const value = id.trim();
  if (!value) problems[path] = { key: 'errors.required_field' };
  else if (value.length > SLUG_MAX || !SLUG_PATTERN.test(value)) problems[path] = { key: 'framework.badId' };
  return value;
}

function toRequired(row: RequiredRow, path: string, problems: Record<string, FormProblem>): RequiredProficiency {
  const out: RequiredProficiency = {};
  for (const level of LEVELS) {
    const value = parseNumberInput(row[level]);
    if (value === null) continue;
    if (!Number.isInteger(value) || value < 1 || value > 5) problems[`${path}.${level}`] = { key: 'framework.badRequired' };
    else out[level] = value;
  }
  return out;
}

function markDuplicates(ids: string[], path: (index: number) => string, key: string, problems: Record<string, FormProblem>) {
  ids.forEach((id, index) => {
    if (id && ids.indexOf(id) !== index && !problems[path(index)]) problems[path(index)] = { key };
  });
}

/**
 * The framework document to send, and the problems found (keyed by the API's paths inside
 * `framework`, e.g. `categories.0.skills.2.name.en`). Send only when there are no problems.
 */
export function toFramework(form: FrameworkForm): { framework: SkillFramework; problems: Record<string, FormProblem> } {
  const problems: Record<string, FormProblem> = {};
  const jobRoles: JobRole[] = form.jobRoles.map((role, r) => ({
    id: checkId(role.id, `jobRoles.${r}.id`, problems),
    name: checkText(role.name, `jobRoles.${r}.name`, problems),
  }));
  markDuplicates(
    jobRoles.map((r) => r.id),
    (r) => `jobRoles.${r}.id`,
    'framework.duplicateId',
    problems,
  );

  if (form.categories.length === 0) problems['categories'] = { key: 'framework.noCategories' };
  const categories: FrameworkCategory[] = form.categories.map((category, c) => {
    if (category.skills.length === 0) problems[`categories.${c}.skills`] = { key: 'framework.noSkills' };
    return {
      id: checkId(category.id, `categories.${c}.id`, problems),
      name: checkText(category.name, `categories.${c}.name`, problems),
      skills: category.skills.map((skill, s) => {
        const path = `categories.${c}.skills.${s}`;
        const proficiencyLevels = Object.fromEntries(
          PROFICIENCY_VALUES.map((n) => [n, checkText(skill.levels[n], `${path}.proficiencyLevels.${n}`, problems)]),
        ) as FrameworkSkill['proficiencyLevels'];
        const out: FrameworkSkill = {
          id: checkId(skill.id, `${path}.id`, problems),
          name: checkText(skill.name, `${path}.name`, problems),
          description: checkText(skill.description, `${path}.description`, problems),
          proficiencyLevels,
          required: toRequired(skill.required, `${path}.required`, problems),
        };
        const overrides: Record<string, RequiredProficiency> = {};
        form.jobRoles.forEach((role, r) => {
          const row = skill.roleRequired[role.key];
          const roleId = jobRoles[r]?.id ?? role.id;
          if (!row) return;
          const values = toRequired(row, `${path}.jobRoleRequired.${roleId}`, problems);
          if (Object.keys(values).length > 0) overrides[roleId] = values;
        });
        if (Object.keys(overrides).length > 0) out.jobRoleRequired = overrides;
        return out;
      }),
    };
  });
  markDuplicates(
    categories.map((c) => c.id),
    (c) => `categories.${c}.id`,
    'framework.duplicateId',
    problems,
  );
  const flat = categories.flatMap((category, c) => category.skills.map((skill, s) => ({ skill, path: `categories.${c}.skills.${s}` })));
  flat.forEach(({ skill, path }, index) => {
    if (skill.id && flat.findIndex((x) => x.skill.id === skill.id) !== index && !problems[`${path}.id`])
      problems[`${path}.id`] = { key: 'framework.duplicateId' };
    if (skill.name.ja && flat.findIndex((x) => x.skill.name.ja === skill.name.ja) !== index && !problems[`${path}.name.ja`])
      problems[`${path}.name.ja`] = { key: 'framework.duplicateName' };
  });
  return { framework: { categories, jobRoles }, problems };
}

/** API paths come as `framework.categories.0…`; the form keys them without the envelope. */
export function frameworkPath(path: string): string {
  return path.replace(/^framework\.?/, '');
}
