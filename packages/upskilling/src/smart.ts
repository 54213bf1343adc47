import type { LocalizedText } from './text.js';

/** The five SMART criteria; every goal message starts with the letter it is about. */
export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export const SMART_LABELS: Record<SmartLetter, LocalizedText> = {
  S: { ja: 'S（具体的）', en: 'S (Specific)' },
  M: { ja: 'M（測定可能）', en: 'M (Measurable)' },
  A: { ja: 'A（達成可能）', en: 'A (Achievable)' },
  R: { ja: 'R（関連性）', en: 'R (Relevant)' },
  T: { ja: 'T（期限）', en: 'T (Time-bound)' },
};

/** `M（測定可能）: 目標値を設定してください` / `M (Measurable): set a target value`. */
export function smartMessage(letter: SmartLetter, text: LocalizedText): LocalizedText {
  return { ja: `${SMART_LABELS[letter].ja}: ${text.ja}`, en: `${SMART_LABELS[letter].en}: ${text.en}` };
}
