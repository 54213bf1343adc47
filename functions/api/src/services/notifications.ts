import {
  deliverOnce,
  digestPendingItem,
  getNotificationPreferences,
  getUser,
  inboxItem,
  outboxItem,
  wasNotified,
  type TenantDb,
  type TransactItem,
  type UserRecord,
} from '@manabi/data';
import {
  emailDelivery,
  immediateEmail,
  planNotification,
  type NotificationEvent,
  type NotificationKind,
  type NotificationPreferences,
} from '@manabi/upskilling';
import type { AppConfig, AppDeps } from '../env.js';
import { mailContextFor, type MailContext } from './branding.js';
import { todayInJapan } from './skill-standing.js';

/** What delivering needs: storage, the clock, and where links point (requests and jobs alike). */
export type NotifyDeps = Pick<AppDeps, 'data' | 'now'> & { config: Pick<AppConfig, 'publicUrl'> };

export interface NotificationMessage {
  kind: NotificationKind;
  title: { ja: string; en: string };
  body: { ja: string; en: string };
  /** In-app path, e.g. `/me/goals`. */
  path: string;
}

/**
 * The writes that tell one person: always the inbox message; then, by their choice for this kind,
 * an email now (in their language, with the link back), an item for tomorrow's digest, or nothing.
 * Only people who have joined (active) are emailed; the inbox holds everything.
 */
export async function deliveryItems(
  deps: NotifyDeps,
  db: TenantDb,
  recipient: UserRecord,
  message: NotificationMessage,
  mail: MailContext,
): Promise<TransactItem[]> {
  const now = deps.now().toISOString();
  const link = `${mail.baseUrl}${message.path}`;
  const items: TransactItem[] = [
    inboxItem(db, { userId: recipient.id, kind: message.kind, title: message.title, body: message.body, link, createdAt: now }),
  ];
  if (recipient.status !== 'active') return items;
  const preferences = (await getNotificationPreferences(db, recipient.id)) as NotificationPreferences;
  const delivery = emailDelivery(recipient.role, preferences, message.kind);
  if (delivery === 'immediate') {
    const email = immediateEmail(recipient.locale, recipient.name, message, link);
    items.push(outboxItem(db, { to: recipient.email, fromName: mail.fromName, ...email, link, kind: message.kind, createdAt: now }).item);
  } else if (delivery === 'digest') {
    items.push(
      digestPendingItem(db, {
        userId: recipient.id,
        day: todayInJapan(deps.now()),
        kind: message.kind,
        title: message.title,
        body: message.body,
        link,
        createdAt: now,
      }),
    );
  }
  return items;
}

/**
 * Tells everyone an event concerns, each once (see `deliverOnce`): a retried request or a
 * redelivered event delivers nothing twice. Returns how many people this call told.
 */
export async function notify(deps: NotifyDeps, db: TenantDb, event: NotificationEvent): Promise<number> {
  const plan = planNotification(event);
  let told = 0;
  let mail: MailContext | null = null;
  for (const recipientId of plan.recipientIds) {
    if (await wasNotified(db, plan.key, recipientId)) continue;
    const recipient = await getUser(db, recipientId);
    if (!recipient || recipient.status === 'deactivated') continue;
    mail ??= await mailContextFor(deps, db.tenantId);
    const items = await deliveryItems(deps, db, recipient, plan, mail);
    if (await deliverOnce(db, plan.key, recipient.id, items, deps.now().toISOString())) told += 1;
  }
  return told;
}

/** The name shown for whoever acted ("上司 さんが…"). */
export async function actorName(db: TenantDb, userId: string): Promise<string> {
  return (await getUser(db, userId))?.name ?? '';
}
