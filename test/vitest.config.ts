import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['api/**/*.test.ts', 'browser/**/*.test.ts', 'cross/**/*.test.ts', 'security/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits on a condition; its default of 1 s is a tight timeout on a loaded 2-core
    // machine (a page's fetch and render can take longer), so conditions get a generous budget.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
