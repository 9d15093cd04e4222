// Lint is the guard of the architecture's zones (see docs/architecture.md):
// only main/electron may import electron, shared/ stays platform-free, the
// renderer never reaches into main/ or hub/, and the hub never reaches into
// the client. Zero warnings are allowed (npm run lint uses --max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import stylistic from '@stylistic/eslint-plugin';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const electronOnly = { name: 'electron', message: 'Only main/electron may import electron.' };

/** Builds a no-restricted-imports rule from import-path regexes and names. */
function restrict({ names = [], regexes = [] }) {
  return [
    'error',
    {
      paths: names,
      patterns: regexes.map(([regex, message]) => ({ regex, message })),
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@stylistic': stylistic },
    rules: {
      // Prettier (printWidth 120, .prettierrc.json) wraps code; this catches what it cannot wrap — comments —
      // at the same width. A string is kept whole so that it can be searched for.
      '@stylistic/max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      // A file past ~400 lines is a sign to split it (docs/architecture.md); blank lines and comments do not count.
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-restricted-imports': restrict({ names: [electronOnly] }),
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict({
        names: [
          electronOnly,
          ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is platform-free: no Node built-ins.' })),
          { name: 'better-sqlite3', message: 'shared/ is platform-free: no SQLite.' },
          { name: 'fastify', message: 'shared/ is platform-free.' },
          { name: 'react', message: 'shared/ is platform-free: UI code lives in renderer/.' },
          { name: 'react-dom', message: 'shared/ is platform-free: UI code lives in renderer/.' },
        ],
        regexes: [
          ['^node:', 'shared/ is platform-free: no Node built-ins.'],
          ['(^|/)(main|renderer|hub)(/|$)', 'shared/ must not import from main/, renderer/ or hub/.'],
        ],
      }),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict({
        names: [
          electronOnly,
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: go through renderer/api.' })),
          { name: 'better-sqlite3', message: 'The renderer has no database: go through renderer/api.' },
        ],
        regexes: [
          ['^node:', 'The renderer has no Node: go through renderer/api.'],
          ['(^|/)(main|hub)(/|$)', 'The renderer never imports main/ or hub/: use the contract in shared/api.'],
        ],
      }),
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': restrict({
        names: [electronOnly],
        regexes: [['(^|/)(renderer|hub)(/|$)', 'main/ must not import renderer/ or hub/.']],
      }),
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        regexes: [['(^|/)(renderer|hub)(/|$)', 'main/ must not import renderer/ or hub/.']],
      }),
    },
  },
  {
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        names: [electronOnly],
        regexes: [['(^|/)(main|renderer)(/|$)', 'The hub is its own service: it shares only shared/.']],
      }),
    },
  },
  {
    // Tool configs must default-export by their tools' convention.
    files: ['*.config.ts', '*.config.js', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
