import type { Locale } from '@manabi/core';

/**
 * Every type of audit entry, named in both languages (the CSV export's "event" column; the SPA has
 * the same words in its i18n files, `auditLog.types`). audit-labels.test.ts fails on a recorded
 * type without a label here.
 */
export const AUDIT_EVENT_LABELS = {
  'signin.succeeded': { ja: 'サインイン', en: 'Signed in' },
  'signin.failed': { ja: 'サインインの失敗', en: 'Sign-in failed' },
  'mfa.failed': { ja: '2段階認証の失敗', en: 'Two-step verification failed' },
  'mfa.enrolled': { ja: '2段階認証の登録', en: 'Two-step verification set up' },
  'mfa.recovery_code_used': { ja: 'リカバリーコードの使用', en: 'Recovery code used' },
  'mfa.disabled': { ja: '2段階認証の解除', en: 'Two-step verification turned off' },
  'password_reset.requested': { ja: 'パスワード再設定の依頼', en: 'Password reset requested' },
  'password_reset.sent': { ja: 'パスワード再設定リンクの送信（人事）', en: 'Password reset link sent by HR' },
  'password_reset.completed': { ja: 'パスワードの再設定', en: 'Password reset' },
  'security_settings.updated': { ja: 'セキュリティ設定の変更', en: 'Security settings changed' },
  'users.reinvited': { ja: '一括再招待', en: 'Invitations sent again' },
  'user.role_changed': { ja: '権限の変更', en: 'Role changed' },
  'user.deactivated': { ja: '利用者の無効化', en: 'Person deactivated' },
  'user.reactivated': { ja: '利用者の再有効化', en: 'Person reactivated' },
  'scim_token.created': { ja: 'SCIMトークンの発行', en: 'SCIM token created' },
  'scim_token.revoked': { ja: 'SCIMトークンの失効', en: 'SCIM token revoked' },
  'scim.user_created': { ja: 'SCIM: 利用者の作成', en: 'SCIM: person created' },
  'scim.user_updated': { ja: 'SCIM: 利用者の更新', en: 'SCIM: person updated' },
  'scim.user_deactivated': { ja: 'SCIM: 利用者の無効化', en: 'SCIM: person deactivated' },
  'scim.user_reactivated': { ja: 'SCIM: 利用者の再有効化', en: 'SCIM: person reactivated' },
  'scim.user_deleted': { ja: 'SCIM: 利用者の削除', en: 'SCIM: person deleted' },
  'scim.group_created': { ja: 'SCIM: 部署の作成', en: 'SCIM: department created' },
  'scim.group_updated': { ja: 'SCIM: 部署の更新', en: 'SCIM: department updated' },
  'scim.group_deleted': { ja: 'SCIM: 部署の削除', en: 'SCIM: department deleted' },
  'sso.signin': { ja: 'シングルサインオンでサインイン', en: 'Signed in with SSO' },
  'sso.signin_provisioned': { ja: 'シングルサインオンでアカウント作成', en: 'Account created at first SSO sign-in' },
  'sso.failed': { ja: 'シングルサインオンの失敗', en: 'SSO sign-in failed' },
  'sso.configured': { ja: 'シングルサインオン設定の変更', en: 'SSO settings changed' },
  'support_access.granted': { ja: 'サポートアクセスの許可', en: 'Support access granted' },
  'support_access.revoked': { ja: 'サポートアクセスの取り消し', en: 'Support access revoked' },
  'support.users_viewed': { ja: '提供元による利用者一覧の閲覧', en: 'Provider viewed the people list' },
  'support.user_viewed': { ja: '提供元による利用者の閲覧', en: 'Provider viewed a person' },
  'vendor.plan_changed': { ja: '契約プランの変更', en: 'Plan changed' },
  'vendor.suspended': { ja: '利用停止', en: 'Company suspended' },
  'vendor.reactivated': { ja: '利用再開', en: 'Company reactivated' },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditEventType = keyof typeof AUDIT_EVENT_LABELS;
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_LABELS) as AuditEventType[];

/** The label of a type in a language; a type recorded by newer code than this file is shown as is. */
export const auditEventLabel = (type: string, locale: Locale): string =>
  (AUDIT_EVENT_LABELS as Record<string, Record<Locale, string>>)[type]?.[locale] ?? type;
