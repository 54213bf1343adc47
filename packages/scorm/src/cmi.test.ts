import { describe, expect, it } from 'vitest';
import {
  applyCommit,
  emptyRegistration,
  formatDuration2004,
  formatTimespan12,
  initialCmi,
  meetsRule,
  parseDuration2004,
  parseTimespan12,
  readCommit,
  scorePercent,
  startSession,
  totalSeconds,
  type RegistrationState,
} from './cmi.js';

describe('time formats', () => {
  it.each([
    ['00:00:05', 5],
    ['01:02:03.5', 3723.5],
    ['0100:00:00', 360000],
    ['1:00:00', null],
    ['00:61:00', null],
    ['', null],
  ])('SCORM 1.2 timespan %s → %s', (value, seconds) => expect(parseTimespan12(value)).toBe(seconds));

  it.each([
    ['PT5S', 5],
    ['PT1H2M3.5S', 3723.5],
    ['P1DT1S', 86401],
    ['P1Y', 365 * 86400],
    ['PT', null],
    ['P', null],
    ['5S', null],
  ])('SCORM 2004 duration %s → %s', (value, seconds) => expect(parseDuration2004(value)).toBe(seconds));

  it('formats totals the runtimes accept', () => {
    expect(formatTimespan12(3723.5)).toBe('0001:02:03.50');
    expect(formatTimespan12(0)).toBe('0000:00:00');
    expect(formatDuration2004(3723.5)).toBe('PT1H2M3.5S');
    expect(parseDuration2004(formatDuration2004(98765.25))).toBe(98765.25);
    expect(parseTimespan12(formatTimespan12(98765.25))).toBe(98765.25);
  });
});

describe('readCommit', () => {
  it.each([
    ['passed', 'completed', 'passed'],
    ['failed', 'completed', 'failed'],
    ['completed', 'completed', 'unknown'],
    ['incomplete', 'incomplete', 'unknown'],
    ['browsed', 'incomplete', 'unknown'],
    ['not attempted', 'not_attempted', 'unknown'],
  ])('SCORM 1.2 lesson_status %s → %s / %s', (status, completion, success) =>
    expect(readCommit('1.2', { 'cmi.core.lesson_status': status })).toMatchObject({ completion, success }),
  );

  it('reads a SCORM 1.2 commit: score on min/max, session time, resume data', () => {
    expect(
      readCommit('1.2', {
        'cmi.core.lesson_status': 'passed',
        'cmi.core.score.raw': '45',
        'cmi.core.score.min': '0',
        'cmi.core.score.max': '50',
        'cmi.core.session_time': '00:10:00',
        'cmi.core.lesson_location': 'page3',
        'cmi.core.exit': 'suspend',
        'cmi.suspend_data': 'a=1',
        commitSequence: 4,
      }),
    ).toEqual({
      completion: 'completed',
      success: 'passed',
      score: { raw: 45, min: 0, max: 50, scaled: 0.9 },
      sessionSeconds: 600,
      location: 'page3',
      exit: 'suspend',
      suspendData: 'a=1',
      seq: 4,
    });
  });

  it('reads a SCORM 2004 commit and leaves out what is malformed', () => {
    expect(
      readCommit('2004', {
        'cmi.completion_status': 'completed',
        'cmi.success_status': 'failed',
        'cmi.score.scaled': '0.4',
        'cmi.score.raw': '4',
        'cmi.session_time': 'PT2M',
        'cmi.location': '3',
        'cmi.suspend_data': '{"slide":3}',
      }),
    ).toEqual({
      completion: 'completed',
      success: 'failed',
      score: { raw: 4, min: null, max: null, scaled: 0.4 },
      sessionSeconds: 120,
      location: '3',
      suspendData: '{"slide":3}',
    });
    expect(readCommit('2004', { 'cmi.completion_status': 'done', 'cmi.session_time': '2 minutes', 'cmi.score.raw': 'many' })).toEqual({});
  });
});

