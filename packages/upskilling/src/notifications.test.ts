import { describe, expect, it } from 'vitest';
import {
  defaultDelivery,
  digestEmail,
  effectivePreferences,
  emailDelivery,
  formatJapanTime,
  groupDigest,
  immediateEmail,
  kindsFor,
  pendingByPerson,
  planNotification,
  type DigestEntry,
} from './notifications.js';

const hasLatin = (s: string) => /[A-Za-z]/.test(s);

describe('email preferences', () => {
  it('defaults learners to immediate emails and managers and HR to the daily digest', () => {
    expect(defaultDelivery('learner')).toBe('immediate');
    expect(defaultDelivery('manager')).toBe('digest');
    expect(defaultDelivery('tenant_admin')).toBe('digest');
  });

  it('lets a choice per kind override the default, and leaves the other kinds alone', () => {
    const prefs = { goal_agreed: 'off' as const, assignment_assigned: 'digest' as const };
    expect(emailDelivery('learner', prefs, 'goal_agreed')).toBe('off');
    expect(emailDelivery('learner', prefs, 'assignment_assigned')).toBe('digest');
    expect(emailDelivery('learner', prefs, 'manager_comment')).toBe('immediate');
    const shown = effectivePreferences('learner', prefs);
    expect(shown.find((p) => p.kind === 'goal_agreed')).toEqual({ kind: 'goal_agreed', email: 'off', default: 'immediate' });
  });

  it('offers support-access notices to HR only', () => {
    expect(kindsFor('tenant_admin')).toContain('support_access_granted');
    expect(kindsFor('manager')).not.toContain('support_access_granted');
    expect(kindsFor('learner')).not.toContain('support_access_granted');
  });
});

describe('planNotification', () => {
  it('tells the learner of an assignment with its due date, under a key that is the same on every retry', () => {
    const event = {
      kind: 'assignment_assigned' as const,
      learnerId: 'u1',
      actorId: 'hr',
      packageId: 'p1',
      packageTitle: { ja: '新入社員研修' },
      dueDate: '2026-12-20',
    };
    const plan = planNotification(event);
    expect(plan).toMatchObject({ kind: 'assignment_assigned', recipientIds: ['u1'], path: '/me/assignments' });
    expect(plan.body.ja).toContain('新入社員研修');
    expect(plan.body.ja).toContain('2026-12-20');
    expect(planNotification(event).key).toBe(plan.key);
    expect(planNotification({ ...event, learnerId: 'u2' }).key).not.toBe(plan.key);
  });

  it('tells the goal owner when the goal is agreed or returned, never the person who acted on their own goal', () => {
    const agreed = planNotification({ kind: 'goal_agreed', goalId: 'g1', ownerId: 'u1', actorId: 'm1', goalTitle: '提案力' });
    expect(agreed.recipientIds).toEqual(['u1']);
    const returned = planNotification({
      kind: 'goal_returned',
      goalId: 'g1',
      ownerId: 'u1',
      actorId: 'm1',
      goalTitle: '提案力',
      note: '数値で',
    });
    expect(returned.recipientIds).toEqual(['u1']);
    expect(returned.body.ja).toContain('数値で');
    expect(returned.key).not.toBe(agreed.key);
    expect(planNotification({ kind: 'goal_agreed', goalId: 'g1', ownerId: 'm1', actorId: 'm1', goalTitle: 'x' }).recipientIds).toEqual([]);
  });

  it('tells the participant of scheduled check-ins (one message per series), and the learner of a comment and a sign-off', () => {
    const series = planNotification({
      kind: 'check_in_scheduled',
      learnerId: 'u1',
      actorId: 'm1',
      actorName: '上司',
      dates: ['2026-12-21', '2026-12-07'],
    });
    expect(series.recipientIds).toEqual(['u1']);
    expect(series.body.ja).toContain('2026-12-07、2026-12-21');
    const comment = planNotification({
      kind: 'manager_comment',
      checkInId: 'c1',
      learnerId: 'u1',
      actorId: 'm1',
      actorName: '上司',
      dueDate: '2026-12-07',
    });
    expect(comment).toMatchObject({ recipientIds: ['u1'], path: '/me/checkins' });
    const signoff = planNotification({
      kind: 'ojt_signed_off',
      learnerId: 'u1',
      actorId: 'm1',
      actorName: '上司',
      packageId: 'p1',
      packageTitle: { ja: '現場研修' },
      moduleId: 'm-ojt',
      moduleTitle: { ja: '接客ロールプレイ' },
    });
    expect(signoff.recipientIds).toEqual(['u1']);
    expect(signoff.body.ja).toContain('接客ロールプレイ');
  });

  it('tells every HR admin, the granter included, when support access is granted, with the end in Japan time', () => {
    const plan = planNotification({
      kind: 'support_access_granted',
      adminIds: ['hr1', 'hr2', 'hr1'],
      actorName: '人事',
      vendorName: 'みらいラーニング',
      grantedAt: '2026-12-07T03:00:00.000Z',
      expiresAt: '2026-12-07T06:00:00.000Z',
    });
    expect(plan.recipientIds).toEqual(['hr1', 'hr2']);
    expect(plan.body.ja).toContain('2026-12-07 15:00');
    expect(formatJapanTime('2026-12-07T20:30:00.000Z')).toBe('2026-12-08 05:30');
  });

  it('writes no English in a Japanese title or body', () => {
    const plans = [
      planNotification({ kind: 'goal_agreed', goalId: 'g', ownerId: 'u', actorId: 'm', goalTitle: '提案力' }),
      planNotification({ kind: 'check_in_scheduled', learnerId: 'u', actorId: 'm', actorName: '上司', dates: ['2026-12-07'] }),
      planNotification({ kind: 'manager_comment', checkInId: 'c', learnerId: 'u', actorId: 'm', actorName: '上司', dueDate: '2026-12-07' }),
    ];
    for (const p of plans) expect(hasLatin(p.title.ja + p.body.ja)).toBe(false);
  });
});

