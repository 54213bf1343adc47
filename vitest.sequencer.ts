import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (seconds, one worker, quiet 2-core machine, from the results cache
 * of a clean-clone run): they start first, so that a run does not end with one of them running
 * alone while the other workers are idle. On a clean clone (CI) vitest has no timings of its own
 * and would start the largest files first, which are not these. Once a local run has cached
 * timings, vitest's own longest-first order agrees with this list anyway.
 */
export const SLOWEST_FIRST = [
  'test/api/demo-history.test.ts', // 213 s: seeds the catalog and three months of a company's history
  'test/browser/ja-route-walk.test.ts', // 72 s
  'test/security/isolation-matrix.test.ts', // 62 s
  'test/browser/public-pages-shell.test.ts', // 42 s
  'test/browser/completion.test.ts', // 39 s
  'test/cross/local-stream.test.ts', // 34 s
  'infra/lib/manabi-stack.test.ts', // 32 s: the real cdk CLI bundles every function
  'test/cross/local-start.test.ts', // 30 s
];

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = SLOWEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return at < 0 ? SLOWEST_FIRST.length : at;
    };
    // A stable sort: the rest keep vitest's own order.
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}
