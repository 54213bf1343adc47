import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../api/types';
import { createAppI18n } from '../i18n/bundled';
import ImportSummary from './ImportSummary.vue';

const report: ImportReport = {
  mode: 'preview',
  encoding: 'shift_jis',
  totalRows: 5,
  created: 2,
  updated: 1,
  unchanged: 1,
  skipped: 1,
  errors: [{ row: 4, column: 'role', message: 'unknown role' }],
  newDepartments: ['営業部'],
  preview: [],
};

describe('ImportSummary', () => {
  it("shows preview counts with 'to add' wording and the detected encoding", () => {
    const wrapper = mount(ImportSummary, {
      props: { report },
      global: { plugins: [createAppI18n('ja')] },
    });
    const value = (key: string) => wrapper.find(`[data-testid="import-summary-${key}"]`).text();

    expect(value('totalRows')).toBe('5');
    expect(value('created')).toBe('2');
    expect(value('errors')).toBe('1');
    expect(value('encoding')).toBe('Shift_JIS');
    expect(wrapper.text()).toContain('追加予定');
    expect(wrapper.find('[data-testid="import-new-departments"]').text()).toBe('営業部');
  });

  it('uses past-tense wording after a commit', () => {
    const wrapper = mount(ImportSummary, {
      props: { report: { ...report, mode: 'commit' } },
      global: { plugins: [createAppI18n('en')] },
    });

    expect(wrapper.text()).toContain('Added');
    expect(wrapper.text()).not.toContain('To add');
  });
});
