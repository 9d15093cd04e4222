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

/** A regex matching a relative import that climbs out of its folder into the named sibling folders. */
function up(folders) {
  return `^(\\.\\./)+(${folders})(/|$)`;
}

const namedExportsOnly = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
const bridgeOnlyInApi = ['window', 'globalThis'].map((object) => ({
  selector: `MemberExpression[object.name='${object}'][property.name='swdesk']`,
  message: 'Only renderer/api talks to the bridge (window.swdesk): ask renderer/api instead.',
}));

const rendererOuter = {
  names: [
    electronOnly,
    ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: go through renderer/api.' })),
    { name: 'better-sqlite3', message: 'The renderer has no database: go through renderer/api.' },
  ],
  regexes: [
    ['^node:', 'The renderer has no Node: go through renderer/api.'],
    ['(^|/)(main|hub)(/|$)', 'The renderer never imports main/ or hub/: use the contract in shared/api.'],
  ],
};
const belowApp = {
  regexes: [
    [
      up('app|features'),
      'renderer/api, components, state and i18n sit below app/ and features/ and never import them: move what both ' +
        'need down (app-wide UI state lives in renderer/state).',
    ],
  ],
};
const belowComponents = { regexes: [[up('components'), 'renderer/api sits below renderer/components.']] };
const belowApi = (who) => ({
  regexes: [[up('api|components'), `renderer/${who} sit below renderer/api and components and never import them.`]],
});

const mainOuter = {
  names: [electronOnly],
  regexes: [['(^|/)(renderer|hub)(/|$)', 'main/ must not import renderer/ or hub/.']],
};
const belowShells = {
  regexes: [
    [
      up('desk|electron|serve|cli'),
      'core, db and logging never import a shell (electron, serve, cli) or desk/: those call them.',
    ],
    [up('composition'), 'core, db and logging never import the composition root: it imports them.'],
  ],
};
const shellsApart = (who, others) => ({
  regexes: [[up(others), `main/${who} never imports another shell (${others.split('|').join(', ')}).`]],
});

/** A zone's import rule: the outer zone's restrictions plus its own, for its product files (tests are exempt). */
function zone(files, ...parts) {
  return {
    files,
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': restrict({
        names: parts.flatMap((p) => p.names ?? []),
        regexes: parts.flatMap((p) => p.regexes ?? []),
      }),
    },
  };
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
      'no-restricted-syntax': ['error', namedExportsOnly],
      'no-restricted-imports': restrict({ names: [electronOnly] }),
    },
  },
  {
    files: ['shared/**/*.ts', 'test-support/shared/**/*.ts'],
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
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'test-support/renderer/**/*.ts', 'test-support/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(rendererOuter),
      'no-restricted-syntax': ['error', namedExportsOnly, ...bridgeOnlyInApi],
    },
  },
  {
    files: ['renderer/api/**'],
    rules: { 'no-restricted-syntax': ['error', namedExportsOnly] },
  },
  // Inside the renderer, lower zones never reach up: state (app-wide UI state) and i18n sit at the bottom, api
  // above them, components above api, and app/ and features/ on top. Tests are exempt: they may assemble anything.
  zone(['renderer/state/**', 'renderer/i18n/**'], rendererOuter, belowApp, belowApi('state/ and i18n/')),
  zone(['renderer/api/**'], rendererOuter, belowApp, belowComponents),
  zone(['renderer/components/**'], rendererOuter, belowApp),
  {
    files: ['main/**/*.ts', 'test-support/main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': restrict(mainOuter) },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': restrict({ regexes: mainOuter.regexes }) },
  },
  // Inside main: logging at the bottom, then db, then core; the composition root wires core; desk opens the data for
  // both shells; the shells (electron, serve, cli) sit on top and never import one another.
  zone(['main/logging/**'], mainOuter, belowShells, {
    regexes: [[up('core|db'), 'main/logging sits below db and core.']],
  }),
  zone(['main/db/**'], mainOuter, belowShells, { regexes: [[up('core'), 'main/db sits below core: core uses db.']] }),
  zone(['main/core/**'], mainOuter, belowShells),
  {
    // SQL and its column names stay in main/db (repositories): core works with the records they return.
    files: ['main/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        namedExportsOnly,
        {
          selector:
            'CallExpression[callee.property.name=/^(prepare|exec)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]',
          message: 'SQL belongs in main/db/repositories: core works with the records a repository returns.',
        },
      ],
    },
  },
  zone(['main/desk/**'], mainOuter, shellsApart('desk', 'electron|serve|cli')),
  zone(['main/electron/**'], { regexes: mainOuter.regexes }, shellsApart('electron', 'serve|cli')),
  zone(['main/serve/**'], mainOuter, shellsApart('serve', 'electron|cli')),
  zone(['main/cli/**'], mainOuter, shellsApart('cli', 'electron|serve')),
  {
    files: ['hub/**/*.ts', 'test-support/hub/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        names: [electronOnly],
        regexes: [['(^|/)(main|renderer)(/|$)', 'The hub is its own service: it shares only shared/.']],
      }),
    },
  },
  {
    // Test helpers live in test-support/<zone>/, outside the product tree: the product never imports them (the zone
    // tsconfigs leave them out of the build; tests and bench use them). A rule of its own, so the zones keep theirs.
    files: ['shared/**', 'main/**', 'hub/**', 'renderer/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)test-support(/|$)', message: 'Product code never imports test helpers (test-support/).' },
          ],
        },
      ],
    },
  },
  {
    // CommonJS by necessity (a stand-in `electron` module the built CJS bundle requires, an electron-builder hook).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tool configs (and Playwright's global set-up) must default-export by their tools' convention.
    files: ['*.config.ts', '*.config.js', 'eslint.config.js', 'e2e/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
