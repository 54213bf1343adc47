import { TOKYO_OFFSET_MS, type Locale, type Role } from '@manabi/core';

/**
 * Who is told what, and how. Every notification lands in the recipient's inbox; whether it is also
 * emailed (at once, in the daily digest, or not at all) is the recipient's choice per kind.
 */
export const NOTIFICATION_KINDS = [
  'assignment_assigned',
  'assignment_due_soon',
  'assignment_overdue',
  'goal_agreed',
  'goal_returned',
  'check_in_scheduled',
  'check_in_due',
  'manager_comment',
  'ojt_signed_off',
  'support_access_granted',
  'essay_graded',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_DELIVERIES = ['immediate', 'digest', 'off'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

/** What a person chose; a kind left out follows the default for their role. */
export type NotificationPreferences = Partial<Record<NotificationKind, EmailDelivery>>;

export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** Learners act on each message, so they hear at once; managers and HR get many and read them once a day. */
export function defaultDelivery(role: Role): EmailDelivery {
  return role === 'learner' ? 'immediate' : 'digest';
}

/** The kinds a person of this role can receive (only HR hears about support access). */
export function kindsFor(role: Role): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((k) => k !== 'support_access_granted' || role === 'tenant_admin');
}

export function emailDelivery(role: Role, preferences: NotificationPreferences, kind: NotificationKind): EmailDelivery {
  return preferences[kind] ?? defaultDelivery(role);
}

/** Every kind the role receives, with the delivery in force and the role's default. */
export function effectivePreferences(
  role: Role,
  preferences: NotificationPreferences,
): { kind: NotificationKind; email: EmailDelivery; default: EmailDelivery }[] {
  return kindsFor(role).map((kind) => ({ kind, email: emailDelivery(role, preferences, kind), default: defaultDelivery(role) }));
}

type Text = { ja: string; en: string };
const pick = (t: Partial<Text>): string => t.ja ?? t.en ?? '';

/** Something that happened which someone must be told about. `actorId` is who did it. */
export type NotificationEvent =
  | { kind: 'assignment_assigned'; learnerId: string; actorId: string; packageId: string; packageTitle: Partial<Text>; dueDate: string }
  | { kind: 'goal_agreed'; goalId: string; ownerId: string; actorId: string; goalTitle: string }
  | { kind: 'goal_returned'; goalId: string; ownerId: string; actorId: string; goalTitle: string; note: string }
  | { kind: 'check_in_scheduled'; learnerId: string; actorId: string; actorName: string; dates: string[] }
  | { kind: 'manager_comment'; checkInId: string; learnerId: string; actorId: string; actorName: string; dueDate: string }
  | {
      kind: 'ojt_signed_off';
      learnerId: string;
      actorId: string;
      actorName: string;
      packageId: string;
      packageTitle: Partial<Text>;
      moduleId: string;
      moduleTitle: Partial<Text>;
    }
  | { kind: 'support_access_granted'; adminIds: string[]; actorName: string; vendorName: string; grantedAt: string; expiresAt: string }
  | { kind: 'essay_graded'; learnerId: string; actorId: string; attemptId: string; assessmentTitle: Partial<Text> };

export interface NotificationPlan {
  /** The event's idempotency key: one delivery per key and recipient, however often it is retried. */
  key: string;
  kind: NotificationKind;
  recipientIds: string[];
  title: Text;
  body: Text;
  /** The in-app path the message points to. */
  path: string;
}

/** "2026-12-08T06:00:00.000Z" → "2026-12-08 15:00" (Japan time: the product's working day). */
export function formatJapanTime(iso: string): string {
  return new Date(Date.parse(iso) + TOKYO_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Nobody is told about their own action, except HR about support access (every admin hears it). */
const others = (ids: string[], actorId: string) => [...new Set(ids)].filter((id) => id !== actorId);

/** Who is told, under which key, with which words, pointing where. */
export function planNotification(event: NotificationEvent): NotificationPlan {
  switch (event.kind) {
    case 'assignment_assigned': {
      const name = pick(event.packageTitle);
      const nameEn = event.packageTitle.en ?? name;
      return {
        key: `assigned:${event.packageId}:${event.learnerId}`,
        kind: event.kind,
        recipientIds: others([event.learnerId], event.actorId),
        title: { ja: '研修パッケージが割り当てられました', en: 'A package was assigned to you' },
        body: {
          ja: `「${name}」が割り当てられました。期限は ${event.dueDate} です。`,
          en: `"${nameEn}" is assigned to you, due ${event.dueDate}.`,
        },
        path: `/me/assignments`,
      };
    }
    case 'goal_agreed':
      return {
        key: `goal:${event.goalId}:agreed`,
        kind: event.kind,
        recipientIds: others([event.ownerId], event.actorId),
        title: { ja: '目標が承認されました', en: 'Your goal was agreed' },
        body: {
          ja: `目標「${event.goalTitle}」が承認されました。取り組みを始めましょう。`,
          en: `Your goal "${event.goalTitle}" was agreed. You can start working on it.`,
        },
        path: '/me/goals',
      };
    case 'goal_returned':
      return {
        key: `goal:${event.goalId}:returned`,
        kind: event.kind,
        recipientIds: others([event.ownerId], event.actorId),
        title: { ja: '目標が差し戻されました', en: 'Your goal was returned' },
        body: {
          ja: `目標「${event.goalTitle}」が差し戻されました。コメント: ${event.note}`,
          en: `Your goal "${event.goalTitle}" was returned. Comment: ${event.note}`,
        },
        path: '/me/goals',
      };
    case 'check_in_scheduled': {
      const dates = [...event.dates].sort();
      return {
        key: `check-ins:${event.learnerId}:${event.actorId}:${dates.join(',')}`,
        kind: event.kind,
        recipientIds: others([event.learnerId], event.actorId),
        title: { ja: '振り返り面談が予定されました', en: 'A check-in was scheduled' },
        body: {
          ja: `${event.actorName} さんとの振り返り面談: ${dates.join('、')}`,
          en: `Check-in with ${event.actorName}: ${dates.join(', ')}`,
        },
        path: '/me/checkins',
      };
    }
    case 'manager_comment':
      return {
        key: `check-in:${event.checkInId}:comment`,
        kind: event.kind,
        recipientIds: others([event.learnerId], event.actorId),
        title: { ja: '振り返りにコメントが届きました', en: 'A comment on your check-in' },
        body: {
          ja: `${event.actorName} さんが ${event.dueDate} の振り返り面談にコメントしました。`,
          en: `${event.actorName} commented on your check-in of ${event.dueDate}.`,
        },
        path: '/me/checkins',
      };
    case 'ojt_signed_off': {
      const module = pick(event.moduleTitle);
      const pkg = pick(event.packageTitle);
      return {
        key: `signoff:${event.packageId}:${event.moduleId}:${event.learnerId}`,
        kind: event.kind,
        recipientIds: others([event.learnerId], event.actorId),
        title: { ja: 'OJTが承認されました', en: 'Your OJT was signed off' },
        body: {
          ja: `${event.actorName} さんが「${pkg}」の「${module}」を承認しました。`,
          en: `${event.actorName} signed off "${event.moduleTitle.en ?? module}" in "${event.packageTitle.en ?? pkg}".`,
        },
        path: '/me/assignments',
      };
    }
    case 'support_access_granted': {
      const until = formatJapanTime(event.expiresAt);
      return {
        key: `support:${event.grantedAt}`,
        kind: event.kind,
        recipientIds: [...new Set(event.adminIds)],
        title: { ja: 'サポートアクセスが許可されました', en: 'Support access was granted' },
        body: {
          ja: `${event.actorName} さんが ${event.vendorName} に ${until}（日本時間）までのサポートアクセスを許可しました。`,
          en: `${event.actorName} granted ${event.vendorName} support access until ${until} (Japan time).`,
        },
        path: '/admin/support-access',
      };
    }
    case 'essay_graded': {
      const name = pick(event.assessmentTitle);
      const nameEn = event.assessmentTitle.en ?? name;
      return {
        // One message per attempt: the result is final when its last essay is graded (a regrade tells no one again).
        key: `essay-graded:${event.attemptId}`,
        kind: event.kind,
        recipientIds: others([event.learnerId], event.actorId),
        title: { ja: '記述式の採点が終わりました', en: 'Your written answers were graded' },
        body: {
          ja: `「${name}」の記述式の回答が採点され、結果が確定しました。`,
          en: `Your written answers in "${nameEn}" were graded and your result is final.`,
        },
        path: `/attempts/${event.attemptId}/result`,
      };
    }
  }
}

/** An email sent at once: the message in the recipient's language, and the link back into the app. */
export function immediateEmail(locale: Locale, name: string, message: { title: Text; body: Text }, link: string) {
  return locale === 'ja'
    ? { subject: message.title.ja, body: `${name} 様\n\n${message.body.ja}\n\n${link}\n` }
    : { subject: message.title.en, body: `Hello ${name},\n\n${message.body.en}\n\n${link}\n` };
}

export interface DigestEntry {
  kind: string;
  title: Text;
  body: Text;
  createdAt: string;
}

/** Digest sections follow the kinds' order; inside a section, oldest first. */
export function groupDigest(entries: readonly DigestEntry[]): { kind: string; entries: DigestEntry[] }[] {
  const rank = (kind: string) => {
    const i = (NOTIFICATION_KINDS as readonly string[]).indexOf(kind);
    return i === -1 ? NOTIFICATION_KINDS.length : i;
  };
  const groups = new Map<string, DigestEntry[]>();
  for (const e of [...entries].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)))
    groups.set(e.kind, [...(groups.get(e.kind) ?? []), e]);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([kind, list]) => ({ kind, entries: list }));
}

