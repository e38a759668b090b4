import js from '@eslint/js';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  name: 'electron',
  message: 'Domain and backend code runs in plain Node: keep electron in electron/main and electron/preload.',
};

// Boundaries (tests/unit/eslint-boundaries.test.ts lints a probe for each): what each side may reach.
const noElectronSubpaths = {
  regex: '^electron/',
  message: 'No electron/* module outside electron/main and electron/preload.',
};
// Exact names: a pattern such as `events` would also catch a local `./events` file.
const noNodeBuiltins = (message) => [
  ...builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message })),
];
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module', 'exports'].map(
  (name) => ({ name, message: `${name} is Node's: this code runs without Node.` }),
);
// DOM-only names; fetch, URL, TextEncoder and timers exist in Node too.
const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'alert',
  'confirm',
  'prompt',
  'HTMLElement',
  'XMLHttpRequest',
  'requestAnimationFrame',
].map((name) => ({ name, message: `${name} is the browser's: this code runs without a DOM.` }));
const noReact = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'].map((name) => ({
  name,
  message: 'The backend has no UI: React stays in renderer/.',
}));
const askTheClock = 'Ask the injected Clock for the time (electron/backend/clock.ts is the only reader).';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/wa-standin/page/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures declare their dependencies with a destructuring pattern, even an empty one.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNodeBuiltins('shared/ holds pure rules: no Node APIs.')],
          patterns: [
            { group: ['node:*'], message: 'shared/ holds pure rules: no Node APIs.' },
            noElectronSubpaths,
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ imports nothing from electron/ or renderer/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...nodeGlobals,
        ...domGlobals,
        { name: 'fetch', message: 'shared/ does no I/O.' },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noReact],
          patterns: [
            noElectronSubpaths,
            { group: ['react/*', 'react-dom/*'], message: 'The backend has no UI: React stays in renderer/.' },
            {
              group: ['**/renderer/**', '**/electron/main/**', '**/main/**'],
              message: 'The backend core does not depend on the shell or the UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: askTheClock },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: askTheClock },
        { selector: "CallExpression[callee.name='Date']", message: askTheClock },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: askTheClock },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNodeBuiltins('The renderer runs in a browser page: no Node APIs.')],
          patterns: [
            noElectronSubpaths,
            {
              group: ['node:*', '**/electron/**'],
              message: 'The renderer talks to the backend only through window.janela.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
);
