import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers you can see (STYLE.md §1): shared/ is pure; renderer/ never reaches into main or server code.
const sharedMustStayPure = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
    { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*'], message: 'shared/ is pure: no UI or storage libraries.' },
    { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net'], message: 'shared/ is pure: no Node-only APIs.' },
    { group: ['**/electron/**', '**/renderer/**', '**/server/**'], message: 'shared/ must not import other layers.' },
  ],
};
const rendererBoundary = {
  patterns: [
    { group: ['electron', 'electron/*', 'node:*'], message: 'The renderer talks to main only through the contract in shared/api.' },
    { group: ['**/electron/**', '**/server/**'], message: 'renderer/ must not import main-process or server code.' },
  ],
};

// Main's services and the browser-mode bridge are plain Node: no Electron (they run without it), no renderer code.
const servicesArePlainNode = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'electron/services and electron/web run without Electron: only electron/main may import it.' },
    { group: ['**/renderer/**'], message: 'Main-process code must not import renderer code.' },
  ],
};

// Head office is its own program over the shared domain: nothing of the branch app (main or renderer), except
// the plain-Node building blocks its screens need exactly as a branch's main has them (one password hash, one
// session and sign-in throttle rule, one set of security headers and static-file rules, one report service with
// its PDF engine and delivery).
const SERVER_MAY_SHARE = [
  '**/electron/common/csp',
  '**/electron/common/staticFiles',
  '**/electron/services/passwords',
  '**/electron/services/sessions',
  '**/electron/services/signInThrottle',
  '**/electron/services/bugReports',
  '**/electron/services/reports',
  '**/electron/services/pdf',
  '**/electron/services/documents',
  '**/electron/services/serial',
];
const serverBoundary = {
  paths: [{ name: 'electron', message: 'server/ runs without Electron.' }],
  patterns: [
    {
      // Files, not folders, are matched, so that the listed files can be let through again (gitignore rules).
      group: ['electron/*', '**/electron/*/*', '**/electron/*/*/**', ...SERVER_MAY_SHARE.map((path) => `!${path}`), '**/renderer/**', '**/tests/**'],
      message: 'server/ may import shared/ only, and the plain-Node building blocks listed in SERVER_MAY_SHARE (tests import server, not the reverse).',
    },
  ],
};

// Features and shared UI sit below the composition root (renderer/app): session and routing live in renderer/session.
const belowTheShell = {
  patterns: [
    ...rendererBoundary.patterns,
    { group: ['**/app/*', '**/app'], message: 'renderer/app is the composition root: features take session and routing from renderer/session.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.tmp/**', '.tmp-*/**', '.vitest/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', sharedMustStayPure] } },
  { files: ['electron/services/**/*.ts', 'electron/web/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', servicesArePlainNode] } },
  { files: ['server/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', serverBoundary] } },
  { files: ['scripts/**/*.mjs', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', rendererBoundary] },
  },
  { files: ['renderer/features/**/*.{ts,tsx}', 'renderer/ui/**/*.{ts,tsx}', 'renderer/store/**/*.ts', 'renderer/session/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', belowTheShell] } },
  // The benchmarks' page-side code runs in Chromium beside the app: the renderer's boundary, not Node's.
  { files: ['tests/bench/browser/in-page/**/*.ts'], rules: { 'no-restricted-imports': ['error', rendererBoundary] } },
);
