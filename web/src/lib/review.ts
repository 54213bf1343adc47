import type { Locale, QuestionType, ServedOption } from '../api/types';
import { pickText } from './localized';
import { richAsPlain } from './rich-text';

type Translate = (key: string) => string;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Option ids in whatever shape the value comes: "a", ["a","b"], { optionId }, { optionIds }, { order }, { correctOptionIds }. */
function optionIds(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  if (isRecord(value)) {
    for (const key of ['optionId', 'optionIds', 'order', 'correctOptionIds']) {
      if (key in value) return optionIds(value[key]);
    }
  }
  return null;
}

function scalar(value: unknown, keys: string[]): unknown {
  if (isRecord(value)) {
    for (const key of keys) if (key in value) return value[key];
    return undefined;
  }
  return value;
}

/**
 * A learner response or a correct answer, as readable text. The review's `response` and
 * `correctAnswer` are loosely specified, so several shapes are accepted; null when empty.
 */
export function describeAnswer(value: unknown, type: QuestionType, options: ServedOption[], locale: Locale, t: Translate): string | null {
  if (value === null || value === undefined) return null;
  const optionText = (id: string) => {
    const option = options.find((o) => o.id === id);
    // An image in an option is described by its alt text here.
    return option ? richAsPlain(pickText(option.text, locale), t('questionImages.image')) || id : id;
  };
  switch (type) {
    case 'single_choice':
    case 'multiple_response':
    case 'ordering': {
      const ids = optionIds(value);
      if (!ids || ids.length === 0) return null;
      return ids.map(optionText).join(type === 'ordering' ? ' → ' : locale === 'ja' ? '、' : ', ');
    }
    case 'true_false': {
      const flag = scalar(value, ['value', 'answer']);
      if (typeof flag !== 'boolean') return null;
      return flag ? t('player.true') : t('player.false');
    }
    case 'numeric': {
      const inner = scalar(value, ['value', 'answer']);
      const number = isRecord(inner) ? inner['value'] : inner;
      if (typeof number !== 'number' && typeof number !== 'string') return null;
      const tolerance = isRecord(inner) ? inner['tolerance'] : isRecord(value) ? value['tolerance'] : undefined;
      return typeof tolerance === 'number' && tolerance > 0 ? `${number} ± ${tolerance}` : String(number);
    }
    // The review shows these per prompt / blank (GapReview); this is the one-line form.
    case 'matching':
    case 'cloze': {
      const map = isRecord(value) ? (value['pairs'] ?? value['blanks']) : null;
      if (!isRecord(map)) return null;
      const parts = Object.entries(map).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
      return parts.length > 0 ? parts.join(locale === 'ja' ? '、' : ', ') : null;
    }
    case 'essay': {
      const text = scalar(value, ['text']);
      return typeof text === 'string' && text ? text : null;
    }
    case 'description':
      return null;
    case 'short_text': {
      const text = scalar(value, ['text', 'accepted']);
      if (typeof text === 'string') return text || null;
      if (Array.isArray(text)) return text.filter((v) => typeof v === 'string').join(' / ') || null;
      return null;
    }
  }
}
