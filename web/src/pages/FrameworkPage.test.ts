import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SkillFramework } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeFrameworkDocument, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import FrameworkPage from './FrameworkPage.vue';

const hr = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) });

async function openFramework(routes: Record<string, FakeHandler> = {}) {
  const app = await setupApp({
    path: '/admin/framework',
    fetch: fakeApi({
      'POST /api/auth/refresh': hr,
      'GET /api/skills/framework': () => json(200, makeFrameworkDocument()),
      ...routes,
    }),
  });
  const wrapper = mount(FrameworkPage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

const cell = (skillId: string, level: string) => `[data-testid="framework-required"][data-skill-id="${skillId}"][data-level="${level}"]`;

describe('FrameworkPage', () => {
  beforeEach(() => localStorage.clear());

  it('edits the required-proficiency matrix and a job role override, and saves the whole document', async () => {
    let sent: FakeRequest | null = null;
    const wrapper = await openFramework({
      'PUT /api/skills/framework': (request) => {
        sent = request;
        const body = request.body as { framework: SkillFramework };
        return json(200, { framework: body.framework, rev: 2, updatedAt: '2025-04-02T00:00:00Z' });
      },
    });

    expect(wrapper.findAll('[data-testid="framework-skill-row"]').map((r) => r.attributes('data-skill-id'))).toEqual([
      'business-basics',
      'compliance',
      'leadership',
    ]);
    expect((wrapper.find(cell('business-basics', 'junior')).element as HTMLInputElement).value).toBe('3');
    expect((wrapper.find(cell('leadership', 'mid')).element as HTMLInputElement).value).toBe('');

    await wrapper.find(cell('leadership', 'mid')).setValue('2');
    await wrapper.find(cell('business-basics', 'junior')).setValue('');
    expect(wrapper.find('[data-testid="framework-dirty"]').exists()).toBe(true);

    // A new job role gets its id from the English name, and its own override matrix.
    await wrapper.find('[data-testid="framework-job-role-add"]').trigger('click');
    const role = wrapper.find('[data-testid="framework-job-role"]');
    await role.find('[data-testid="framework-job-role-name-ja"]').setValue('営業職');
    await role.find('[data-testid="framework-job-role-name-en"]').setValue('Sales Rep');
    expect((role.find('[data-testid="framework-job-role-id"]').element as HTMLInputElement).value).toBe('sales-rep');
    const override = wrapper.find('[data-testid="framework-role-required"][data-skill-id="business-basics"][data-level="new_hire"]');
    expect(override.attributes('data-role-id')).toBe('sales-rep');
    expect(override.attributes('placeholder')).toBe('3');
    await override.setValue('4');

    await wrapper.find('[data-testid="framework-save"]').trigger('submit');
    await settle();

    const expected = makeFrameworkDocument().framework;
    const [basics, compliance, leadership] = expected.categories[0]!.skills;
    basics!.required = { new_hire: 3 };
    basics!.jobRoleRequired = { 'sales-rep': { new_hire: 4 } };
    leadership!.required = { mid: 2, leader: 3 };
    expected.categories[0]!.skills = [basics!, compliance!, leadership!];
    expected.jobRoles = [{ id: 'sales-rep', name: { ja: '営業職', en: 'Sales Rep' } }];
    expect(sent!.body).toEqual({ framework: expected, expectedRev: 1 });

    expect(useNoticeStore().notice?.key).toBe('framework.saved');
    expect(wrapper.find('[data-testid="framework-dirty"]').exists()).toBe(false);
    // Once saved, the role's id is fixed (people refer to it).
    expect(wrapper.find('[data-testid="framework-job-role-id"]').attributes('readonly')).toBeDefined();
  });

  it('asks to reload when someone else saved the framework first', async () => {
    const get = vi.fn(() => json(200, makeFrameworkDocument()));
    const put = vi.fn(() =>
      apiError(409, 'stale', 'The framework was changed meanwhile; reload it', [{ path: 'expectedRev', message: 'Changed meanwhile' }]),
    );
    const wrapper = await openFramework({ 'GET /api/skills/framework': get, 'PUT /api/skills/framework': put });

    await wrapper.find(cell('compliance', 'mid')).setValue('3');
    await wrapper.find('[data-testid="framework-save"]').trigger('submit');
    await settle();

    expect(put).toHaveBeenCalledTimes(1);
    const stale = wrapper.find('[data-testid="framework-stale"]');
    expect(stale.text()).toContain('ほかの人が先に変更を保存しました');
    await stale.find('[data-testid="framework-reload"]').trigger('click');
    await settle();

    expect(get).toHaveBeenCalledTimes(2);
    expect(wrapper.find('[data-testid="framework-stale"]').exists()).toBe(false);
    expect((wrapper.find(cell('compliance', 'mid')).element as HTMLInputElement).value).toBe('');
  });

  it("shows the server's validation details at the skill field they name", async () => {
    const wrapper = await openFramework({
      'PUT /api/skills/framework': () =>
        apiError(400, 'validation_error', 'The request is not valid', [
          { path: 'framework.categories.0.skills.1.name.en', message: 'Too big: expected at most 500 characters' },
        ]),
    });

    await wrapper.find('[data-testid="framework-save"]').trigger('submit');
    await settle();

    const row = wrapper.find('[data-testid="framework-skill-row"][data-skill-id="compliance"]');
    expect(row.find('[data-testid="framework-skill-name-en"]').attributes('aria-invalid')).toBe('true');
    expect(row.find('[data-testid="field-error"]').text()).toBe('Too big: expected at most 500 characters');
    expect(wrapper.find('[role="alert"]').text()).toContain('入力内容を確認してください');
  });

  it('checks a new skill before sending: both languages, a slug id and a 1–5 requirement', async () => {
    const put = vi.fn(() => json(200, makeFrameworkDocument()));
    const wrapper = await openFramework({ 'PUT /api/skills/framework': put });

    await wrapper.find('[data-testid="framework-add-skill"]').trigger('click');
    const rows = wrapper.findAll('[data-testid="framework-skill-row"]');
    expect(rows).toHaveLength(4);
    const added = rows[3]!;
    expect(added.attributes('data-skill-id')).toBe('new-skill');
    await wrapper.find(cell('new-skill', 'junior')).setValue('7');
    await added.find('[data-testid="framework-skill-id"]').setValue('Bad ID');

    await wrapper.find('[data-testid="framework-save"]').trigger('submit');
    await settle();

    expect(put).not.toHaveBeenCalled();
    const row = wrapper.findAll('[data-testid="framework-skill-row"]')[3]!;
    const messages = row.findAll('[data-testid="field-error"]').map((e) => e.text());
    expect(messages).toContain('半角英小文字・数字と、単語の間のハイフンだけが使えます。');
    expect(messages).toContain('入力してください。');
    expect(wrapper.find(`[data-testid="framework-required"][data-skill-id="Bad ID"][data-level="junior"]`).attributes('aria-invalid')).toBe(
      'true',
    );
  });
});
