import {
  OPTION_TYPES,
  type IrtParams,
  type Level,
  type Question,
  type QuestionOption,
  type QuestionType,
  type ServedItem,
  type SourceRef,
} from '../api/types';
import {
  checkGaps,
  clozeFromContent,
  clozeToContent,
  emptyMatching,
  matchingFromContent,
  matchingToContent,
  servedGaps,
  type ClozeDraft,
  type MatchingDraft,
} from './gapForm';
import { newCriterion, rubricContent, rubricDrafts, type RubricDraft } from './essay';
import { compactText, splitList, toBilingual, type BilingualText } from './localized';

/** One option row in the editor. `key` is a stable v-for key; `id` is the option id sent to the API. */
export interface OptionDraft {
  key: string;
  id: string;
  text: BilingualText;
  feedback: BilingualText;
  correct: boolean;
}

/** Everything the editor edits, for all types at once (switching type keeps what fits). */
export interface QuestionForm {
  type: QuestionType;
  title: string;
  stem: BilingualText;
  /** For ordering, the list order is the correct order. */
  options: OptionDraft[];
  partialCredit: boolean;
  trueFalse: boolean;
  numericValue: string;
  tolerance: string;
  accepted: string[];
  caseSensitive: boolean;
  /** Essays: rubric rows, word limits ('' = none) and notes for graders. */
  rubric: RubricDraft[];
  minWords: string;
  maxWords: string;
  graderNotes: BilingualText;
  feedbackCorrect: BilingualText;
  feedbackIncorrect: BilingualText;
  explanation: BilingualText;
  /** Comma separated. */
  skillTags: string;
  level: Level | '';
  difficultyPrior: string;
  matching: MatchingDraft;
  cloze: ClozeDraft;
}

/** Content fields the editor does not show but must keep when saving a new version. */
export interface PreservedFields {
  irt?: IrtParams;
  sourceRef?: SourceRef;
}

export const DEFAULT_OPTION_COUNT = 4;

let keyCounter = 0;
const newKey = () => `opt-${++keyCounter}`;

export const isOptionType = (type: QuestionType) => OPTION_TYPES.includes(type);

/** a, b, c … z, then o27, o28 …: the first one not in use. */
export function nextOptionId(used: readonly string[]): string {
  const taken = new Set(used);
  for (let i = 0; i < 26; i++) {
    const id = String.fromCharCode(97 + i);
    if (!taken.has(id)) return id;
  }
  for (let n = 27; ; n++) if (!taken.has(`o${n}`)) return `o${n}`;
}

export function newOption(used: readonly string[]): OptionDraft {
  return { key: newKey(), id: nextOptionId(used), text: toBilingual(null), feedback: toBilingual(null), correct: false };
}

export function emptyForm(): QuestionForm {
  const options: OptionDraft[] = [];
  for (let i = 0; i < DEFAULT_OPTION_COUNT; i++) options.push(newOption(options.map((o) => o.id)));
  return {
    type: 'single_choice',
    title: '',
    stem: toBilingual(null),
    options,
    partialCredit: false,
    trueFalse: true,
    numericValue: '',
    tolerance: '0',
    accepted: [''],
    caseSensitive: false,
    rubric: [newCriterion([])],
    minWords: '',
    maxWords: '',
    graderNotes: toBilingual(null),
    feedbackCorrect: toBilingual(null),
    feedbackIncorrect: toBilingual(null),
    explanation: toBilingual(null),
    skillTags: '',
    level: '',
    difficultyPrior: '',
    matching: emptyMatching(),
    cloze: { blanks: {} },
  };
}

function optionDrafts(options: QuestionOption[], correctIds: readonly string[]): OptionDraft[] {
  return options.map((o) => ({
    key: newKey(),
    id: o.id,
    text: toBilingual(o.text),
    feedback: toBilingual(o.feedback),
    correct: correctIds.includes(o.id),
  }));
}

