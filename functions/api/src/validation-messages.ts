import type { Locale } from '@manabi/core';
import { z } from 'zod';
import type { Text } from './error-messages.js';

/**
 * Messages schemas set themselves (`.min(1, { message: 'Required' })`, refinements), keyed by
 * their English text, which is what zod reports. A schema message missing here is answered as
 * written; validation-messages.test.ts fails on any literal one this table lacks.
 */
export const SCHEMA_MESSAGES: Record<string, Text> = {
  Required: { ja: '入力してください', en: 'Required' },
  'Invalid id': { ja: 'ID が正しくありません', en: 'Invalid id' },
  'Invalid email address': { ja: 'メールアドレスの形式が正しくありません', en: 'Invalid email address' },
  'Invalid domain': { ja: 'ドメインの形式が正しくありません（例: example.co.jp）', en: 'Invalid domain (for example example.co.jp)' },
  'Password must be at least 10 characters': {
    ja: 'パスワードは 10 文字以上にしてください',
    en: 'Password must be at least 10 characters',
  },
  'Password must be at most 200 characters': {
    ja: 'パスワードは 200 文字以内にしてください',
    en: 'Password must be at most 200 characters',
  },
  'Use kana only (hiragana or katakana, ー and spaces), 100 characters at most': {
    ja: 'かな（ひらがな・カタカナ、ー、空白）で 100 文字以内で入力してください',
    en: 'Use kana only (hiragana or katakana, ー and spaces), 100 characters at most',
  },
  'Expected a date YYYY-MM-DD': { ja: '日付は YYYY-MM-DD の形で入力してください', en: 'Expected a date YYYY-MM-DD' },
  'Expected a job role id': { ja: '職種 ID の形式が正しくありません', en: 'Expected a job role id' },
  'Expected a slug: lower-case letters, digits and single hyphens': {
    ja: '半角英小文字・数字・ハイフン（連続不可）で入力してください',
    en: 'Expected a slug: lower-case letters, digits and single hyphens',
  },
  // The catalog's item ids (content/catalog, read by content:check and the catalog publish).
  'id: a slug (lower-case letters, digits, single hyphens)': {
    ja: 'id は半角英小文字・数字・ハイフン（連続不可）で書いてください',
    en: 'id: a slug (lower-case letters, digits, single hyphens)',
  },
  // The level packages' source (content/packages, read by content:check and the catalog publish).
  'the Japanese text is missing': { ja: '日本語の文がありません', en: 'the Japanese text is missing' },
  'the English text is missing': { ja: '英語の文がありません', en: 'the English text is missing' },
  'id: 1-40 lower-case letters, digits, -': {
    ja: 'id は半角英小文字・数字・ハイフンで 1〜40 文字にしてください',
    en: 'id: 1-40 lower-case letters, digits, -',
  },
  // A package's quiz template: fixed draws, or adaptive settings (a placement test), never both.
  'A quiz template needs draws or adaptive settings': {
    ja: '確認テストには出題ルールかアダプティブテストの設定が必要です',
    en: 'A quiz template needs draws or adaptive settings',
  },
  'An adaptive template draws by ability, not by fixed draws': {
    ja: 'アダプティブテストは能力に合わせて出題するため、出題ルールは指定できません',
    en: 'An adaptive template draws by ability, not by fixed draws',
  },
  'Nothing to update': { ja: '変更する項目がありません', en: 'Nothing to update' },
  'Expected a colour #rrggbb': { ja: '色は #rrggbb の形で入力してください', en: 'Expected a colour #rrggbb' },
  'Expected a host name such as learn.example.co.jp': {
    ja: 'learn.example.co.jp のようなホスト名を入力してください',
    en: 'Expected a host name such as learn.example.co.jp',
  },
  'Each host once': { ja: '同じホスト名は一度だけ指定してください', en: 'Each host once' },
  'Each package once': { ja: '同じ研修パッケージは一度だけ指定してください', en: 'Each package once' },
  'Not a package of this company': { ja: 'この企業の研修パッケージではありません', en: 'Not a package of this company' },
  'Japanese or English title is required': { ja: '日本語か英語のタイトルを入力してください', en: 'Japanese or English title is required' },
  'Japanese or English text is required': { ja: '日本語か英語の本文を入力してください', en: 'Japanese or English text is required' },
  'Choose at least one question bank': { ja: '問題バンクを 1 つ以上選んでください', en: 'Choose at least one question bank' },
  'A fixed form needs questions or draw rules': {
    ja: '固定式のテストには問題か出題ルールが必要です',
    en: 'A fixed form needs questions or draw rules',
  },
  'Add at least one draw rule or question': {
    ja: '出題ルールか問題を 1 つ以上追加してください',
    en: 'Add at least one draw rule or question',
  },
  'An adaptive test needs its skills and limits': {
    ja: 'アダプティブテストにはスキルと出題数の範囲が必要です',
    en: 'An adaptive test needs its skills and limits',
  },
  'Minimum items exceed maximum items': { ja: '最少出題数が最大出題数を超えています', en: 'Minimum items exceed maximum items' },
  'For an adaptive test the pass mark is a band 1–5': {
    ja: 'アダプティブテストの合格点は 1〜5 の段階で指定します',
    en: 'For an adaptive test the pass mark is a band 1–5',
  },
  'A title is needed for each printed language': {
    ja: '印刷する言語ごとにタイトルが必要です',
    en: 'A title is needed for each printed language',
  },
  'A quiz module needs an assessment or a template': {
    ja: 'クイズのモジュールにはテストかテンプレートが必要です',
    en: 'A quiz module needs an assessment or a template',
  },
  'Module id: 1-40 lower-case letters, digits, -': {
    ja: 'モジュール ID は半角英小文字・数字・ハイフンで 1〜40 文字です',
    en: 'Module id: 1-40 lower-case letters, digits, -',
  },
  'Option id: 1-64 letters, digits, _ . -': {
    ja: '選択肢 ID は半角英数字と _ . - で 1〜64 文字です',
    en: 'Option id: 1-64 letters, digits, _ . -',
  },
  'At least 2 options': { ja: '選択肢は 2 つ以上必要です', en: 'At least 2 options' },
  'Exactly one correct option': { ja: '正解の選択肢はちょうど 1 つにしてください', en: 'Exactly one correct option' },
  'At least one correct option': { ja: '正解の選択肢を 1 つ以上選んでください', en: 'At least one correct option' },
  'At least one accepted answer': { ja: '正答を 1 つ以上入力してください', en: 'At least one accepted answer' },
  'The order must list every option exactly once': {
    ja: '並び順にはすべての選択肢をちょうど 1 回ずつ含めてください',
    en: 'The order must list every option exactly once',
  },
  // Matching and cloze questions.
  'At least 2 choices': { ja: '選択肢は 2 つ以上必要です', en: 'At least 2 choices' },
  'At least one blank': { ja: '空欄を 1 つ以上作ってください', en: 'At least one blank' },
  'Blank id: a number from 1 to 99': { ja: '空欄の番号は 1〜99 の数字です', en: 'Blank id: a number from 1 to 99' },
  'At least one rubric criterion': { ja: 'ルーブリックの観点を 1 つ以上入力してください', en: 'At least one rubric criterion' },
  'At most 10 rubric criteria': { ja: 'ルーブリックの観点は 10 個までです', en: 'At most 10 rubric criteria' },
  'The minimum word count exceeds the maximum': {
    ja: '最小語数（字数）が最大を超えています',
    en: 'The minimum word count exceeds the maximum',
  },
};

