import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The sub-folders of a folder: features are found, not listed, so a new one is bound at once. */
const foldersIn = (dir, skip = []) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !skip.includes(d.name))
    .map((d) => d.name);

// Feature code: not its tests (which may read any table to check what was stored) nor its tables
// (which reference other tables for foreign keys).
const featureCode = (feature) => `src/server/${feature}/**/!(*.test|*.table).ts`;

/**
 * A server feature reads another feature's data through that feature's service, never its
 * tables (docs/DESIGN.md §3). The one exception written in DESIGN.md: the members lists (members
 * and the org admin's member accounts) join `users` to search and sort by name in SQL.
 */
const serverFeatureZones = foldersIn('src/server', ['plugins', 'testing']).flatMap((feature) => {
  const zone = (target, except = []) => ({
    target,
    from: `src/server/!(${feature})/**/*.table.ts`,
    except,
    message: `A feature reads another feature's data through its service, not its tables (docs/DESIGN.md). Ask the owning feature's service, or record a deliberate exception in DESIGN.md and eslint.config.js.`,
  });
  if (feature !== 'orgs') return [zone(featureCode(feature))];
  return [
    zone('src/server/orgs/**/!(*.test|*.table|members.service|member-administration.service).ts'),
    zone('src/server/orgs/{members,member-administration}.service.ts', ['**/src/server/auth/auth.table.ts']),
  ];
});

const plumbingZones = [
  {
    target: 'src/server/plugins/**',
    from: 'src/server/!(plugins)/**',
    message:
      'plugins/ is plumbing and imports no feature. A plugin that needs a feature service lives in that feature (like auth/auth.plugin.ts).',
  },
  {
    target: 'src/db/**/!(schema).ts',
    from: ['src/server', 'src/web', 'src/cli'],
    message: 'db/ is imported by the features, never the other way: pass what the database code needs in.',
  },
  {
    target: 'src/db/schema.ts',
    from: 'src/server/**/!(*.table).ts',
    message: 'db/schema.ts only gathers the feature tables (*.table.ts) for Drizzle.',
  },
];

const WEB_FEATURES_MESSAGE =
  'Web features do not import each other. Code that two features share goes to the shared layer: src/web/lib (data hooks in lib/api/, formatting, the product vocabulary, clocks) or src/web/ui (components).';

const webFeatureZones = foldersIn('src/web/features').map((feature) => ({
  target: `src/web/features/${feature}/**`,
  from: `src/web/features/!(${feature})/**`,
  message: WEB_FEATURES_MESSAGE,
}));

const webSharedZones = [
  {
    target: ['src/web/lib/**', 'src/web/ui/**'],
    from: 'src/web/features',
    message: 'src/web/lib and src/web/ui are the shared layer under the features: they import no feature.',
  },
];

/** What the pure core may not import (docs/DESIGN.md §3). */
const CORE_FORBIDDEN = [
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
];

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
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...serverFeatureZones, ...plumbingZones, ...webFeatureZones, ...webSharedZones] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['src/web/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  // The layers of docs/DESIGN.md: imports flow web → contract; server → contract, core, db.
  layer(['src/contract/**'], ['../*', '!./*'], 'contract imports nothing of ours: it is shared by server and web.'),
  layer(['src/core/**'], CORE_FORBIDDEN, 'core is pure: no I/O, no server, db or web code.'),
  // Tests of core may take their data from the shared test support; core itself may not.
  {
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: CORE_FORBIDDEN.filter((p) => p !== '**/server/**'), message: 'core is pure: no I/O, no server, db or web code.' },
            {
              regex: '/server/(?!testing/)',
              message: 'Tests of core may import the shared test support (server/testing), nothing else of the server.',
            },
          ],
        },
      ],
    },
  },
  layer(
    ['src/web/**'],
    ['**/server/**', '**/core/**', '**/db/**', '**/cli/**', 'node:*'],
    'web talks to the server only through src/contract and HTTP.',
  ),
  { files: ['src/cli/**', 'bench/**', 'scripts/**', 'bin/**', 'e2e/**'], rules: { 'no-console': 'off' } },
);
