import { defineConfig } from 'vitest/config';

// One runner for the whole repo: each package is a project with its own environment.
export default defineConfig({
  test: {
    // Local Node is 20 (Lambda runs 22); the AWS SDK's notice about 2027 is known and noted in README.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: ['packages/*', 'functions/*', 'web', 'infra', 'test'],
  },
});