/** Schema messages with a value in them: the English pattern and its Japanese wording ($1… are the values). */
export const SCHEMA_MESSAGE_PATTERNS: { pattern: RegExp; ja: string }[] = [
  { pattern: /^Duplicate category id "(.*)"$/, ja: 'カテゴリ ID「$1」が重複しています' },
  { pattern: /^Duplicate criterion id "(.*)"$/, ja: '観点 ID「$1」が重複しています' },
  { pattern: /^Duplicate job role id "(.*)"$/, ja: '職種 ID「$1」が重複しています' },
  { pattern: /^Duplicate module id "(.*)"$/, ja: 'モジュール ID「$1」が重複しています' },
  { pattern: /^Duplicate option id "(.*)"$/, ja: '選択肢 ID「$1」が重複しています' },
  { pattern: /^Duplicate skill id "(.*)"$/, ja: 'スキル ID「$1」が重複しています' },
  {
    pattern: /^Duplicate skill name "(.*)" \(names are used as tags\)$/,
    ja: 'スキル名「$1」が重複しています（名前はタグとして使われます）',
  },
  { pattern: /^Option id "(.*)" appears twice$/, ja: '選択肢 ID「$1」が 2 回出てきます' },
  { pattern: /^Skill "(.*)" names unknown job role "(.*)"$/, ja: 'スキル「$1」に存在しない職種「$2」が指定されています' },
  { pattern: /^Unknown option id "(.*)"$/, ja: '選択肢 ID「$1」はありません' },
  // Matching and cloze questions.
  { pattern: /^At least (.*) prompts$/, ja: '問いは $1 つ以上必要です' },
  { pattern: /^At most (.*) prompts$/, ja: '問いは $1 個までです' },
  { pattern: /^At most (.*) choices$/, ja: '選択肢は $1 個までです' },
  { pattern: /^At most (.*) blanks$/, ja: '空欄は $1 個までです' },
  { pattern: /^Prompt (\d+) has no matching choice$/, ja: '問い $1 に対応する選択肢（正解）を選んでください' },
  { pattern: /^Unknown choice id "(.*)"$/, ja: '選択肢 ID「$1」はありません' },
  { pattern: /^Unknown prompt id "(.*)"$/, ja: '問い ID「$1」はありません' },
  { pattern: /^Duplicate prompt id "(.*)"$/, ja: '問い ID「$1」が重複しています' },
  { pattern: /^Duplicate choice id "(.*)"$/, ja: '選択肢 ID「$1」が重複しています' },
  { pattern: /^Duplicate blank id "(.*)"$/, ja: '空欄の番号「$1」が重複しています' },
  { pattern: /^The (ja|en) stem has no \{\{(\d+)\}\} marker for blank \d+$/, ja: '問題文（$1）に空欄 $2 の {{$2}} がありません' },
  {
    pattern: /^The (ja|en) stem has the \{\{(\d+)\}\} marker (\d+) times$/,
    ja: '問題文（$1）に {{$2}} が $3 回あります（1 回にしてください）',
  },
  { pattern: /^The (ja|en) stem has a \{\{(\d+)\}\} marker but no blank \d+$/, ja: '問題文（$1）の {{$2}} に対応する空欄がありません' },
  { pattern: /^Unknown placeholder \{(.*)\}; use (.*)$/, ja: '差し込み項目 {$1} はありません。使えるのは $2 です' },
];

