import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locale, Role, SkillGapCell, SkillGaps } from '../api/types';
import { fakeApi, json, type FakeRequest } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import ReportsSkillGapsPage from './ReportsSkillGapsPage.vue';

const SKILLS = [
  { id: 'horenso', name: { ja: '報連相', en: 'Reporting' } },
  { id: 'logic', name: { ja: '論理的思考', en: 'Logical thinking' } },
];

const cell = (skillId: string, values: Partial<SkillGapCell> = {}): SkillGapCell => ({
  skillId,
  people: 4,
  assessed: 4,
  meanCurrent: 2,
  meanRequired: 3,
  meanGap: 1,
  below: 3,
  ...values,
});

const BY_DEPARTMENT: SkillGaps = {
  by: 'department',
  skills: SKILLS,
  rows: [
    { key: null, name: null, people: 1, cells: [cell('horenso', { people: 1, assessed: 0, meanCurrent: null, meanGap: null, below: 0 })] },
    {
      key: 'd1',
      name: '営業部',
      people: 5,
      // Sent in the other order: the page puts them under their columns.
      cells: [
        cell('logic', { meanCurrent: 3.5, meanRequired: 3, meanGap: -0.5, below: 0 }),
        cell('horenso', { meanCurrent: 1.75, meanRequired: 3, meanGap: 1.25, below: 3 }),
      ],
    },
  ],
  total: {
    people: 6,
    cells: [
      cell('horenso', { people: 5, meanCurrent: 1.75, meanRequired: 3, meanGap: 1.25, below: 3 }),
      cell('logic', { meanCurrent: 3.5, meanRequired: 3, meanGap: -0.5, below: 0 }),
    ],
  },
};

const BY_LEVEL: SkillGaps = {
  by: 'level',
  skills: SKILLS,
  rows: [
    {
      key: 'mid',
      name: null,
      people: 2,
      cells: [cell('logic', { people: 2, assessed: 2, meanGap: 2.5, meanCurrent: 1, meanRequired: 3.5, below: 2 })],
    },
    { key: 'new_hire', name: null, people: 3, cells: [cell('horenso', { people: 3, assessed: 3, meanGap: 0.4, below: 1 })] },
  ],
  total: { people: 5, cells: [cell('horenso', { people: 3, assessed: 3, meanGap: 0.4, below: 1 })] },
};

async function open(options: { role?: Role; locale?: Locale; path?: string; empty?: boolean } = {}) {
  const requests: FakeRequest[] = [];
  const { plugins, router } = await setupApp({
    path: options.path ?? '/admin/reports/skill-gaps',
    locale: options.locale ?? 'ja',
    fetch: fakeApi({
      'POST /api/auth/refresh': () =>
        json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: options.role ?? 'tenant_admin', departmentId: 'd1' }) }),
      'GET /api/reports/skill-gaps': (request) => {
        requests.push(request);
        if (options.empty) {
          const none = (id: string) => cell(id, { assessed: 0, meanCurrent: null, meanGap: null, below: 0 });
          return json(200, { ...BY_DEPARTMENT, rows: [], total: { people: 3, cells: [none('horenso'), none('logic')] } });
        }
        return json(200, request.query.get('by') === 'level' ? BY_LEVEL : BY_DEPARTMENT);
      },
    }),
  });
  const wrapper = mount(ReportsSkillGapsPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router, requests };
}

type Wrapper = Awaited<ReturnType<typeof open>>['wrapper'];

/** Each row: its header, then per skill column the visible value (gap or state) and the people below / assessed. */
function grid(wrapper: Wrapper) {
  return wrapper.findAll('[data-testid="skill-gaps-row"], [data-testid="skill-gaps-total"]').map((row) => [
    row.find('.heatmap__name').text(),
    row.find('[data-testid="skill-gaps-people"]').text(),
    ...row.findAll('[data-testid="skill-gaps-cell"]').map((td) => {
      const gap = td.find('[data-testid="skill-gaps-gap"]');
      return gap.exists()
        ? `${td.find('.heatmap__symbol').text()}${gap.text()} ${td.find('[data-testid="skill-gaps-below"]').text()}`
        : td.find('.heatmap__value').text();
    }),
  ]);
}

