import { describe, expect, it } from 'vitest';
import type { LearningPackage } from '../api/types';
import { emptyPackageForm, fromPackage, newModule, toPackage } from './packageForm';

const stored: LearningPackage = {
  title: { ja: 'eラーニング研修' },
  description: { ja: 'SCORM 教材' },
  level: 'new_hire',
  modules: [
    {
      id: 'scorm-1',
      kind: 'scorm',
      title: { ja: '情報セキュリティ' },
      estimatedMinutes: 15,
      skillTags: [],
      scormPackageId: 'vendor:abcdefghijklmnop',
      completion: 'passed',
    },
  ],
};

describe('SCORM modules in the package form', () => {
  it('keeps the chosen course and its completion rule through the form', () => {
    const form = fromPackage(stored);
    expect(form.modules[0]).toMatchObject({ scormPackageId: 'vendor:abcdefghijklmnop', scormCompletion: 'passed' });
    const { pkg, problems } = toPackage(form);
    expect(problems).toEqual({});
    expect(pkg.modules[0]).toEqual(stored.modules[0]);
  });

  it('a new SCORM module completes on "completed" and needs a course before it can be saved', () => {
    const form = { ...emptyPackageForm(), title: { ja: '研修', en: '' }, description: { ja: '説明', en: '' } };
    const module = newModule('scorm', form);
    module.title = { ja: '教材', en: '' };
    form.modules.push(module);
    expect(module).toMatchObject({ id: 'scorm-1', scormCompletion: 'completed', scormPackageId: '' });
    expect(toPackage(form).problems).toEqual({ 'modules.0.scormPackageId': { key: 'scorm.packageRequired' } });
    module.scormPackageId = 'abcdefghijklmnop';
    expect(toPackage(form).pkg.modules[0]).toMatchObject({ kind: 'scorm', scormPackageId: 'abcdefghijklmnop', completion: 'completed' });
  });
});
