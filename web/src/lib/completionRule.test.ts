import { describe, expect, it } from 'vitest';
import type { CompletionRule } from '../api/types';
import { createAppI18n } from '../i18n/bundled';
import { makeMyAssignment, makeProgress } from '../testing/fixtures';
import { describeRule, latestResume, newViewId, ruleOf } from './completionRule';

const translate = (locale: 'ja' | 'en') => {
  const { global } = createAppI18n(locale);
  return (key: string, params?: Record<string, unknown>) => global.t(key, params ?? {});
};

describe('describeRule', () => {
  const cases: [CompletionRule, string, string][] = [
    [{ rule: 'read_to_end' }, '最後まで読むと完了', 'Done when read to the end'],
    [{ rule: 'viewed', minutes: 5 }, '5分間の閲覧で完了', 'Done after 5 min of viewing'],
    [{ rule: 'self' }, '読み終えたら自分で「完了にする」', 'Mark it done yourself when you have read it'],
    [{ rule: 'quiz_passed' }, 'テストに合格すると完了', 'Done when you pass the quiz'],
    [{ rule: 'scorm_completed' }, '教材を最後まで学習すると完了', 'Done when you finish the course'],
    [{ rule: 'scorm_passed' }, '教材のテストに合格すると完了', 'Done when you pass the course'],
    [{ rule: 'signed_off' }, '上司の確認で完了', 'Done when your manager signs it off'],
    [{ rule: 'attended' }, '研修への出席で完了', 'Done when your attendance is recorded'],
  ];
  it.each(cases)('says what completes %j in ja and en', (rule, ja, en) => {
    expect(describeRule(rule, undefined, translate('ja'))).toBe(ja);
    expect(describeRule(rule, undefined, translate('en'))).toBe(en);
  });

  it('tells the minutes still to view until a viewing-time lesson is done', () => {
    const rule: CompletionRule = { rule: 'viewed', minutes: 5 };
    expect(describeRule(rule, { done: false, remainingMinutes: 2 }, translate('ja'))).toBe('5分間の閲覧で完了（あと2分）');
    expect(describeRule(rule, { done: false, remainingMinutes: 2 }, translate('en'))).toBe('Done after 5 min of viewing (2 min to go)');
    expect(describeRule(rule, { done: true, remainingMinutes: 0 }, translate('ja'))).toBe('5分間の閲覧で完了');
  });
});

describe('ruleOf', () => {
  it('reads a lesson without a stored rule as read to the end, and the others by kind', () => {
    expect(ruleOf({ kind: 'lesson' })).toEqual({ rule: 'read_to_end' });
    expect(ruleOf({ kind: 'lesson', completion: { rule: 'viewed', minutes: 3 } })).toEqual({ rule: 'viewed', minutes: 3 });
    expect(ruleOf({ kind: 'quiz' })).toEqual({ rule: 'quiz_passed' });
    expect(ruleOf({ kind: 'ojt' })).toEqual({ rule: 'signed_off' });
    expect(ruleOf({ kind: 'session' })).toEqual({ rule: 'attended' });
  });

  it('gives each page view its own id in the form the server accepts', () => {
    const a = newViewId();
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(newViewId()).not.toBe(a);
  });
});

describe('latestResume', () => {
  const at = (moduleId: string, time: string, packageId = 'pkg1') =>
    makeMyAssignment({ packageId, resume: { moduleId, position: 0.5, at: time } });

  it('picks the assignment opened last, skipping completed ones and modules no longer there', () => {
    const older = at('manners', '2025-04-02T00:00:00Z', 'a');
    const newer = at('ojt-call', '2025-04-03T00:00:00Z', 'b');
    expect(latestResume([older, newer])).toMatchObject({ assignment: { packageId: 'b' }, module: { id: 'ojt-call' } });
    const completed = { ...newer, progress: makeProgress({}, { status: 'completed' }) };
    expect(latestResume([older, completed])).toMatchObject({ assignment: { packageId: 'a' } });
    expect(latestResume([at('gone', '2025-04-04T00:00:00Z')])).toBeNull();
    expect(latestResume([makeMyAssignment()])).toBeNull();
  });
});