describe('ReportsSkillGapsPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the department × skill heatmap with text values, symbols, people and a total row', async () => {
    const { wrapper, requests } = await open();
    expect(requests[0]!.query.get('by')).toBe('department');
    expect(wrapper.find('[data-testid="skill-gaps-by-department"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['部署', '報連相', '論理的思考']);

    // "No department" comes last; cells sit under their skill whatever the API's order.
    expect(grid(wrapper)).toEqual([
      ['営業部', '5 人', '▼1.3 3 / 4 人', '✓-0.5 0 / 4 人'],
      ['未所属', '1 人', '未評価', '—'],
      ['全体', '6 人', '▼1.3 3 / 4 人', '✓-0.5 0 / 4 人'],
    ]);

    // Colour and pattern follow the gap scale; the full reading is the tooltip and the spoken label.
    const first = wrapper.find('[data-testid="skill-gaps-row"] [data-testid="skill-gaps-cell"]');
    expect(first.classes()).toContain('gap--1');
    expect(first.attributes('data-state')).toBe('gap');
    expect(first.attributes('title')).toBe(
      '営業部、報連相: 平均ギャップ 1.3（平均習熟度 1.8、平均要求水準 3）、要求水準に届かない人 3 人 / 評価済み 4 人（対象 4 人）',
    );
    expect(first.find('[data-testid="skill-gaps-cell-label"]').text()).toBe(first.attributes('title'));
    const met = wrapper.findAll('[data-testid="skill-gaps-row"]')[0]!.findAll('[data-testid="skill-gaps-cell"]')[1]!;
    expect(met.classes()).toContain('gap--0');
    const unassessed = wrapper.findAll('[data-testid="skill-gaps-row"]')[1]!.findAll('[data-testid="skill-gaps-cell"]');
    expect(unassessed[0]!.attributes('data-state')).toBe('unassessed');
    expect(unassessed[0]!.classes()).toContain('gap--na');
    expect(unassessed[1]!.attributes('data-state')).toBe('na');
    expect(unassessed[1]!.attributes('title')).toBe('未所属、論理的思考: 要求なし');
  });

  it('switches to level × skill, fetching again with by=level, in English', async () => {
    const { wrapper, router, requests } = await open({ locale: 'en' });
    await wrapper.find('[data-testid="skill-gaps-by-level"]').trigger('click');
    await settle();
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ by: 'level' });
    expect(requests.map((r) => r.query.get('by'))).toEqual(['department', 'level']);
    expect(wrapper.find('[data-testid="skill-gaps-by-level"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.find('[data-testid="skill-gaps-table"]').attributes('data-by')).toBe('level');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Level', 'Reporting', 'Logical thinking']);
    // Levels in career order, named from the level labels.
    expect(grid(wrapper)).toEqual([
      ['New employee', '3 people', '▼0.4 1 / 3 people', '—'],
      ['Mid-career staff', '2 people', '—', '▼2.5 2 / 2 people'],
      ['Total', '5 people', '▼0.4 1 / 3 people', '—'],
    ]);
    expect(wrapper.findAll('[data-testid="skill-gaps-row"]')[1]!.findAll('[data-testid="skill-gaps-cell"]')[1]!.classes()).toContain(
      'gap--3',
    );

    // Back to departments.
    await wrapper.find('[data-testid="skill-gaps-by-department"]').trigger('click');
    await settle();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    expect(requests.at(-1)!.query.get('by')).toBe('department');
  });

  it('opens on the grouping in the URL and tells managers it is their department', async () => {
    const { wrapper, requests } = await open({ role: 'manager', path: '/admin/reports/skill-gaps?by=level' });
    expect(requests[0]!.query.get('by')).toBe('level');
    expect(wrapper.find('[data-testid="skill-gaps-own-department"]').exists()).toBe(true);
  });

  it('says when nothing has been assessed yet', async () => {
    const { wrapper } = await open({ empty: true });
    expect(wrapper.find('[data-testid="skill-gaps-empty"]').text()).toContain(
      'まだ評価されたスキルはありません。テストの受験や上長評価が集まると表示されます。',
    );
    // …and what fills it, with a link to do that.
    expect(wrapper.find('[data-testid="empty-report-skillGaps-action"]').attributes('href')).toBe('/admin/skills');
    expect(wrapper.find('[data-testid="skill-gaps-table"]').exists()).toBe(false);
  });
});
