// `npm test`: makes sure Debian's Chromium is there (browser tests), builds what the end-to-end tests
// start, then runs the whole vitest suite. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sh = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'Thiếu Chromium cho các bài kiểm thử trình duyệt. Chạy: sudo apt-get update && sudo apt-get install -y chromium',
    );
    process.exit(1);
  }
  console.log('Cài Chromium của Debian cho các bài kiểm thử trình duyệt (apt-get install -y chromium)…');
  if (
    sh('apt-get', ['update', '-qq']) !== 0 ||
    sh('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' }) !== 0
  ) {
    console.error('Không cài được Chromium. Chạy: apt-get update && apt-get install -y chromium');
    process.exit(1);
  }
}

// The province hub's tests start their own PostgreSQL server (Debian's package; run as the postgres user).
const hasPostgres = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;
if (!hasPostgres) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'Thiếu PostgreSQL cho các bài kiểm thử máy chủ tỉnh. Chạy: sudo apt-get update && sudo apt-get install -y postgresql',
    );
    process.exit(1);
  }
  console.log('Cài PostgreSQL của Debian cho các bài kiểm thử máy chủ tỉnh (apt-get install -y postgresql)…');
  if (
    sh('apt-get', ['update', '-qq']) !== 0 ||
    sh('apt-get', ['install', '-y', '-qq', 'postgresql'], { DEBIAN_FRONTEND: 'noninteractive' }) !== 0
  ) {
    console.error('Không cài được PostgreSQL. Chạy: apt-get update && apt-get install -y postgresql');
    process.exit(1);
  }
}

// Format, lint (import zones included) and types first: a rule broken is a failed run, not a warning.
const bin = (name) => join(root, 'node_modules', name);
if (sh(process.execPath, [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']) !== 0) {
  console.error('Định dạng chưa đúng: chạy `npm run format`.');
  process.exit(1);
}
if (sh(process.execPath, [bin('eslint/bin/eslint.js'), '--max-warnings', '0', '.']) !== 0) process.exit(1);
if (sh(process.execPath, [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);
if (sh(process.execPath, [join(root, 'scripts/build.mjs')]) !== 0) process.exit(1);
const summary = join(root, 'test-output', 'vitest-summary.json');
rmSync(summary, { force: true });
const code = sh(process.execPath, [
  join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${summary}`,
  ...process.argv.slice(2),
]);
// One plain closing line that any CI reads: "N passed, N failed".
if (existsSync(summary)) {
  const r = JSON.parse(readFileSync(summary, 'utf8'));
  console.log(
    `\n${r.numPassedTests} passed, ${r.numFailedTests} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`,
  );
}
process.exit(code);
