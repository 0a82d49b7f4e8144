// Lint: typescript-eslint, React hooks, and the layer boundaries of docs/architecture.md
// (core ← worker ← store ← ui; platform used by store; cli uses core only; no cycles).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const zone = (target, from, message) => ({ target, from, message });

// Inside core, each room imports only rooms below it (docs/architecture.md): lowest first.
const CORE_ROOMS = [
  'random',
  'data',
  'features',
  'simulation',
  'split',
  'model',
  'backend',
  'training',
  'strategies',
  'evaluation',
  'report',
  'export',
  'comparison',
  'sweep',
];
const coreRoomZones = CORE_ROOMS.flatMap((room, i) =>
  CORE_ROOMS.slice(i + 1).map((above) =>
    zone(
      `./src/core/${room}`,
      `./src/core/${above}`,
      `core/${room} sits below core/${above}: import downwards only`,
    ),
  ),
);

// Core modules the UI may take values from (see the seam rule below): pure and tfjs-free.
const UI_VALUE_IMPORTS = [
  'data/task',
  'strategies/catalogue',
  'report/format-figures',
  'report/per-user-rows',
  'report/recommend-strategy',
  'report/compare-strategies',
  'report/run-record',
  'report/summary-html',
  'export/python-snippet',
  'export/usage-text',
  'export/self-check',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e-*',
      'node_modules',
      'fixtures',
      'public',
      'test-results',
      'playwright-report',
      'bench',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      // Without it import-x cannot read a .ts file's imports, and no-cycle found no cycle at all.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/core', './src/worker', 'core must not import the worker'),
            zone('./src/core', './src/store', 'core must not import the store'),
            zone('./src/core', './src/ui', 'core must not import the UI'),
            zone('./src/core', './src/platform', 'core must not import browser I/O'),
            zone('./src/core', './src/cli', 'core must not import the CLI'),
            zone('./src/worker', './src/store', 'the worker must not import the store'),
            zone('./src/worker', './src/ui', 'the worker must not import the UI'),
            zone('./src/store', './src/ui', 'the store must not import the UI'),
            zone('./src/cli', './src/worker', 'the CLI uses core only'),
            zone('./src/cli', './src/store', 'the CLI uses core only'),
            zone('./src/cli', './src/ui', 'the CLI uses core only'),
            zone('./src/cli', './src/platform', 'the CLI uses core only'),
            zone('./src/ui/charts', './src/store', 'charts draw what they are given'),
            ...coreRoomZones,
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'recharts', 'idb'],
              message: 'src/core is framework-free',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    // The seam between page and core: the UI imports types from core and the worker, and values only from
    // these pure, tfjs-free modules (constants, wording and formatting a panel shows); anything derived
    // from the report or the dataset comes through store selectors. The page build also checks that its
    // chunk holds no tfjs (scripts/build/tfjs-free-page.ts).
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `/(core|worker)/(?!(${UI_VALUE_IMPORTS.join('|')})$)`,
              allowTypeImports: true,
              message:
                'the UI imports types from core and the worker; values only from the allow-list in eslint.config.js, derived data through store selectors',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
