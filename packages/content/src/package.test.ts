import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { packageSchema } from '@manabi/upskilling';
import { checkContent } from './check.js';
import { CONTENT_RULES } from './config.js';
import { adjacentLevels, packageStoredIdOf, toLearningPackage } from './package.js';
import { loadPackages } from './package-source.js';
import { checkPackages } from './rules/packages.js';
import { loadCatalog, type LoadedItem } from './source.js';
import { choiceItem } from './test-support.js';

const both = (ja: string, en: string) => ({ ja, en });
const lessonBody = both('## 要点\n\n本文\n\n## 具体例\n\n例', '## Key points\n\nText\n\n## Example\n\nExample');

/** A complete, valid junior package; `patch` edits it. */
function junior(patch: (p: Record<string, any>) => void = () => undefined): Record<string, any> {
  const p: Record<string, any> = {
    level: 'junior',
    title: both('若手社員研修', 'Junior staff training'),
    description: both('若手向けの研修です。', 'Training for junior staff.'),
    modules: [
      { id: 'placement', kind: 'placement', title: both('レベル診断テスト', 'Placement test'), estimatedMinutes: 20 },
      {
        id: 'logic',
        kind: 'lesson',
        title: both('論理的思考', 'Logical thinking'),
        estimatedMinutes: 8,
        skillTags: ['論理的思考'],
        body: lessonBody,
      },
      {
        id: 'logic-quiz',
        kind: 'quiz',
        title: both('確認テスト', 'Check quiz'),
        estimatedMinutes: 10,
        skillTags: ['論理的思考'],
        draws: [{ skill: '論理的思考', count: 3 }],
      },
      { id: 'task', kind: 'ojt', title: both('実践課題', 'Task'), estimatedMinutes: 30, instructions: both('課題です。', 'The task.') },
    ],
  };
  // A copy of its own: patches must not reach the shared texts.
  const copy = structuredClone(p);
  patch(copy);
  return copy;
}
const file = (level: string, doc: unknown) => ({ path: `${level}.yaml`, text: stringify(doc) });

/** Catalog items: `n` 論理的思考 items at each level given. */
function items(perLevel: Partial<Record<string, number>>): LoadedItem[] {
  const raw = Object.entries(perLevel).flatMap(([level, n]) =>
    Array.from({ length: n! }, (_, i) =>
      choiceItem(`${level.replace('_', '-')}-logic-${i}`, {
        level,
        skillTags: ['論理的思考'],
        stem: { ja: `問${level}${i}`, en: `Q${level}${i}` },
      }),
    ),
  );
  const byLevel = new Map<string, unknown[]>();
  for (const r of raw) byLevel.set(r.level as string, [...(byLevel.get(r.level as string) ?? []), r]);
  return loadCatalog([...byLevel].map(([level, list]) => ({ path: `${level}/logical-thinking.yaml`, text: stringify(list) }))).items;
}

const messages = (failures: { where: string; message: string }[]) => failures.map((f) => `${f.where}: ${f.message}`);

describe('level package source', () => {
  it('loads a package and turns it into the learning package every company reads', () => {
    const loaded = loadPackages([file('junior', junior())]);
    expect(loaded.failures).toEqual([]);
    const pkg = packageSchema.parse(toLearningPackage(loaded.packages[0]!.source, 'bank1', ['論理的思考', '問題解決']));
    expect(pkg.audience).toEqual({ levels: ['junior'], departmentIds: [], jobRoles: [] });
    const [placement, , quiz] = pkg.modules;
    // The placement test: adaptive over the level's skills, at the level and its neighbours, done once taken.
    expect(placement).toMatchObject({
      kind: 'quiz',
      skillTags: ['論理的思考', '問題解決'],
      template: {
        bankIds: ['catalog:bank1'],
        draws: [],
        adaptive: { skills: ['論理的思考', '問題解決'], levels: ['new_hire', 'junior', 'mid'] },
        passMark: 1,
      },
    });
    // A module quiz draws from the catalog bank at the package's level only.
    expect(quiz).toMatchObject({
      kind: 'quiz',
      template: { bankIds: ['catalog:bank1'], draws: [{ skill: '論理的思考', level: 'junior', count: 3 }] },
    });
  });

  it('names the adjacent levels at both ends of the ladder and derives one stable id per level', () => {
    expect(adjacentLevels('pre_hire')).toEqual(['pre_hire', 'new_hire']);
    expect(adjacentLevels('mid')).toEqual(['junior', 'mid', 'leader']);
    expect(adjacentLevels('manager')).toEqual(['leader', 'manager']);
    expect(packageStoredIdOf('junior')).toBe(packageStoredIdOf('junior'));
    expect(packageStoredIdOf('junior')).not.toBe(packageStoredIdOf('mid'));
    expect(packageStoredIdOf('junior')).toMatch(/^[0-9a-z]{16}$/);
  });

  it('requires both languages everywhere and refuses unknown fields, kinds and a level that is not the file name', () => {
    const loaded = loadPackages([
      file(
        'junior',
        junior((p) => {
          p.title = { ja: '若手社員研修' };
          p.modules[1].body.en = ' ';
          p.modules[3].template = { bankIds: ['x'] };
        }),
      ),
      file(
        'mid',
        junior((p) => p.modules.push({ id: 'x', kind: 'video', title: both('動画', 'Video'), estimatedMinutes: 5 })),
      ),
      file('seniors', junior()),
    ]);
    expect(messages(loaded.failures)).toEqual([
      expect.stringMatching(/^junior\.yaml: title\.en: /),
      'junior.yaml: modules.1.body.en: the English text is missing',
      expect.stringMatching(/^junior\.yaml: modules\.3: .*template/),
      expect.stringMatching(/^mid\.yaml: modules\.4\.kind: /),
      expect.stringMatching(/^seniors\.yaml: expected <level>\.yaml/),
    ]);
  });
});

