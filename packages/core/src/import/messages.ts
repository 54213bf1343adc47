import type { Locale } from '../schemas.js';

/** Row-level import messages, in the HR admin's language. */
const MESSAGES = {
  required: { ja: '必須項目です', en: 'This field is required' },
  invalid_email: { ja: 'メールアドレスの形式が正しくありません', en: 'Invalid email address' },
  invalid_role: {
    ja: 'ロールは 人事管理者 / マネージャー / 受講者（tenant_admin / manager / learner）のいずれかです',
    en: 'Role must be one of tenant_admin, manager, learner (or 人事管理者 / マネージャー / 受講者)',
  },
  invalid_level: {
    ja: '階層は 内定者 / 新入社員 / 若手社員 / 中堅社員 / リーダー・監督職 / 管理職 のいずれかです',
    en: 'Level must be one of pre_hire, new_hire, junior, mid, leader, manager (or the Japanese name)',
  },
  invalid_date: { ja: '日付は YYYY-MM-DD または YYYY/MM/DD で入力してください', en: 'Date must be YYYY-MM-DD or YYYY/MM/DD' },
  invalid_job_role: {
    ja: '職種はスキル体系の職種ID（半角英小文字・数字・ハイフン）で入力してください',
    en: 'Job role must be a job role id of the skill framework (lower-case letters, digits, hyphens)',
  },
  unknown_job_role: { ja: 'この職種はスキル体系にありません', en: 'This job role is not in the skill framework' },
  invalid_furigana: {
    ja: 'フリガナはひらがな・カタカナ（長音「ー」、空白を含む）で100文字までで入力してください',
    en: 'Furigana must be hiragana or katakana (with ー and spaces), 100 characters at most',
  },
  too_long: { ja: '長すぎます（100文字まで）', en: 'Too long (100 characters at most)' },
  duplicate_in_file: { ja: '{row}行目と同じメールアドレスです', en: 'Same email as row {row}' },
  email_taken: {
    ja: 'このメールアドレスは使用できません（他のアカウントで使用中）',
    en: 'This email address cannot be used (it belongs to another account)',
  },
  missing_column: { ja: '必須の列「{column}」がありません', en: 'Required column "{column}" is missing' },
  unknown_column: {
    ja: '列「{column}」は認識できないため取り込まれません',
    en: 'Column "{column}" is not recognised and will not be imported',
  },
  duplicate_column: { ja: '列「{column}」が重複しています', en: 'Column "{column}" appears more than once' },
  wrong_field_count: { ja: '列の数がヘッダーと一致しません', en: 'The number of fields does not match the header' },
  self_demotion: { ja: '自分自身のロールは変更できません', en: 'You cannot change your own role' },
  empty_file: { ja: 'データ行がありません', en: 'The file has no data rows' },
  unreadable: { ja: 'CSVとして読み込めません: {detail}', en: 'Cannot read as CSV: {detail}' },
  too_many_rows: { ja: '一度に取り込めるのは{max}行までです', en: 'At most {max} rows can be imported at once' },
} as const;

export type ImportMessageCode = keyof typeof MESSAGES;

export function importMessage(code: ImportMessageCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
