import type { Assessment, AssessmentInput, AssessmentMode, Audience, Level, ReviewPolicy } from '../api/types';
import { audienceForm, audienceInput, emptyAudience } from './audience';
import { fromDateTimeLocal, toDateTimeLocal } from './format';
import { compactText, splitList, toBilingual, type BilingualText } from './localized';
import { parseNumberInput } from './questionForm';

/** A number field as the input holds it: text, or a number once `v-model` on `type="number"` has cast it. */
export type NumberField = string | number;

export interface DrawRow {
  key: string;
  skill: string;
  level: Level | '';
  count: NumberField;
}

/** The assessment form; numbers are kept as typed so fields may be empty. */
export interface AssessmentForm {
  title: BilingualText;
  description: BilingualText;
  mode: AssessmentMode;
  bankIds: string[];
  draws: DrawRow[];
  /** Explicit question ids, one per line or comma separated. */
  questionIds: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  skills: string;
  minItems: NumberField;
  maxItems: NumberField;
  seTarget: NumberField;
  /** The levels an adaptive test serves (a catalog placement test's); kept as they are, empty: every level. */
  levels: Level[];
  timeLimitMinutes: NumberField;
  passMark: NumberField;
  attemptsAllowed: NumberField;
  reviewPolicy: ReviewPolicy;
  /** `<input type="datetime-local">` value. */
  dueAt: string;
  /** Who the test is for; empty lists are everyone. */
  audience: Audience;
}

export const DEFAULT_PASS_MARK: Record<AssessmentMode, string> = { fixed: '60', adaptive: '3' };
export const DEFAULT_SE_TARGET = '0.3';

let keyCounter = 0;
export function newDrawRow(): DrawRow {
  return { key: `draw-${++keyCounter}`, skill: '', level: '', count: '5' };
}

export function emptyAssessmentForm(): AssessmentForm {
  return {
    title: toBilingual(null),
    description: toBilingual(null),
    mode: 'fixed',
    bankIds: [],
    draws: [newDrawRow()],
    questionIds: '',
    shuffleQuestions: true,
    shuffleOptions: true,
    skills: '',
    minItems: '5',
    maxItems: '20',
    seTarget: DEFAULT_SE_TARGET,
    levels: [],
    timeLimitMinutes: '',
    passMark: DEFAULT_PASS_MARK.fixed,
    attemptsAllowed: '',
    reviewPolicy: 'after_submit',
    dueAt: '',
    audience: emptyAudience(),
  };
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function fromAssessment(a: Assessment): AssessmentForm {
  const form = emptyAssessmentForm();
  return {
    ...form,
    title: toBilingual(a.title),
    description: toBilingual(a.description),
    mode: a.mode,
    bankIds: [...a.bankIds],
    draws: a.fixed
      ? a.fixed.draws.map((d) => ({ ...newDrawRow(), skill: d.skill, level: d.level ?? '', count: String(d.count) }))
      : form.draws,
    questionIds: a.fixed ? a.fixed.questionIds.join('\n') : '',
    shuffleQuestions: a.fixed?.shuffleQuestions ?? true,
    shuffleOptions: a.fixed?.shuffleOptions ?? true,
    skills: a.adaptive ? a.adaptive.skills.join(', ') : '',
    minItems: a.adaptive ? String(a.adaptive.minItems) : form.minItems,
    maxItems: a.adaptive ? String(a.adaptive.maxItems) : form.maxItems,
    seTarget: a.adaptive ? String(a.adaptive.seTarget) : form.seTarget,
    levels: [...(a.adaptive?.levels ?? [])],
    timeLimitMinutes: str(a.timeLimitMinutes),
    passMark: String(a.passMark),
    attemptsAllowed: str(a.attemptsAllowed),
    reviewPolicy: a.reviewPolicy,
    dueAt: toDateTimeLocal(a.dueAt),
    audience: audienceForm(a.audience),
  };
}

export interface AssessmentPayload {
  input: AssessmentInput;
  /** For each sent draw rule, its row in the form (rows without a skill are left out). */
  drawRows: number[];
  /** path → message key for values that are not numbers. */
  problems: Record<string, string>;
}

export function toAssessmentInput(form: AssessmentForm): AssessmentPayload {
  const problems: Record<string, string> = {};
  const number = (path: string, value: NumberField, options: { integer?: boolean; required?: boolean } = {}): number | null => {
    const n = parseNumberInput(value);
    if (n === null) {
      if (options.required) problems[path] = 'errors.required_field';
      return null;
    }
    if (Number.isNaN(n) || (options.integer && !Number.isInteger(n))) {
      problems[path] = 'assessmentForm.invalidNumber';
      return null;
    }
    return n;
  };

  const title = compactText(form.title);
  if (!title) problems['title'] = 'assessmentForm.titleRequired';

  const input: AssessmentInput = {
    title: title ?? {},
    mode: form.mode,
    bankIds: [...form.bankIds],
    timeLimitMinutes: number('timeLimitMinutes', form.timeLimitMinutes, { integer: true }),
    passMark: number('passMark', form.passMark, { required: true }) ?? 0,
    attemptsAllowed: number('attemptsAllowed', form.attemptsAllowed, { integer: true }),
    reviewPolicy: form.reviewPolicy,
    dueAt: fromDateTimeLocal(form.dueAt),
    audience: audienceInput(form.audience),
  };
  const description = compactText(form.description);
  if (description) input.description = description;

  const drawRows: number[] = [];
  if (form.mode === 'fixed') {
    const rules: { skill: string; level: Level | null; count: number }[] = [];
    form.draws.forEach((row, index) => {
      const skill = row.skill.trim();
      if (!skill) return;
      const sent = rules.length;
      rules.push({
        skill,
        level: row.level || null,
        count: number(`fixed.draws.${sent}.count`, row.count, { integer: true, required: true }) ?? 0,
      });
      drawRows.push(index);
    });
    input.fixed = {
      questionIds: splitList(form.questionIds.replace(/\s+/g, '\n')),
      draws: rules,
      shuffleQuestions: form.shuffleQuestions,
      shuffleOptions: form.shuffleOptions,
    };
  } else {
    input.adaptive = {
      skills: splitList(form.skills),
      minItems: number('adaptive.minItems', form.minItems, { integer: true, required: true }) ?? 0,
      maxItems: number('adaptive.maxItems', form.maxItems, { integer: true, required: true }) ?? 0,
      seTarget: number('adaptive.seTarget', form.seTarget, { required: true }) ?? 0,
      // Saving an edited placement test must not widen it to every level.
      ...(form.levels.length > 0 ? { levels: form.levels } : {}),
    };
  }
  // Client problems on draw rules use sent indexes too; map them to rows like API errors.
  const mapped: Record<string, string> = {};
  for (const [path, key] of Object.entries(problems)) mapped[remapDrawPath(path, drawRows)] = key;
  return { input, drawRows, problems: mapped };
}

/** `fixed.draws.<sent index>…` → `fixed.draws.<form row>…`. */
export function remapDrawPath(path: string, drawRows: readonly number[]): string {
  const match = /^fixed\.draws\.(\d+)(.*)$/.exec(path);
  if (!match) return path;
  const row = drawRows[Number(match[1])];
  return row === undefined ? path : `fixed.draws.${row}${match[2] ?? ''}`;
}