describe('level package check', () => {
  const catalog = items({ new_hire: 10, junior: 5, mid: 10 });
  const run = (doc: Record<string, any>, bank = catalog) => {
    const loaded = loadPackages([file('junior', doc)]);
    expect(loaded.failures).toEqual([]);
    return checkPackages(loaded.packages, bank, CONTENT_RULES);
  };
  const own = (failures: { where: string; message: string }[]) => messages(failures.filter((f) => f.where.startsWith('junior.yaml')));

  it('passes a package the bank can serve and gives its figures', () => {
    const r = run(junior());
    expect(own(r.failures)).toEqual([]);
    expect(r.failures.map((f) => f.where).sort()).toEqual(['leader', 'manager', 'mid', 'new_hire', 'pre_hire']);
    expect(r.figures.junior).toEqual({
      lessons: 1,
      lesson_minutes: 8,
      quizzes: 1,
      ojt: 1,
      sessions: 0,
      placement_levels: ['new_hire', 'junior', 'mid'],
      placement_pool: 25,
    });
  });

  it('fails a draw the bank cannot meet at the level, even when other levels hold enough', () => {
    const r = run(junior((p) => (p.modules[2].draws = [{ skill: '論理的思考', count: 6 }])));
    expect(own(r.failures)).toEqual([
      'junior.yaml modules.2 (logic-quiz): draws.0: 6 論理的思考 items at junior wanted, the catalog has 5',
    ]);
  });

  it('fails a placement pool smaller than the longest test, and a package without or with a late placement test', () => {
    expect(own(run(junior(), items({ junior: 5, mid: 5 })).failures)).toEqual([
      'junior.yaml: the placement test can ask 20 items; the catalog has 10',
    ]);
    expect(own(run(junior((p) => p.modules.shift())).failures)).toEqual(['junior.yaml: a level package has one placement test (it has 0)']);
    expect(own(run(junior((p) => p.modules.push(p.modules.shift()))).failures)).toEqual([
      'junior.yaml modules.3 (placement): the placement test is the first module (taken before the lessons)',
    ]);
  });

  it('keeps lessons to 5–10 minutes with the same sections in both languages, module ids unique, tags of the framework', () => {
    const r = run(
      junior((p) => {
        p.modules[1].estimatedMinutes = 20;
        p.modules[1].body.en = 'No sections';
        p.modules[2].id = 'logic';
        p.modules[2].skillTags = ['ロジカル'];
      }),
    );
    expect(own(r.failures)).toEqual([
      'junior.yaml modules.1 (logic): a lesson takes 5–10 minutes (estimatedMinutes: 20); split a longer one',
      'junior.yaml modules.1 (logic): the Japanese body has 2 sections (## ), the English 0',
      'junior.yaml modules.2 (logic): duplicate module id "logic"',
      'junior.yaml modules.2 (logic): skillTags: "ロジカル" is not a skill of the default framework',
    ]);
  });

  it('makes the whole content check fail on a package problem', () => {
    const report = checkContent(loadCatalog([]), loadPackages([file('junior', junior())]), 'report');
    expect(report.ok).toBe(false);
    expect(report.failures.some((f) => f.rule === 'package_coverage')).toBe(true);
    expect(report.packages?.junior?.placement_pool).toBe(0);
  });
});
