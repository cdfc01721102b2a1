/**
 * One jest run, five projects. The global setup starts what the integration and end-to-end
 * projects need once per run: an in-memory DynamoDB Local seeded with Qinghai, the API behind
 * serverless-offline and the H5 build's web server, all on ports of their own.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const transform = { '^.+\\.(t|j)sx?$': swc };
const transformIgnorePatterns = ['/node_modules/(?!(taro-ui|@middy)/)'];
const moduleNameMapper = { '^@shared$': '<rootDir>/shared', '^@shared/(.*)$': '<rootDir>/shared/$1' };

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/harness/setup-env.ts'],
  // tools/wechat-ci holds miniprogram-ci's own install (run as a child process, never required by a test).
  modulePathIgnorePatterns: ['<rootDir>/tools/'],
  ...extra,
});

module.exports = {
  globalSetup: '<rootDir>/tests/harness/global-setup.js',
  globalTeardown: '<rootDir>/tests/harness/global-teardown.js',
  testTimeout: 60_000,
  projects: [
    project('unit', ['<rootDir>/tests/unit/**/*.test.ts'], { testPathIgnorePatterns: ['/tests/unit/miniprogram/'] }),
    project('ui', ['<rootDir>/tests/unit/miniprogram/**/*.test.ts?(x)'], {
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/tests/harness/setup-env.ts', '<rootDir>/tests/stubs/no-retries.ts'],
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/tests/stubs/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/stubs/components.tsx',
        '\\.(css|scss)$': '<rootDir>/tests/stubs/style.ts',
      },
    }),
    project('integration', ['<rootDir>/tests/integration/**/*.test.ts']),
    project('e2e', ['<rootDir>/tests/e2e/**/*.test.ts']),
    project('weapp', ['<rootDir>/tests/weapp/**/*.test.ts']),
  ],
};
