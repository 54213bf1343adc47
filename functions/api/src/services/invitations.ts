import type { Locale } from '@manabi/core';
import { newLinkItems, outboxItem, type TenantDb, type TransactItem } from '@manabi/data';
import type { AppDeps } from '../env.js';
import { invitationMessage } from './emails.js';
import type { MailContext } from './branding.js';

const INVITATION_DAYS = 14;

/**
 * The items that store an invitation (set-password link) and queue its email. The link becomes
 * the person's only live invitation: any earlier one stops working.
 */
export function invitationItems(
  deps: Pick<AppDeps, 'data' | 'now'>,
  db: TenantDb,
  user: { id: string; name: string; email: string; locale: Locale },
  companyName: string,
  mail: MailContext,
): { items: TransactItem[]; link: string } {
  const now = deps.now();
  const token = newLinkItems(deps.data.platform, db, {
    kind: 'invitation',
    userId: user.id,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString(),
  });
  const link = `${mail.baseUrl}/set-password?token=${token.secret}`;
  const message = outboxItem(db, {
    to: user.email,
    fromName: mail.fromName,
    ...invitationMessage(user.locale, user.name, companyName, link),
    link,
    kind: 'invitation',
    createdAt: now.toISOString(),
  });
  return { items: [...token.items, message.item], link };
}
