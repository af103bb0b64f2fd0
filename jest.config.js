/** Jest runs TypeScript through SWC (transpile only); `npm run typecheck` does the type checking. */
const core = {
  displayName: 'core',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/workbench'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
};

// One project per Custom UI surface (each has its own @forge/bridge manual mock), see static/jest.projects.js.
module.exports = { projects: [core, ...require('./static/jest.projects')] };
