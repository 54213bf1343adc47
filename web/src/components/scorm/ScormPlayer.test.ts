import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../testing/fakeApi';
import { settle, setupApp } from '../../testing/setup';
import ScormPlayer from './ScormPlayer.vue';

const CONTENT = 'http://content.localhost:8787';
const base = '/api/me/assignments/pkg1/modules/elearning/scorm';

async function mountPlayer(registration: unknown) {
  const launches: string[] = [];
  const app = await setupApp({
    fetch: fakeApi({
      [`GET ${base}`]: () => json(200, { registration }),
      [`POST ${base}/launch`]: () => {
        launches.push('launch');
        return json(200, { url: `${CONTENT}/scorm/player?t=abc`, contentOrigin: CONTENT, expiresAt: '2099-01-01T00:00:00Z' });
      },
    }),
  });
  const wrapper = mount(ScormPlayer, {
    props: { packageId: 'pkg1', moduleId: 'elearning', title: 'セキュリティ', rule: 'passed', done: false },
    global: { plugins: [...app.plugins] },
  });
  await settle();
  await flushPromises();
  return { wrapper, launches };
}

const status = (over: Record<string, unknown> = {}) => ({
  completion: 'completed',
  success: 'passed',
  scorePercent: 100,
  totalSeconds: 150,
  sessions: 1,
  resumable: true,
  completedAt: '2026-12-07T00:00:00Z',
  updatedAt: '2026-12-07T00:00:00Z',
  ...over,
});

describe('ScormPlayer', () => {
  it('explains the rule, starts the course in a sandboxed frame on the content origin', async () => {
    const { wrapper, launches } = await mountPlayer(null);
    expect(wrapper.text()).toContain('教材のテストに合格すると、このモジュールは修了になります。');
    expect(wrapper.find('[data-testid="scorm-not-started"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="scorm-open"]').text()).toBe('教材を開く');
    await wrapper.find('[data-testid="scorm-open"]').trigger('click');
    await flushPromises();
    expect(launches).toHaveLength(1);
    const frame = wrapper.find('[data-testid="scorm-frame"]');
    expect(frame.attributes('src')).toBe(`${CONTENT}/scorm/player?t=abc`);
    expect(frame.attributes('sandbox')).toContain('allow-scripts');
    expect(frame.attributes('title')).toBe('SCORM教材：セキュリティ');
    wrapper.unmount();
  });

  it('takes status only from the content origin, and asks for progress once the module is done', async () => {
    const { wrapper } = await mountPlayer(status({ completion: 'incomplete', success: 'unknown', scorePercent: null, completedAt: null }));
    expect(wrapper.find('[data-testid="scorm-open"]').text()).toBe('続きから再開する');
    await wrapper.find('[data-testid="scorm-open"]').trigger('click');
    await flushPromises();

    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'http://evil.example',
        data: { type: 'manabi:scorm-status', status: { ...status(), moduleDone: true } },
      }),
    );
    await flushPromises();
    expect(wrapper.find('[data-testid="scorm-completion"]').text()).toBe('学習中');
    expect(wrapper.emitted('progress')).toBeUndefined();

    window.dispatchEvent(
      new MessageEvent('message', { origin: CONTENT, data: { type: 'manabi:scorm-status', status: { ...status(), moduleDone: true } } }),
    );
    await flushPromises();
    expect(wrapper.find('[data-testid="scorm-completion"]').text()).toBe('完了');
    expect(wrapper.find('[data-testid="scorm-success"]').text()).toBe('合格');
    expect(wrapper.find('[data-testid="scorm-score"]').text()).toBe('得点 100%');
    expect(wrapper.find('[data-testid="scorm-time"]').text()).toBe('学習時間 3 分');
    expect(wrapper.emitted('progress')).toHaveLength(1);
    wrapper.unmount();
  });
});
