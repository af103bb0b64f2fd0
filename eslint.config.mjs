// Lint rules that keep the layering of the style guide (B1): the domain is pure.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'static/**', 'node_modules/**', 'bench/**', 'bin/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