/** The daily digest email: one per person per day, every undelivered item grouped by kind. */
export function digestEmail(locale: Locale, name: string, day: string, entries: readonly DigestEntry[], inboxLink: string) {
  const sections = groupDigest(entries)
    .map(({ entries: list }) => {
      const heading = list[0]!.title[locale];
      const count = locale === 'ja' ? `（${list.length}件）` : ` (${list.length})`;
      return `■ ${heading}${count}\n${list.map((e) => `・${e.body[locale]}`).join('\n')}`;
    })
    .join('\n\n');
  return locale === 'ja'
    ? {
        subject: `${day} のお知らせまとめ（${entries.length}件）`,
        body: `${name} 様\n\n${day} までのお知らせです。\n\n${sections}\n\nお知らせの一覧: ${inboxLink}\n`,
      }
    : {
        subject: `Your summary for ${day} (${entries.length})`,
        body: `Hello ${name},\n\nHere is what happened up to ${day}.\n\n${sections}\n\nAll messages: ${inboxLink}\n`,
      };
}

/** Pending digest items per person (in first-seen order), for one email each. */
export function pendingByPerson<T extends DigestEntry & { userId: string }>(items: readonly T[]): { userId: string; entries: T[] }[] {
  const byPerson = new Map<string, T[]>();
  for (const item of items) byPerson.set(item.userId, [...(byPerson.get(item.userId) ?? []), item]);
  return [...byPerson.entries()].map(([userId, entries]) => ({ userId, entries }));
}
