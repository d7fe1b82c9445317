import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@inv/source`
// export condition, so tests never need a prior build.
const sourceConditions = ['@inv/source', 'node', 'import', 'default'];

const shared = {
  // The SDK's Node 20 end-of-support notice is for users, not for every test file.
  test: { env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          ...shared.test,
          name: 'unit',
          include: ['{packages,apps,tools}/*/tests/unit/**/*.test.ts'],
        },
      },
      {
        ...shared,
        test: {
          ...shared.test,
          name: 'integration',
          include: ['{packages,apps,tools}/*/tests/integration/**/*.test.ts'],
          globalSetup: ['tools/sandbox/src/vitest-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One shared sandbox: files run one after another so fault rules never leak between them.
          fileParallelism: false,
        },
      },
    ],
  },
});