export function fromContent(q: Question): { form: QuestionForm; preserved: PreservedFields } {
  const form = emptyForm();
  Object.assign(form, {
    type: q.type,
    title: q.title ?? '',
    stem: toBilingual(q.stem),
    feedbackCorrect: toBilingual(q.feedback?.correct),
    feedbackIncorrect: toBilingual(q.feedback?.incorrect),
    explanation: toBilingual(q.explanation),
    skillTags: q.skillTags.join(', '),
    level: q.level ?? '',
    difficultyPrior: q.difficultyPrior === null || q.difficultyPrior === undefined ? '' : String(q.difficultyPrior),
  });
  switch (q.type) {
    case 'single_choice':
    case 'multiple_response':
      form.options = optionDrafts(q.options, q.correctOptionIds);
      if (q.type === 'multiple_response') form.partialCredit = q.partialCredit ?? false;
      break;
    case 'ordering': {
      const position = (id: string) => {
        const index = q.order.indexOf(id);
        return index < 0 ? Number.MAX_SAFE_INTEGER : index;
      };
      form.options = optionDrafts(
        [...q.options].sort((a, b) => position(a.id) - position(b.id)),
        [],
      );
      break;
    }
    case 'true_false':
      form.trueFalse = q.answer;
      break;
    case 'numeric':
      form.numericValue = String(q.answer.value);
      form.tolerance = String(q.answer.tolerance ?? 0);
      break;
    case 'short_text':
      form.accepted = q.accepted.length > 0 ? [...q.accepted] : [''];
      form.caseSensitive = q.caseSensitive ?? false;
      break;
    case 'matching':
      form.matching = matchingFromContent(q);
      break;
    case 'cloze':
      form.cloze = clozeFromContent(q);
      break;
    case 'essay':
      form.rubric = rubricDrafts(q.rubric);
      form.minWords = q.minWords === undefined ? '' : String(q.minWords);
      form.maxWords = q.maxWords === undefined ? '' : String(q.maxWords);
      form.graderNotes = toBilingual(q.graderNotes);
      break;
    case 'description':
      break;
  }
  const preserved: PreservedFields = {};
  // A calibrated item keeps its parameters; a prior is re-derived by the server from difficultyPrior.
  if (q.irt?.source === 'calibrated') preserved.irt = q.irt;
  if (q.sourceRef) preserved.sourceRef = q.sourceRef;
  return { form, preserved };
}

/**
 * "１２．５" → 12.5; "" → null; unreadable → NaN. Accepts numbers too: `v-model` on an
 * `<input type="number">` yields numbers.
 */
export function parseNumberInput(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (value === null || value === undefined) return null;
  const text = value
    .normalize('NFKC')
    .replace(/[−ー―‐]/g, '-')
    .replace(/,/g, '')
    .trim();
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Client-side checks the API would also make; returns path → message key. */
export function checkForm(form: QuestionForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!compactText(form.stem)) problems['stem'] = 'questionEditor.stemRequired';
  const correctCount = form.options.filter((o) => o.correct).length;
  if (form.type === 'single_choice' && correctCount !== 1) problems['correctOptionIds'] = 'questionEditor.pickOneCorrect';
  if (form.type === 'multiple_response' && correctCount === 0) problems['correctOptionIds'] = 'questionEditor.pickSomeCorrect';
  if (form.type === 'numeric') {
    const value = parseNumberInput(form.numericValue);
    if (value === null) problems['answer.value'] = 'errors.required_field';
    else if (Number.isNaN(value)) problems['answer.value'] = 'questionEditor.notANumber';
    const tolerance = parseNumberInput(form.tolerance);
    if (tolerance !== null && (Number.isNaN(tolerance) || tolerance < 0)) problems['answer.tolerance'] = 'questionEditor.notANumber';
  }
  const prior = parseNumberInput(form.difficultyPrior);
  if (prior !== null && Number.isNaN(prior)) problems['difficultyPrior'] = 'questionEditor.notANumber';
  Object.assign(problems, checkGaps(form.type, form.stem, form.matching, form.cloze));
  if (form.type === 'essay') {
    for (const key of ['minWords', 'maxWords'] as const) {
      const n = parseNumberInput(form[key]);
      if (n !== null && (Number.isNaN(n) || !Number.isInteger(n) || n < 1)) problems[key] = 'essay.editor.wholeNumber';
    }
  }
  return problems;
}

/**
 * The question content to send, and for each sent option its row in the form (options with
 * no text at all are left out, unless marked correct, so unused default rows do not get in the way).
 */
