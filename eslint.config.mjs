// Lint rules that keep the layering of the style guide (B1): the domain is pure.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'static/*/build/**', 'node_modules/**', 'bench/**', 'bin/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
          patterns: [{ group: ['**/src/contract'], allowTypeImports: true, message: 'static/ imports the back end only as types (import type).' }],
        },
      ],
    },
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
            { group: ['**/app/**', '**/jira/**', '**/store/**', '**/resolvers/**', '**/triggers/**', '**/cli/**'], message: 'The domain imports nothing outside domain/.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name=/^(Date|DateTime)$/][callee.property.name=/^(now|local|utc)$/]',
          message: 'The domain never reads the clock: take `now` as a parameter.',
        },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'No process.env in the domain.' },
        { selector: "CallExpression[callee.object.name='console']", message: 'No console in the domain.' },
      ],
    },
  },
);
