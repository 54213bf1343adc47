import type {
  Audience,
  LearningPackage,
  LessonCompletion,
  Level,
  LocalizedText,
  ModuleKind,
  PackageModule,
  QuizTemplate,
} from '../api/types';
import type { NumberField } from './assessmentForm';
import { audienceForm, audienceInput, emptyAudience } from './audience';
import { fromDateTimeLocal, toDateTimeLocal } from './format';
import { compactText, splitList, toBilingual, type BilingualText } from './localized';
import { parseNumberInput } from './questionForm';
import type { FormProblem } from './frameworkForm';

/** Same limits as the API's package schema. */
export const PACKAGE_LIMITS = {
  title: 300,
  longText: 20_000,
  minutesMax: 600,
  modulesMax: 50,
  tagsMax: 20,
  tagLength: 100,
  place: 200,
  drawCountMax: 50,
  viewedMinutesMax: 120,
} as const;

/** The completion rules an author can choose for a lesson (reading to the end by default). */
export const LESSON_RULES = ['read_to_end', 'viewed', 'self'] as const;
export type LessonRuleChoice = (typeof LESSON_RULES)[number];
export const DEFAULT_VIEWED_MINUTES = 5;

export const DEFAULT_QUIZ_PASS_MARK = 60;

export interface DrawDraft {
  key: string;
  skill: string;
  count: NumberField;
}

/** Draw rules for a new quiz module; the server turns them into a published assessment. */
export interface TemplateDraft {
  bankId: string;
  draws: DrawDraft[];
  passMark: NumberField;
  timeLimitMinutes: NumberField;
}

export interface ModuleDraft {
  /** Stable key for v-for. */
  key: string;
  /** Module id: kept for existing modules (progress refers to it), generated for new ones. */
  id: string;
  kind: ModuleKind;
  isNew: boolean;
  title: BilingualText;
  estimatedMinutes: NumberField;
  /** Comma separated. */
  skillTags: string;
  body: BilingualText;
  /** Lesson: what completes it, and the viewing time for `viewed`. */
  completionRule: LessonRuleChoice;
  viewedMinutes: NumberField;
  instructions: BilingualText;
  format: 'online' | 'in_person';
  /** `<input type="datetime-local">` value. */
  startsAt: string;
  /** The stored start, sent back as it was while the field is left alone. */
  storedStartsAt: string | null;
  place: string;
  /** Quiz: the assessment it already has. */
  assessmentId: string | null;
  /** New quiz: the draw rules it is created from. */
  template: TemplateDraft | null;
  /** A quiz's stored template, sent back unchanged. */
  keptTemplate: QuizTemplate | null;
  /** SCORM: the uploaded package (its `ref`) and the rule that completes the module. */
  scormPackageId: string;
  scormCompletion: 'completed' | 'passed';
}

export interface PackageForm {
  title: BilingualText;
  description: BilingualText;
  level: Level;
  /** Who the package is for; empty lists are everyone. */
  audience: Audience;
  modules: ModuleDraft[];
}

let keyCounter = 0;
const nextKey = (prefix: string) => `${prefix}-${++keyCounter}`;

export function newDraw(): DrawDraft {
  return { key: nextKey('draw'), skill: '', count: 5 };
}

export function emptyPackageForm(): PackageForm {
  return { title: toBilingual(null), description: toBilingual(null), level: 'new_hire', audience: emptyAudience(), modules: [] };
}

/** A quiz's rules written from scratch. */
export function newTemplate(): TemplateDraft {
  return { bankId: '', draws: [newDraw()], passMark: DEFAULT_QUIZ_PASS_MARK, timeLimitMinutes: '' };
}

/**
 * A stored template as the form edits it; null, kept as it is, for one the form cannot show whole:
 * over several banks (the form picks one), adaptive (a placement test), or with draws per level.
 */
function templateDraft(template: QuizTemplate | undefined | null): TemplateDraft | null {
  if (!template || template.bankIds.length > 1 || template.adaptive || template.draws.some((d) => d.level)) return null;
  return {
    bankId: template.bankIds[0] ?? '',
    draws: template.draws.map((draw) => ({ key: nextKey('draw'), skill: draw.skill, count: draw.count })),
    passMark: template.passMark,
    timeLimitMinutes: template.timeLimitMinutes ?? '',
  };
}

/** A stored template to edit again: a quiz with no assessment of its own (a vendor's package keeps templates). */
function editableTemplate(m: PackageModule): TemplateDraft | null {
  return m.kind === 'quiz' && !m.assessmentId ? templateDraft(m.template) : null;
}

/**
 * A quiz that names an assessment, turned into question rules (a vendor's package may not name a
 * company's assessment): its stored rules when it has them, else new ones.
 */
export function switchToTemplate(module: ModuleDraft): void {
  module.template = templateDraft(module.keptTemplate) ?? newTemplate();
  module.keptTemplate = null;
  module.assessmentId = null;
}

