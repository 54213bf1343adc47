import { stringify } from 'csv-stringify/sync';
import type { Locale } from '@manabi/core';
import type { AuditEntry } from '@manabi/data';
import { CSV_OPTIONS } from '../csv-options.js';
import { auditEventLabel } from './audit-labels.js';

const HEADERS: Record<Locale, string[]> = {
  ja: ['日時', '種類', '種類コード', '実施者の区分', '実施者', '実施者ID', '対象', '対象ID', 'IPアドレス', '詳細'],
  en: ['at', 'event', 'event_code', 'actor_kind', 'actor', 'actor_id', 'subject', 'subject_id', 'ip', 'detail'],
};

const ACTOR_KINDS: Record<AuditEntry['actor']['kind'], Record<Locale, string>> = {
  user: { ja: '自社', en: 'company' },
  vendor: { ja: '提供元', en: 'provider' },
  scim: { ja: 'SCIM', en: 'SCIM' },
  anonymous: { ja: '不明', en: 'unknown' },
  system: { ja: 'システム', en: 'system' },
};

/** The header line of the audit CSV, after Excel's UTF-8 byte order mark. */
export const auditCsvHead = (locale: Locale): string => `\uFEFF${stringify([HEADERS[locale]], CSV_OPTIONS)}`;

/**
 * Rows of the audit CSV. Names and details are typed by people or sent by an identity provider,
 * so every text cell goes through the formula neutraliser (CSV_OPTIONS).
 */
export function auditCsvRows(entries: readonly AuditEntry[], locale: Locale): string {
  if (entries.length === 0) return '';
  return stringify(
    entries.map((e) => [
      e.at,
      auditEventLabel(e.action, locale),
      e.action,
      ACTOR_KINDS[e.actor.kind]?.[locale] ?? e.actor.kind,
      e.actor.name,
      e.actor.id,
      e.subject?.name ?? '',
      e.subject?.id ?? '',
      e.ip ?? '',
      Object.entries(e.detail)
        .map(([k, v]) => `${k}=${v ?? ''}`)
        .join('; '),
    ]),
    CSV_OPTIONS,
  );
}
