import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'src/db/migrations/**', 'test-results/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['src/web/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  // The layers of docs/DESIGN.md: imports flow web → contract; server → contract, core, db.
  layer(['src/contract/**'], ['../*', '!./*'], 'contract imports nothing of ours: it is shared by server and web.'),
  layer(
    ['src/core/**'],
    [
      '**/server/**',
      '**/db/**',
      '**/web/**',
      '**/cli/**',
      'node:fs',
      'node:fs/*',
      'node:net',
      'node:http',
      'fs',
      'pg',
      '@electric-sql/*',
      'fastify',
    ],
    'core is pure: no I/O, no server, db or web code.',
  ),
  layer(
    ['src/web/**'],
    ['**/server/**', '**/core/**', '**/db/**', '**/cli/**', 'node:*'],
    'web talks to the server only through src/contract and HTTP.',
  ),
  { files: ['src/cli/**', 'bench/**', 'scripts/**', 'bin/**', 'e2e/**'], rules: { 'no-console': 'off' } },
);
