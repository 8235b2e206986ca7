// Builds everything `npm start` serves: the server (tsc → dist/server) and each front-end (Vite → dist/<app>).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`Build thất bại: ${cmd} ${args.join(' ')}`); process.exit(r.status ?? 1); }
}

if (want('server')) {
  rmSync(join(root, 'dist/server'), { recursive: true, force: true });
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  // Files tsc does not copy: SQL migrations and the seed document.
  cpSync(join(root, 'server/src/storage/migrations'), join(root, 'dist/server/server/src/storage/migrations'), { recursive: true });
  cpSync(join(root, 'server/src/seed'), join(root, 'dist/server/server/src/seed'), { recursive: true });
  if (existsSync(join(root, 'printer/assets'))) cpSync(join(root, 'printer/assets'), join(root, 'dist/server/printer/assets'), { recursive: true });
}
for (const app of ['kiosk', 'counter', 'display', 'admin']) {
  if (!want(app) || !existsSync(join(root, app, 'vite.config.ts'))) continue;
  run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(app, 'vite.config.ts'), '--logLevel', 'warn']);
}
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/.build-stamp'), new Date().toISOString());
