import { defineConfig } from 'vitest/config';

// Local Node is 20 (Lambda runs 22); the AWS SDK's notice about 2027 is known and noted in README.
// Set here so the main process (global setup) and every worker inherit it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// One runner for the whole repo: each package is a project with its own environment.
export default defineConfig({
  test: {
    projects: ['packages/*', 'functions/*', 'web', 'infra', 'test'],
  },
});
