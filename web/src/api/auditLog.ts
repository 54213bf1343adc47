import { api } from './client';

/** Every type of entry the company's audit log records (the API names the same ones, in services/audit-labels.ts). */
export const AUDIT_EVENT_TYPES = [
  'signin.succeeded',
  'signin.failed',
  'mfa.failed',
  'mfa.enrolled',
  'mfa.recovery_code_used',
  'mfa.disabled',
  'password_reset.requested',
  'password_reset.sent',
  'password_reset.completed',
  'security_settings.updated',
  'users.reinvited',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'scim_token.created',
  'scim_token.revoked',
  'scim.user_created',
  'scim.user_updated',
  'scim.user_deactivated',
  'scim.user_reactivated',
  'scim.user_deleted',
  'scim.group_created',
  'scim.group_updated',
  'scim.group_deleted',
  'support_access.granted',
  'support_access.revoked',
  'support.users_viewed',
  'support.user_viewed',
  'vendor.plan_changed',
  'vendor.suspended',
  'vendor.reactivated',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export type AuditActorKind = 'user' | 'vendor' | 'scim' | 'anonymous';

export interface AuditLogEntry {
  id: string;
  at: string;
  /** One of AUDIT_EVENT_TYPES (newer code may record others: shown as they come). */
  action: string;
  actor: { kind: AuditActorKind; id: string; name: string };
  subject?: { kind: 'user' | 'department' | 'scim_token'; id: string; name: string };
  ip?: string;
  detail: Record<string, string | number | null>;
}

export interface AuditLogFilter {
  type?: string;
  /** Days (YYYY-MM-DD, Japan time), both included. */
  from?: string;
  to?: string;
}

const query = (filter: AuditLogFilter): Record<string, string> =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>;

export const auditLogApi = {
  list: (filter: AuditLogFilter, cursor?: string | null) =>
    api.get<{ items: AuditLogEntry[]; nextCursor: string | null }>('/api/audit-log', { ...query(filter), ...(cursor ? { cursor } : {}) }),
  /** The whole filtered log as CSV (the response, to save as a file). */
  exportCsv: (filter: AuditLogFilter) => api.raw('/api/audit-log.csv', { query: query(filter) }),
};
