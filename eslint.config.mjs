// Lint rules that keep the layering of the style guide (B1): the domain is pure.
import tseslint from 'typescript-eslint';

const CLOCK_MESSAGE =
  'Read "now" from the clock seam (src/app/clock.ts, or static/shared/src/clock.ts in the UI): never the machine clock.';
const CLOCK_READS = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: CLOCK_MESSAGE },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
  {
    selector:
      "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local|utc)$/][arguments.length=0]",
    message: CLOCK_MESSAGE,
  },
];
const NO_CASTS_MESSAGE = 'No casts in the domain or the use cases: parse or narrow (issue 9)';
const NO_CASTS = [
  {
    selector: "TSAsExpression:not([typeAnnotation.type='TSTypeReference'][typeAnnotation.typeName.name='const'])",
    message: NO_CASTS_MESSAGE,
  },
  { selector: 'TSTypeAssertion', message: NO_CASTS_MESSAGE },
];

const FORGE_SDK = {
  group: ['@forge/*'],
  message:
    'The Forge SDK is imported only by the adapters (src/jira/forge-*.ts, src/store/*.ts) and the entry points (src/resolvers/index.ts, src/triggers/handlers.ts).',
};
const APP_FROM_JIRA = {
  group: ['**/app/**', '!**/app/ports', '!**/app/ports/**'],
  message: 'src/jira is the Jira adapter: of src/app it imports only the ports (src/app/ports).',
};
const JIRA_FROM_APP = {
  group: ['**/jira/**', '!**/jira/jira-export', '!**/jira/jira-instant'],
  message:
    'Use cases reach Jira through Deps.jira (the JiraGateway port); of src/jira they import only the parsers jira-export and jira-instant (src/app/deps.ts wires the adapter).',
};
const NO_REST_PATHS = [
  {
    selector: 'Literal[value=/\\/rest\\//]',
    message: 'Use cases know no Jira URL: ask the JiraGateway port (src/app/ports/jira-gateway.ts).',
  },
  {
    selector: 'TemplateElement[value.raw=/\\/rest\\//]',
    message: 'Use cases know no Jira URL: ask the JiraGateway port (src/app/ports/jira-gateway.ts).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'static/*/build/**',
      'node_modules/**',
      'bench/**',
      'bin/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Issue 8: time enters through one clock seam (src/app/clock.ts for the back end, the workbench and the CLI;
    // static/shared/src/clock.ts for the Custom UI). Nothing else reads the machine's clock, tests included: a test
    // that passes today and fails next month is a defect. Timing a benchmark uses performance.now(), which is not a date.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/app/clock.ts', 'static/shared/src/clock.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...CLOCK_READS],
    },
  },
  {
    // B6: in a Custom UI surface, only src/api.ts talks to the host; the back end's types come in as types only.
    files: ['static/**/*.{ts,tsx}'],
    ignores: ['static/*/src/api.ts', 'static/**/__mocks__/**', 'static/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@forge/bridge', message: 'Only src/api.ts imports @forge/bridge.' },
            { name: '@forge/jira-bridge', message: 'Only src/api.ts imports @forge/jira-bridge.' },
          ],
          patterns: [
            {
              group: ['**/src/contract'],
              allowTypeImports: true,
              message: 'static/ imports the back end only as types (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    // Issue 9: the Forge SDK only in adapters and entry points (src/domain, src/app and src/jira have their own blocks).
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*.test.ts',
      'src/domain/**',
      'src/app/**',
      'src/jira/**',
      'src/store/*.ts',
      'src/resolvers/index.ts',
      'src/triggers/handlers.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [FORGE_SDK] }] },
  },
  {
    // Issue 9: src/jira adapts Jira to the ports; only its forge-*.ts files call @forge/api.
    files: ['src/jira/**/*.ts'],
    ignores: ['src/jira/**/*.test.ts', 'src/jira/forge-*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [APP_FROM_JIRA, FORGE_SDK] }] },
  },
  {
    files: ['src/jira/forge-*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [APP_FROM_JIRA] }] },
  },
  {
    // Issue 9: use cases know no adapter (src/app/deps.ts is the one place that wires them) and no Jira URL.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts', 'src/app/deps.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [JIRA_FROM_APP, FORGE_SDK] }] },
  },
  {
    // map-sprint-export.ts names the board configuration's endpoint in a help text about an export file's content.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts', 'src/app/clock.ts', 'src/app/map-sprint-export.ts'],
    rules: { 'no-restricted-syntax': ['error', ...CLOCK_READS, ...NO_REST_PATHS] },
  },
  {
    // Issue 9: no casts in the domain and the use cases: payloads are parsed (zod) or narrowed (type guards,
    // isRecord). `as const` stays allowed. A rule of its own, so that no block's no-restricted-syntax replaces it.
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/*'], message: 'The domain is pure: no Forge SDK here.' },
            {
              group: ['**/app/**', '**/jira/**', '**/store/**', '**/resolvers/**', '**/triggers/**', '**/cli/**'],
              message: 'The domain imports nothing outside domain/.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...CLOCK_READS,
        {
          selector: 'CallExpression[callee.object.name=/^(Date|DateTime)$/][callee.property.name=/^(now|local|utc)$/]',
          message: 'The domain never reads the clock: take `now` as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'No process.env in the domain.',
        },
        { selector: "CallExpression[callee.object.name='console']", message: 'No console in the domain.' },
        ...NO_CASTS,
      ],
    },
  },
  {
    // Issue 9: what ships does not import the tests. The workbench (npm start) may not import test/ (its tests may,
    // for the OpenAPI checks); the app (src/, tests aside) imports neither test/, nor the workbench, nor the benches.
    // The TypeScript variant of the rule, so that these blocks do not replace the domain's no-restricted-imports.
    files: ['workbench/**/*.ts'],
    ignores: ['workbench/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**'], message: 'The workbench ships with npm start: no test code in it.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test/**', '**/workbench/**', '**/bench/**'],
              message: 'The app imports nothing from test/, workbench/ or bench/.',
            },
          ],
        },
      ],
    },
  },
);
