import { auditItem, recordAudit, type AuditActor, type AuditSubject, type TransactItem } from '@manabi/data';
import type { AppDeps } from '../env.js';

export type { AuditActor, AuditSubject };

/**
 * One thing the company's audit log records. `type` is one of AUDIT_EVENT_TYPES (services/
 * audit-labels.ts names each in ja and en; a new type needs its labels there). Without `actor` the
 * entry is anonymous (a failed sign-in of an address nobody owns is not recorded at all: it has no company).
 */
export interface AuditEvent {
  type: string;
  actor?: AuditActor;
  subject?: AuditSubject;
  detail?: Record<string, string | number | null>;
  ip?: string | null;
}

type AuditDeps = Pick<AppDeps, 'data' | 'now'>;

const ANONYMOUS: AuditActor = { kind: 'anonymous', id: '', name: '' };

const entryOf = (deps: AuditDeps, event: AuditEvent) => ({
  at: deps.now().toISOString(),
  action: event.type,
  actor: event.actor ?? ANONYMOUS,
  detail: event.detail ?? {},
  ...(event.subject ? { subject: event.subject } : {}),
  ...(event.ip ? { ip: event.ip } : {}),
});

/** Records an event in the company's audit log (time-ordered, kept two years). */
export async function recordAuditEvent(deps: AuditDeps, tenantId: string, event: AuditEvent): Promise<void> {
  await recordAudit(deps.data.clientFor({ tenantId }), entryOf(deps, event));
}

/** The same entry as a transaction item, to be written with the change it records (all or nothing). */
export function auditEventItem(deps: AuditDeps, tenantId: string, event: AuditEvent): TransactItem {
  return auditItem(deps.data.clientFor({ tenantId }), entryOf(deps, event));
}

/** A person as the actor or subject of an entry. */
export const personActor = (user: { id: string; name: string }): AuditActor => ({ kind: 'user', id: user.id, name: user.name });
export const personSubject = (user: { id: string; name: string }): AuditSubject => ({ kind: 'user', id: user.id, name: user.name });
/** The company's identity provider, acting through one SCIM token. */
export const scimActor = (token: { id: string; name: string }): AuditActor => ({ kind: 'scim', id: token.id, name: token.name });
