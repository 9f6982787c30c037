// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // A module is entered only through its index.ts: no reaching into another module's files.
    files: ['apps/server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A sibling module's file other than its index: ../accounts/accounts.service.js
              regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)',
              message: 'Enter another module only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The kernel is plumbing: it must not depend on any business module.
    files: ['apps/server/src/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/modules/', message: 'The kernel imports no module.' }] },
      ],
    },
  },
  {
    // Outside the server, modules are reached only through their index.ts too.
    files: [
      'apps/server/test/**/*.ts',
      'apps/server/src/*.ts',
      'apps/server/src/scripts/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/modules/[^/]+/(?!index\\.js$)',
              message: 'Enter a module only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
);
