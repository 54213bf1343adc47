import type { QuestionResponse, ServedItem } from '../api/types';

/** What a learner has entered so far for one item (the API response shape, possibly incomplete). */
export interface ResponseDraft {
  optionId?: string;
  optionIds?: string[];
  /** true_false */
  flag?: boolean;
  order?: string[];
  /** numeric, exactly as typed (full-width digits allowed) */
  number?: string;
  text?: string;
  /** matching: promptId → choiceId */
  pairs?: Record<string, string>;
  /** cloze: blankId → text typed or option id chosen */
  blanks?: Record<string, string>;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** A fresh draft: ordering starts in the served order (already shuffled by the server). */
export function initialDraft(item: ServedItem): ResponseDraft {
  switch (item.type) {
    case 'multiple_response':
      return { optionIds: [] };
    case 'ordering':
      return { order: item.options.map((o) => o.id) };
    case 'numeric':
      return { number: '' };
    case 'short_text':
    case 'essay':
      return { text: '' };
    case 'matching':
      return { pairs: {} };
    case 'cloze':
      return { blanks: {} };
    default:
      return {};
  }
}

/** Keeps only what fits this item (a stored draft may be stale or tampered with). */
export function sanitizeDraft(item: ServedItem, raw: unknown): ResponseDraft {
  const draft = initialDraft(item);
  if (typeof raw !== 'object' || raw === null) return draft;
  const value = raw as Record<string, unknown>;
  const ids = new Set(item.options.map((o) => o.id));
  switch (item.type) {
    case 'single_choice':
      if (typeof value['optionId'] === 'string' && ids.has(value['optionId'])) draft.optionId = value['optionId'];
      break;
    case 'multiple_response':
      if (isStringArray(value['optionIds'])) draft.optionIds = [...new Set(value['optionIds'].filter((id) => ids.has(id)))];
      break;
    case 'true_false':
      if (typeof value['flag'] === 'boolean') draft.flag = value['flag'];
      break;
    case 'ordering': {
      const order = value['order'];
      if (isStringArray(order) && order.length === ids.size && new Set(order).size === ids.size && order.every((id) => ids.has(id))) {
        draft.order = [...order];
      }
      break;
    }
    case 'numeric':
      if (typeof value['number'] === 'string') draft.number = value['number'];
      break;
    case 'short_text':
    case 'essay':
      if (typeof value['text'] === 'string') draft.text = value['text'];
      break;
    case 'matching':
      draft.pairs = knownEntries(value['pairs'], (id) => item.prompts?.some((p) => p.id === id) ?? false);
      break;
    case 'cloze':
      draft.blanks = knownEntries(value['blanks'], (id) => item.blanks?.some((b) => b.id === id) ?? false);
      break;
  }
  return draft;
}

/** The API response for a draft, or null while the draft is incomplete. */
export function toResponse(item: ServedItem, draft: ResponseDraft): QuestionResponse | null {
  switch (item.type) {
    case 'single_choice':
      return draft.optionId ? { optionId: draft.optionId } : null;
    case 'multiple_response':
      return draft.optionIds && draft.optionIds.length > 0 ? { optionIds: [...draft.optionIds] } : null;
    case 'true_false':
      return typeof draft.flag === 'boolean' ? { value: draft.flag } : null;
    case 'ordering':
      return draft.order && draft.order.length === item.options.length ? { order: [...draft.order] } : null;
    case 'numeric':
      // Sent as typed: the server reads full-width digits, commas and the like.
      return draft.number !== undefined && draft.number.trim() !== '' ? { value: draft.number } : null;
    case 'short_text':
    case 'essay':
      return draft.text !== undefined && draft.text.trim() !== '' ? { text: draft.text } : null;
    // Partial credit: what is filled in is sent once anything is (an empty prompt or blank scores 0).
    case 'matching': {
      const pairs = filled(draft.pairs);
      return Object.keys(pairs).length > 0 ? { pairs } : null;
    }
    case 'cloze': {
      const blanks = filled(draft.blanks);
      return Object.keys(blanks).length > 0 ? { blanks } : null;
    }
    case 'description':
      // Nothing to answer: reading it is enough to go on.
      return {};
  }
}

const filled = (map: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(map ?? {}).filter(([, v]) => v.trim() !== ''));

/** String entries of a stored map whose keys this item knows. */
function knownEntries(raw: unknown, known: (id: string) => boolean): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && known(e[0])));
}

/* ---------- Autosave (sessionStorage: survives a reload of this tab, not a new tab) ---------- */

const PREFIX = 'manabi.attempt.';

export function draftKey(attemptId: string, questionId: string): string {
  return `${PREFIX}${attemptId}.${questionId}`;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function loadDraft(attemptId: string, item: ServedItem): ResponseDraft {
  try {
    const text = storage()?.getItem(draftKey(attemptId, item.questionId));
    return sanitizeDraft(item, text ? (JSON.parse(text) as unknown) : null);
  } catch {
    return initialDraft(item);
  }
}

export function saveDraft(attemptId: string, questionId: string, draft: ResponseDraft): void {
  try {
    storage()?.setItem(draftKey(attemptId, questionId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the answer simply is not restored after a reload.
  }
}

export function clearDraft(attemptId: string, questionId: string): void {
  try {
    storage()?.removeItem(draftKey(attemptId, questionId));
  } catch {
    // ignore
  }
}

export function clearAttemptDrafts(attemptId: string): void {
  const store = storage();
  if (!store) return;
  try {
    const prefix = `${PREFIX}${attemptId}.`;
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // ignore
  }
}
