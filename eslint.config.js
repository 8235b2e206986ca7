// ESLint: typescript-eslint's recommended rules plus the import zones of docs/architecture.md.
// Formatting is Prettier's job (`npm run format`); nothing here argues about layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const FRONT_ENDS = [
  'kiosk/src/**',
  'counter/src/**',
  'display/src/**',
  'admin/src/**',
  'ui/**',
  'book/src/**',
  'province/web/**',
];

/** A front-end may use the server's contract (DTOs, schemas, errors) and typed client, nothing else of it. */
const frontEndZone = {
  patterns: [
    {
      regex: 'server/src/(?!contract/|client/)',
      message:
        'Giao diện chỉ import server/src/contract và server/src/client (front-ends import only contract/ and client/).',
    },
    { regex: '(^|/)printer/src/', message: 'Giao diện không import printer/ (the printer module runs on the server).' },
  ],
};

/** The core is business rules: no storage, no HTTP, no sockets, no Node I/O. */
const coreZone = {
  patterns: [
    {
      regex: '(^|/)(storage|http|realtime|printing|reporting)/',
      message:
        'core/ không import storage, http, realtime, printing, reporting: khai báo cổng (port) trong core/ports.ts.',
    },
    {
      group: ['node:*', 'better-sqlite3', 'hono', 'hono/*', 'socket.io'],
      message: 'core/ không dùng I/O của Node hay framework (inject it through a port).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'data/**', 'data-*/**', '**/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        globalThis: 'readonly',
        fetch: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        queueMicrotask: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        location: 'readonly',
        history: 'readonly',
        HTMLElement: 'readonly',
        Event: 'readonly',
        KeyboardEvent: 'readonly',
        Blob: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        FormData: 'readonly',
        URLSearchParams: 'readonly',
        AudioContext: 'readonly',
        Audio: 'readonly',
        Image: 'readonly',
        requestAnimationFrame: 'readonly',
        cancelAnimationFrame: 'readonly',
        atob: 'readonly',
        btoa: 'readonly',
        crypto: 'readonly',
      },
    },
    rules: {
      // Tests and decoders poke at loose JSON on purpose; the strict compiler guards the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
      'no-undef': 'off',
    },
  },
  { files: FRONT_ENDS, rules: { 'no-restricted-imports': ['error', frontEndZone] } },
  {
    files: ['server/src/core/**/*.ts'],
    ignores: ['server/src/core/**/*.test.ts', 'server/src/core/ids.ts', 'server/src/core/accounts/password.ts'],
    rules: { 'no-restricted-imports': ['error', coreZone] },
  },
);
