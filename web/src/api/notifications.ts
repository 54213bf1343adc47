import { api } from './client';

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

/** One kind the person receives: the email delivery in force and their role's default. */
export interface NotificationPreference {
  kind: NotificationKind;
  email: EmailDelivery;
  default: EmailDelivery;
}

/** My email choices per notification kind (the inbox always shows everything). */
export const notificationsApi = {
  preferences: () => api.get<{ items: NotificationPreference[] }>('/api/me/notification-preferences'),
  savePreferences: (email: Partial<Record<NotificationKind, EmailDelivery>>) =>
    api.put<{ items: NotificationPreference[] }>('/api/me/notification-preferences', { email }),
};