describe('emails', () => {
  const message = { title: { ja: '目標が承認されました', en: 'Your goal was agreed' }, body: { ja: '本文', en: 'Body' } };

  it('writes an immediate email in the recipient’s language with the link back into the app', () => {
    const ja = immediateEmail('ja', '山田', message, 'https://app.example/me/goals');
    expect(ja.subject).toBe('目標が承認されました');
    expect(ja.body).toContain('山田 様');
    expect(ja.body).toContain('https://app.example/me/goals');
    expect(immediateEmail('en', 'Yamada', message, 'https://x/y').subject).toBe('Your goal was agreed');
  });

  const entries: DigestEntry[] = [
    { kind: 'goal_agreed', title: message.title, body: { ja: '目標イ', en: 'Goal A' }, createdAt: '2026-12-07T02:00:00Z' },
    {
      kind: 'assignment_assigned',
      title: { ja: '研修パッケージが割り当てられました', en: 'Assigned' },
      body: { ja: '研修ロ', en: 'B' },
      createdAt: '2026-12-07T03:00:00Z',
    },
    {
      kind: 'assignment_assigned',
      title: { ja: '研修パッケージが割り当てられました', en: 'Assigned' },
      body: { ja: '研修イ', en: 'A' },
      createdAt: '2026-12-07T01:00:00Z',
    },
  ];

  it('groups digest items by kind in a fixed order, oldest first inside a kind', () => {
    const groups = groupDigest(entries);
    expect(groups.map((g) => g.kind)).toEqual(['assignment_assigned', 'goal_agreed']);
    expect(groups[0]!.entries.map((e) => e.body.ja)).toEqual(['研修イ', '研修ロ']);
  });

  it('writes one digest email listing every item, in Japanese without English words', () => {
    const mail = digestEmail('ja', '山田', '2026-12-08', entries, 'https://app.example/me/inbox');
    expect(mail.subject).toBe('2026-12-08 のお知らせまとめ（3件）');
    expect(mail.body).toContain('・研修イ');
    expect(mail.body).toContain('・目標イ');
    expect(mail.body).toContain('（2件）');
    expect(hasLatin(mail.subject + mail.body.replace('https://app.example/me/inbox', ''))).toBe(false);
    expect(digestEmail('en', 'Yamada', '2026-12-08', entries, 'x').subject).toBe('Your summary for 2026-12-08 (3)');
  });
});

describe('pendingByPerson', () => {
  it('gathers a company’s pending digest items into one list per person', () => {
    const item = (userId: string, body: string) => ({
      userId,
      kind: 'goal_agreed',
      title: { ja: '題', en: 'T' },
      body: { ja: body, en: body },
      createdAt: '2026-12-07T00:00:00Z',
    });
    const grouped = pendingByPerson([item('a', '一'), item('b', '二'), item('a', '三')]);
    expect(grouped.map((g) => [g.userId, g.entries.map((e) => e.body.ja)])).toEqual([
      ['a', ['一', '三']],
      ['b', ['二']],
    ]);
  });
});