/** The library's own wording per language (zod v4 locales), used per issue, never as a global switch. */
const LIBRARY = { ja: z.locales.ja().localeError, en: z.locales.en().localeError } as const;

/** A validation issue as zod reports it, with the input at its path when the caller knows it. */
export interface ValidationIssue {
  readonly code: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
  readonly input?: unknown;
}

function libraryMessage(issue: ValidationIssue, locale: Locale): string {
  const out = LIBRARY[locale](issue as never);
  return typeof out === 'string' ? out : (out?.message ?? '');
}

/**
 * An issue's message in `locale`: the table's wording for a schema's own message, otherwise the
 * library's (English as zod already wrote it; Japanese from zod's ja locale, given the input when
 * the caller knew it, since "received …" is worded from the input).
 */
export function localizeIssue(issue: ValidationIssue, locale: Locale): string {
  const known = SCHEMA_MESSAGES[issue.message];
  if (known) return known[locale];
  const pattern = SCHEMA_MESSAGE_PATTERNS.find((p) => p.pattern.test(issue.message));
  if (pattern) return locale === 'ja' ? issue.message.replace(pattern.pattern, pattern.ja) : issue.message;
  if (locale === 'en' || issue.code === 'custom') return issue.message;
  const worded = libraryMessage(issue, locale);
  return worded ? worded.replace(TYPE_NAMES, (name) => JA_TYPE_NAMES[name] ?? name) : issue.message;
}

/** zod's ja locale leaves these type names in English; say them in Japanese. */
const JA_TYPE_NAMES: Record<string, string> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: '真偽値',
  object: 'オブジェクト',
  array: '配列',
  date: '日付',
  null: 'null',
  undefined: '未入力',
  bigint: '整数',
  set: '集合',
  map: 'マップ',
  file: 'ファイル',
};
const TYPE_NAMES = /\b(string|number|int|boolean|object|array|date|undefined|bigint|set|map|file)\b/g;