export function toContent(form: QuestionForm, preserved: PreservedFields = {}): { content: Question; optionRows: number[] } {
  const common = {
    stem: compactText(form.stem) ?? {},
    skillTags: splitList(form.skillTags),
    level: form.level || null,
    difficultyPrior: parseNumberInput(form.difficultyPrior),
  } as const;
  const extra: Record<string, unknown> = {};
  const title = form.title.trim();
  if (title) extra['title'] = title;
  const correct = compactText(form.feedbackCorrect);
  const incorrect = compactText(form.feedbackIncorrect);
  if (correct || incorrect) extra['feedback'] = { ...(correct ? { correct } : {}), ...(incorrect ? { incorrect } : {}) };
  const explanation = compactText(form.explanation);
  if (explanation) extra['explanation'] = explanation;
  if (preserved.irt) extra['irt'] = preserved.irt;
  if (preserved.sourceRef) extra['sourceRef'] = preserved.sourceRef;

  const optionRows: number[] = [];
  const options: QuestionOption[] = [];
  if (isOptionType(form.type)) {
    form.options.forEach((o, row) => {
      const text = compactText(o.text);
      const keepForKey = o.correct && form.type !== 'ordering';
      if (!text && !keepForKey) return;
      const option: QuestionOption = { id: o.id, text: text ?? {} };
      const feedback = compactText(o.feedback);
      if (feedback) option.feedback = feedback;
      options.push(option);
      optionRows.push(row);
    });
  }
  const correctIds = form.options.filter((o) => o.correct).map((o) => o.id);

  let content: Question;
  switch (form.type) {
    case 'single_choice':
      content = { ...common, type: 'single_choice', options, correctOptionIds: correctIds.slice(0, 1) };
      break;
    case 'multiple_response':
      content = { ...common, type: 'multiple_response', options, correctOptionIds: correctIds, partialCredit: form.partialCredit };
      break;
    case 'ordering':
      content = { ...common, type: 'ordering', options, order: options.map((o) => o.id) };
      break;
    case 'true_false':
      content = { ...common, type: 'true_false', answer: form.trueFalse };
      break;
    case 'numeric':
      content = {
        ...common,
        type: 'numeric',
        answer: { value: parseNumberInput(form.numericValue) ?? Number.NaN, tolerance: parseNumberInput(form.tolerance) ?? 0 },
      };
      break;
    case 'short_text':
      content = {
        ...common,
        type: 'short_text',
        accepted: [...new Set(form.accepted.map((a) => a.trim()).filter((a) => a.length > 0))],
        caseSensitive: form.caseSensitive,
      };
      break;
    case 'matching':
      content = { ...common, type: 'matching', ...matchingToContent(form.matching) };
      break;
    case 'cloze':
      content = { ...common, type: 'cloze', blanks: clozeToContent(form.stem, form.cloze, (v) => parseNumberInput(v)) };
      break;
    case 'essay': {
      const min = parseNumberInput(form.minWords);
      const max = parseNumberInput(form.maxWords);
      const notes = compactText(form.graderNotes);
      content = {
        ...common,
        type: 'essay',
        rubric: rubricContent(form.rubric),
        ...(min !== null ? { minWords: min } : {}),
        ...(max !== null ? { maxWords: max } : {}),
        ...(notes ? { graderNotes: notes } : {}),
      };
      break;
    }
    case 'description':
      content = { ...common, type: 'description' };
      break;
  }
  return { content: { ...content, ...extra } as Question, optionRows };
}

/** Maps `options.<sent index>…` in an API error path back to the form's row. */
export function remapOptionPath(path: string, optionRows: readonly number[]): string {
  const match = /^options\.(\d+)(.*)$/.exec(path);
  if (!match) return path;
  const row = optionRows[Number(match[1])];
  return row === undefined ? path : `options.${row}${match[2] ?? ''}`;
}

/** The item as a learner would be served it (for the live preview): texts only, no key. */
export function toServedItem(form: QuestionForm): ServedItem {
  return {
    index: 0,
    questionId: 'preview',
    type: form.type,
    stem: compactText(form.stem) ?? {},
    options: isOptionType(form.type) ? form.options.map((o) => ({ id: o.id, text: compactText(o.text) ?? {} })) : [],
    ...servedGaps(form.type, form.stem, form.matching, form.cloze),
    images: [],
    ...(form.type === 'essay'
      ? {
          essay: {
            minWords: parseNumberInput(form.minWords) || null,
            maxWords: parseNumberInput(form.maxWords) || null,
            rubric: rubricContent(form.rubric),
          },
        }
      : {}),
  };
}
