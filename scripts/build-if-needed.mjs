// `npm start` builds only when a source is newer than the last build, so a restart is instant.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist/.build-stamp');
const SOURCES = [
  'server/src',
  'printer/src',
  'kiosk',
  'counter',
  'display',
  'admin',
  'book',
  'ui',
  'province',
  'scripts',
  'package.json',
  'tsconfig.json',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e === 'dist') continue;
    max = Math.max(max, newest(join(path, e)));
  }
  return max;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = SOURCES.some((s) => newest(join(root, s)) > built);
if (changed) {
  console.log('Đang build (lần đầu hoặc mã nguồn đã thay đổi)…');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