function fromModule(m: PackageModule): ModuleDraft {
  const template = editableTemplate(m);
  // A lesson's rule is an object; a SCORM module's completion is 'completed' | 'passed'.
  const lessonRule = typeof m.completion === 'object' ? m.completion : undefined;
  return {
    key: nextKey('module'),
    id: m.id,
    kind: m.kind,
    isNew: false,
    title: toBilingual(m.title),
    estimatedMinutes: m.estimatedMinutes,
    skillTags: m.skillTags.join(', '),
    body: toBilingual(m.body),
    completionRule: lessonRule?.rule ?? 'read_to_end',
    viewedMinutes: lessonRule?.rule === 'viewed' ? lessonRule.minutes : DEFAULT_VIEWED_MINUTES,
    instructions: toBilingual(m.instructions),
    format: m.format ?? 'in_person',
    startsAt: toDateTimeLocal(m.startsAt),
    storedStartsAt: m.startsAt ?? null,
    place: m.place ?? '',
    assessmentId: m.assessmentId ?? null,
    template,
    keptTemplate: template ? null : (m.template ?? null),
    scormPackageId: m.scormPackageId ?? '',
    scormCompletion: m.kind === 'scorm' && m.completion === 'passed' ? 'passed' : 'completed',
  };
}

export function fromPackage(pkg: LearningPackage): PackageForm {
  return {
    title: toBilingual(pkg.title),
    description: toBilingual(pkg.description),
    level: pkg.level,
    audience: audienceForm(pkg.audience),
    modules: pkg.modules.map(fromModule),
  };
}

