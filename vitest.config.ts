import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './vitest.sequencer.ts';

// Local Node is 20 (Lambda runs 22); the AWS SDK's notice about 2027 is known and noted in README.
// Set here so the main process (global setup) and every worker inherit it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// One runner for the whole repo: each package is a project with its own environment.
export default defineConfig({
  test: {
    projects: ['packages/*', 'functions/*', 'web', 'infra', 'test'],
    // vitest's default is one worker per core minus one: a single worker on a 2-core machine. Most
    // of an e2e file's time is spent waiting on DynamoDB Local and Chromium (other processes), so
    // one worker more than there are cores keeps both cores busy. VITEST_MAX_WORKERS overrides it.
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
