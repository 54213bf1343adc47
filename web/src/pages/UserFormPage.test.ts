import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json } from '../testing/fakeApi';
import { makeFrameworkDocument, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import UserFormPage from './UserFormPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() });
const departments = () => json(200, { items: [{ id: 'd1', name: '営業部', userCount: 2 }] });
const framework = () => {
  const doc = makeFrameworkDocument();
  doc.framework.jobRoles = [
    { id: 'sales', name: { ja: '営業職', en: 'Sales' } },
    { id: 'engineer', name: { ja: 'エンジニア', en: 'Engineer' } },
  ];
  return json(200, doc);
};

describe('UserFormPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows server validation details next to the matching fields', async () => {
    const { plugins } = await setupApp({
      path: '/admin/users/new',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/departments': departments,
        'POST /api/users': () =>
          apiError(
            409,
            'conflict',
            'Email already exists',
            [
              {
                path: 'body.email',
                message: 'このメールアドレスは登録済みです',
              },
            ],
            'req-dup',
          ),
      }),
    });
    const wrapper = mount(UserFormPage, { global: { plugins: [...plugins] } });
    await flushPromises();

    await wrapper.find('input[name="name"]').setValue('佐藤 一郎');
    await wrapper.find('input[name="email"]').setValue('dup@example.co.jp');
    await wrapper.find('[data-testid="user-form"]').trigger('submit');
    await settle();

    const emailField = wrapper.find('input[name="email"]');
    expect(emailField.attributes('aria-invalid')).toBe('true');
    const describedBy = emailField.attributes('aria-describedby') ?? '';
    expect(wrapper.find(`#${describedBy}`).text()).toBe('このメールアドレスは登録済みです');
    expect(wrapper.find('[role="alert"]').text()).toContain('問い合わせ番号: req-dup');
    expect(wrapper.find('option[value="d1"]').text()).toBe('営業部');
  });

  it('creates a user with a job role and returns to the list with a notice', async () => {
    let created: Record<string, unknown> | null = null;
    const { plugins, router } = await setupApp({
      path: '/admin/users/new',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/departments': departments,
        'GET /api/skills/framework': framework,
        'GET /api/users': () => json(200, { items: [], nextCursor: null }),
        'POST /api/users': ({ body }) => {
          created = body as Record<string, unknown>;
          return json(201, makeUser({ id: 'u2', ...(body as object) }));
        },
      }),
    });
    const wrapper = mount(UserFormPage, { global: { plugins: [...plugins] } });
    await flushPromises();

    await wrapper.find('input[name="name"]').setValue('佐藤 一郎');
    await wrapper.find('input[name="email"]').setValue('ichiro@example.co.jp');
    await wrapper.find('select[name="departmentId"]').setValue('d1');
    await wrapper.find('select[name="level"]').setValue('new_hire');
    const jobRole = wrapper.find('[data-testid="user-job-role"]');
    expect(jobRole.findAll('option').map((o) => [o.attributes('value'), o.text()])).toEqual([
      ['', '未設定'],
      ['sales', '営業職'],
      ['engineer', 'エンジニア'],
    ]);
    await jobRole.setValue('sales');
    await wrapper.find('[data-testid="user-form"]').trigger('submit');
    await settle();

    expect(created).toEqual({
      name: '佐藤 一郎',
      furigana: null,
      email: 'ichiro@example.co.jp',
      role: 'learner',
      departmentId: 'd1',
      level: 'new_hire',
      hireDate: null,
      jobRole: 'sales',
      sendInvite: true,
    });
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/users'));
    expect(useNoticeStore().notice?.key).toBe('userForm.created');
  });

  it("shows the user's job role and sends the change (or its removal) when saving", async () => {
    const sent: unknown[] = [];
    const member = makeUser({ id: 'u9', name: '佐藤 一郎', email: 'ichiro@example.co.jp', role: 'learner', jobRole: 'engineer' });
    const { plugins } = await setupApp({
      path: '/admin/users/u9',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/departments': departments,
        'GET /api/skills/framework': framework,
        'GET /api/users/u9': () => json(200, member),
        'PATCH /api/users/u9': ({ body }) => {
          sent.push(body);
          return json(200, { ...member, ...(body as object) });
        },
      }),
    });
    const wrapper = mount(UserFormPage, { props: { id: 'u9' }, global: { plugins: [...plugins] } });
    await settle();

    const select = wrapper.find('select[name="jobRole"]');
    expect((select.element as HTMLSelectElement).value).toBe('engineer');
    await select.setValue('');
    await wrapper.find('[data-testid="user-form"]').trigger('submit');
    await settle();

    expect(sent).toEqual([
      {
        name: '佐藤 一郎',
        furigana: 'ヤマダ ハナコ',
        email: 'ichiro@example.co.jp',
        role: 'learner',
        departmentId: null,
        level: null,
        hireDate: null,
        jobRole: null,
      },
    ]);
  });

  it('says so when the user does not exist', async () => {
    const { plugins } = await setupApp({
      path: '/admin/users/missing',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/departments': departments,
        'GET /api/users/missing': () => apiError(404, 'not_found', 'User not found'),
      }),
    });
    const wrapper = mount(UserFormPage, {
      props: { id: 'missing' },
      global: { plugins: [...plugins] },
    });
    await settle();

    expect(wrapper.find('[data-testid="user-not-found"]').text()).toContain('ユーザーが見つかりません');
    expect(wrapper.find('[data-testid="user-form"]').exists()).toBe(false);
  });

  it('lists server details that have no field of their own in the alert', async () => {
    const member = makeUser({
      id: 'u9',
      name: '佐藤 一郎',
      email: 'ichiro@example.co.jp',
      role: 'learner',
    });
    const { plugins } = await setupApp({
      path: '/admin/users/u9',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/departments': departments,
        'GET /api/users/u9': () => json(200, member),
        'POST /api/users/u9/deactivate': () =>
          apiError(400, 'validation_error', 'The request is not valid', [
            {
              path: 'id',
              message: 'This user cannot be deactivated right now',
            },
          ]),
      }),
    });
    const wrapper = mount(UserFormPage, {
      props: { id: 'u9' },
      global: { plugins: [...plugins] },
    });
    await settle();

    expect((wrapper.find('input[name="name"]').element as HTMLInputElement).value).toBe('佐藤 一郎');
    await wrapper.find('[data-testid="user-deactivate"]').trigger('click');
    await wrapper.find('[data-testid="user-deactivate-confirm"]').trigger('click');
    await settle();

    const alert = wrapper.find('[data-testid="user-account"] [role="alert"]');
    expect(alert.text()).toContain('入力内容を確認してください');
    expect(alert.text()).toContain('This user cannot be deactivated right now');
    expect(wrapper.find('[data-testid="user-status"]').text()).toBe('有効');
  });
});