/** `lesson-2`: the first `<kind>-<n>` no module of the form has. */
export function newModuleId(kind: ModuleKind, used: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${kind}-${n}`;
    if (!used.includes(id)) return id;
  }
}

export function newModule(kind: ModuleKind, form: PackageForm): ModuleDraft {
  return {
    key: nextKey('module'),
    id: newModuleId(
      kind,
      form.modules.map((m) => m.id),
    ),
    kind,
    isNew: true,
    title: toBilingual(null),
    estimatedMinutes: kind === 'session' ? 60 : kind === 'quiz' ? 10 : kind === 'ojt' ? 30 : 15,
    skillTags: '',
    body: toBilingual(null),
    completionRule: 'read_to_end',
    viewedMinutes: DEFAULT_VIEWED_MINUTES,
    instructions: toBilingual(null),
    format: 'in_person',
    startsAt: '',
    storedStartsAt: null,
    place: '',
    assessmentId: null,
    template: kind === 'quiz' ? newTemplate() : null,
    keptTemplate: null,
    scormPackageId: '',
    scormCompletion: 'completed',
  };
}

/* ---------- Checking and building the package ---------- */

type Problems = Record<string, FormProblem>;

/** One language at least; each within `max`. */
function checkText(value: BilingualText, path: string, max: number, problems: Problems): LocalizedText {
  const text = compactText(value);
  if (!text) problems[path] = { key: 'packageEditor.textRequired' };
  for (const code of ['ja', 'en'] as const) {
    const part = text?.[code];
    if (part && part.length > max) problems[`${path}.${code}`] = { key: 'packageEditor.tooLong', params: { max } };
  }
  return text ?? {};
}

function checkInt(value: NumberField, path: string, min: number, max: number, problems: Problems, optional = false): number | null {
  const n = parseNumberInput(value);
  if (n === null) {
    if (!optional) problems[path] = { key: 'errors.required_field' };
    return null;
  }
  if (!Number.isInteger(n) || n < min || n > max) {
    problems[path] = { key: 'packageEditor.intRange', params: { min, max } };
    return null;
  }
  return n;
}

function toTemplate(draft: TemplateDraft, path: string, problems: Problems): QuizTemplate {
  if (!draft.bankId) problems[`${path}.bankIds`] = { key: 'packageEditor.bankRequired' };
  if (draft.draws.length === 0) problems[`${path}.draws`] = { key: 'packageEditor.drawRequired' };
  const draws = draft.draws.map((row, i) => {
    const skill = row.skill.trim();
    if (!skill) problems[`${path}.draws.${i}.skill`] = { key: 'errors.required_field' };
    else if (skill.length > PACKAGE_LIMITS.tagLength)
      problems[`${path}.draws.${i}.skill`] = { key: 'packageEditor.tooLong', params: { max: PACKAGE_LIMITS.tagLength } };
    const count = checkInt(row.count, `${path}.draws.${i}.count`, 1, PACKAGE_LIMITS.drawCountMax, problems);
    return { skill, count: count ?? 0 };
  });
  const passMark = parseNumberInput(draft.passMark);
  if (passMark === null) problems[`${path}.passMark`] = { key: 'errors.required_field' };
  else if (Number.isNaN(passMark) || passMark < 0 || passMark > 100)
    problems[`${path}.passMark`] = { key: 'packageEditor.intRange', params: { min: 0, max: 100 } };
  const timeLimitMinutes = checkInt(draft.timeLimitMinutes, `${path}.timeLimitMinutes`, 1, PACKAGE_LIMITS.minutesMax, problems, true);
  return { bankIds: draft.bankId ? [draft.bankId] : [], draws, passMark: passMark ?? 0, timeLimitMinutes };
}

function toLessonCompletion(draft: ModuleDraft, path: string, problems: Problems): LessonCompletion {
  if (draft.completionRule !== 'viewed') return { rule: draft.completionRule };
  const minutes = checkInt(draft.viewedMinutes, `${path}.minutes`, 1, PACKAGE_LIMITS.viewedMinutesMax, problems);
  return { rule: 'viewed', minutes: minutes ?? 0 };
}

function toModule(draft: ModuleDraft, path: string, problems: Problems): PackageModule {
  const skillTags = splitList(draft.skillTags);
  if (skillTags.length > PACKAGE_LIMITS.tagsMax)
    problems[`${path}.skillTags`] = { key: 'packageEditor.tooManyTags', params: { max: PACKAGE_LIMITS.tagsMax } };
  else if (skillTags.some((tag) => tag.length > PACKAGE_LIMITS.tagLength))
    problems[`${path}.skillTags`] = { key: 'packageEditor.tooLong', params: { max: PACKAGE_LIMITS.tagLength } };
  const base = {
    id: draft.id,
    kind: draft.kind,
    title: checkText(draft.title, `${path}.title`, PACKAGE_LIMITS.title, problems),
    estimatedMinutes: checkInt(draft.estimatedMinutes, `${path}.estimatedMinutes`, 1, PACKAGE_LIMITS.minutesMax, problems) ?? 0,
    skillTags,
  };
  switch (draft.kind) {
    case 'lesson':
      return {
        ...base,
        body: checkText(draft.body, `${path}.body`, PACKAGE_LIMITS.longText, problems),
        completion: toLessonCompletion(draft, `${path}.completion`, problems),
      };
    case 'ojt':
      return { ...base, instructions: checkText(draft.instructions, `${path}.instructions`, PACKAGE_LIMITS.longText, problems) };
    case 'session': {
      const place = draft.place.trim();
      if (place.length > PACKAGE_LIMITS.place)
        problems[`${path}.place`] = { key: 'packageEditor.tooLong', params: { max: PACKAGE_LIMITS.place } };
      const startsAt =
        draft.storedStartsAt !== null && draft.startsAt === toDateTimeLocal(draft.storedStartsAt)
          ? draft.storedStartsAt
          : fromDateTimeLocal(draft.startsAt);
      return { ...base, format: draft.format, startsAt, place: place || null };
    }
    case 'scorm':
      if (!draft.scormPackageId) problems[`${path}.scormPackageId`] = { key: 'scorm.packageRequired' };
      return { ...base, scormPackageId: draft.scormPackageId, completion: draft.scormCompletion };
    case 'quiz': {
      const out: PackageModule = { ...base };
      if (draft.assessmentId) out.assessmentId = draft.assessmentId;
      if (draft.template) out.template = toTemplate(draft.template, `${path}.template`, problems);
      else if (draft.keptTemplate) out.template = draft.keptTemplate;
      if (!out.assessmentId && !out.template) problems[path] = { key: 'packageEditor.quizNeedsTemplate' };
      return out;
    }
  }
}

/**
 * The package to send and the problems found, keyed by the API's paths inside the package
 * (`modules.2.title`, `modules.3.template.draws.0.count`). Send only when there are none.
 */
export function toPackage(form: PackageForm): { pkg: LearningPackage; problems: Problems } {
  const problems: Problems = {};
  const title = checkText(form.title, 'title', PACKAGE_LIMITS.title, problems);
  const description = checkText(form.description, 'description', PACKAGE_LIMITS.longText, problems);
  if (form.modules.length === 0) problems['modules'] = { key: 'packageEditor.noModules' };
  else if (form.modules.length > PACKAGE_LIMITS.modulesMax)
    problems['modules'] = { key: 'packageEditor.tooManyModules', params: { max: PACKAGE_LIMITS.modulesMax } };
  const modules = form.modules.map((m, i) => toModule(m, `modules.${i}`, problems));
  return { pkg: { title, description, level: form.level, audience: audienceInput(form.audience), modules }, problems };
}

/**
 * API paths → the form's: the PUT envelope (`package.`) is left out, and a quiz template's
 * draw rules (reported as the assessment's `fixed.draws.N`) sit at `template.draws.N`.
 */
export function packagePath(path: string): string {
  return path.replace(/^package\.?/, '').replace(/^(modules\.\d+\.template)\.fixed(?=\.|$)/, '$1');
}
