// Jest projects for the Custom UI. One project per surface, so that each surface's
// src/__mocks__/@forge/bridge.ts is the only manual mock of @forge/bridge its tests see (manual mocks of node
// modules are found by name across a project's roots); plus the shared helpers, in node.
// The root jest.config.js lists these projects next to the back end's; `npx jest -c static/jest.config.js` runs them alone.
const path = require('node:path');

const rootDir = path.resolve(__dirname, '..');
const transform = {
  '^.+\\.tsx?$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
    },
  ],
};
const surfaces = [
  'sla-panel',
  'admin',
  'validator-config',
  'sprint-reserve',
  'indicators',
  'ui-modifications',
  'sla-badge',
];

module.exports = [
  {
    displayName: 'ui:shared',
    rootDir,
    roots: ['<rootDir>/static/shared/src'],
    testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    testEnvironment: 'node',
    transform,
    globalSetup: '<rootDir>/test/support/global-setup.js',
  },
  ...surfaces.map((surface) => ({
    displayName: `ui:${surface}`,
    rootDir,
    roots: [`<rootDir>/static/${surface}/src`],
    testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    testEnvironment: 'jsdom',
    transform,
    globalSetup: '<rootDir>/test/support/global-setup.js',
  })),
];
