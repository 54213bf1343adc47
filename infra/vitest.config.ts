import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/cdk.out/**'],
    environment: 'node',
    // Synthesizing bundles the API with esbuild, and one test runs the real CDK CLI.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