const open = (sessionId = 's1', from: RegistrationState = emptyRegistration('2004')) => startSession(from, sessionId);
const applied = (outcome: ReturnType<typeof applyCommit>) => {
  if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${outcome.kind}`);
  return outcome.state;
};

describe('applyCommit', () => {
  it('keeps the best status: completed and passed never fall back', () => {
    let state = applied(applyCommit(open(), 's1', { completion: 'completed', success: 'passed', seq: 1 }));
    state = applied(applyCommit(state, 's1', { completion: 'incomplete', success: 'failed', seq: 2 }));
    expect(state).toMatchObject({ completion: 'completed', success: 'passed' });
    state = applied(applyCommit(startSession(state, 's2'), 's2', { completion: 'unknown', success: 'unknown', seq: 1 }));
    expect(state).toMatchObject({ completion: 'completed', success: 'passed' });
  });

  it('moves from failed to passed, and keeps the score of the best result', () => {
    const score = (scaled: number) => ({ raw: null, min: null, max: null, scaled });
    let state = applied(applyCommit(open(), 's1', { success: 'failed', score: score(0.3), seq: 1 }));
    state = applied(applyCommit(state, 's1', { success: 'passed', score: score(0.8), seq: 2 }));
    expect(state.score?.scaled).toBe(0.8);
    state = applied(applyCommit(state, 's1', { success: 'failed', score: score(0.2), seq: 3 }));
    expect(state).toMatchObject({ success: 'passed', score: { scaled: 0.8 } });
    state = applied(applyCommit(state, 's1', { success: 'passed', score: score(0.95), seq: 4 }));
    expect(state.score?.scaled).toBe(0.95);
  });

  it('counts a session’s time once however often it is committed or retried, and adds sessions up', () => {
    let state = applied(applyCommit(open(), 's1', { sessionSeconds: 60, seq: 1 }));
    expect(applyCommit(state, 's1', { sessionSeconds: 60, seq: 1 })).toEqual({ kind: 'duplicate' });
    state = applied(applyCommit(state, 's1', { sessionSeconds: 90, seq: 2 }));
    expect(totalSeconds(state)).toBe(90);
    expect(applyCommit(state, 's1', { sessionSeconds: 30, seq: 1 })).toEqual({ kind: 'duplicate' });
    state = startSession(state, 's2');
    state = applied(applyCommit(state, 's2', { sessionSeconds: 15, seq: 1 }));
    expect(totalSeconds(state)).toBe(105);
    expect(state.sessions).toBe(2);
  });

  it('refuses commits of a session a later launch replaced', () => {
    const state = startSession(applied(applyCommit(open(), 's1', { seq: 1 })), 's2');
    expect(applyCommit(state, 's1', { sessionSeconds: 999, seq: 2 })).toEqual({ kind: 'stale_session' });
    expect(applyCommit(emptyRegistration('1.2'), 's1', {})).toEqual({ kind: 'stale_session' });
  });

  it('keeps the latest resume data', () => {
    let state = applied(applyCommit(open(), 's1', { suspendData: 'a', location: '1', exit: 'suspend', seq: 1 }));
    state = applied(applyCommit(state, 's1', { suspendData: 'b', location: '2', seq: 2 }));
    expect(state).toMatchObject({ suspendData: 'b', location: '2', exit: 'suspend' });
  });
});

describe('meetsRule and scorePercent', () => {
  it.each([
    ['completed', 'completed', 'unknown', true],
    ['completed', 'incomplete', 'passed', true],
    ['completed', 'incomplete', 'failed', false],
    ['passed', 'completed', 'unknown', false],
    ['passed', 'completed', 'failed', false],
    ['passed', 'completed', 'passed', true],
  ] as const)('rule %s with %s / %s → %s', (rule, completion, success, expected) =>
    expect(meetsRule({ completion, success }, rule)).toBe(expected),
  );

  it('turns the score into a percent', () => {
    expect(scorePercent({ raw: 45, min: 0, max: 50, scaled: 0.9 })).toBe(90);
    expect(scorePercent({ raw: null, min: null, max: null, scaled: -0.5 })).toBe(0);
    expect(scorePercent(null)).toBeNull();
  });
});

describe('initialCmi', () => {
  const learner = { id: 'u1', name: '山田 花子' };

  it('starts a first SCORM 1.2 session ab initio, with the mastery score', () => {
    expect(initialCmi(open('s1', emptyRegistration('1.2')), learner, 80)).toEqual({
      core: {
        student_id: 'u1',
        student_name: '山田 花子',
        lesson_location: '',
        lesson_status: 'not attempted',
        entry: 'ab-initio',
        total_time: '0000:00:00',
      },
      suspend_data: '',
      student_data: { mastery_score: '80' },
    });
  });

  it('resumes after a suspend with the suspend data, location, status and the total time so far', () => {
    let state = applied(
      applyCommit(open('s1', emptyRegistration('1.2')), 's1', {
        completion: 'incomplete',
        success: 'unknown',
        suspendData: 'page=question',
        location: 'question',
        exit: 'suspend',
        sessionSeconds: 125,
        seq: 1,
      }),
    );
    state = startSession(state, 's2');
    expect(initialCmi(state, learner, null)).toMatchObject({
      core: { entry: 'resume', lesson_location: 'question', lesson_status: 'incomplete', total_time: '0000:02:05' },
      suspend_data: 'page=question',
    });
  });

  it('gives SCORM 2004 its own names', () => {
    let state = applied(
      applyCommit(open(), 's1', {
        completion: 'completed',
        success: 'passed',
        score: { raw: 9, min: 0, max: 10, scaled: 0.9 },
        location: '3',
        suspendData: '{}',
        exit: 'suspend',
        sessionSeconds: 61,
        seq: 1,
      }),
    );
    state = startSession(state, 's2');
    expect(initialCmi(state, learner, null)).toEqual({
      learner_id: 'u1',
      learner_name: '山田 花子',
      location: '3',
      completion_status: 'completed',
      success_status: 'passed',
      entry: 'resume',
      total_time: 'PT0H1M1S',
      suspend_data: '{}',
      score: { scaled: '0.9', raw: '9', min: '0', max: '10' },
    });
  });
});
