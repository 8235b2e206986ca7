// Builds everything `npm start` serves: the server (tsc → dist/server) and each front-end (Vite → dist/<app>).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

let failed = false;
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`Build thất bại: ${cmd} ${args.join(' ')}`);
    failed = true;
  }
}

if (want('server')) {
  // Built beside the old one and swapped in with a rename: a running test never sees a half-built server.
  const next = join(root, 'dist/server.next');
  rmSync(next, { recursive: true, force: true });
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', next]);
  // Files tsc does not copy: SQL migrations and the seed document.
  cpSync(join(root, 'server/src/storage/migrations'), join(next, 'server/src/storage/migrations'), { recursive: true });
  cpSync(join(root, 'server/src/seed'), join(next, 'server/src/seed'), { recursive: true });
  // The province hub's migrations (npm run province).
  cpSync(join(root, 'province/src/storage/migrations'), join(next, 'province/src/storage/migrations'), {
    recursive: true,
  });
  if (existsSync(join(root, 'printer/assets')))
    cpSync(join(root, 'printer/assets'), join(next, 'printer/assets'), { recursive: true });
  const old = join(root, 'dist/server.old');
  rmSync(old, { recursive: true, force: true });
  if (existsSync(join(root, 'dist/server'))) renameSync(join(root, 'dist/server'), old);
  renameSync(next, join(root, 'dist/server'));
  rmSync(old, { recursive: true, force: true });
}
// province/web is the hub's own screens (served by `npm run province`, not by a center).
for (const app of ['kiosk', 'counter', 'display', 'admin', 'book', 'province/web']) {
  if (!want(app) || !existsSync(join(root, app, 'vite.config.ts'))) continue;
  run(process.execPath, [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    join(app, 'vite.config.ts'),
    '--logLevel',
    'warn',
  ]);
}
// The bundled font for the pages the server renders itself (the landing page): no CDN.
mkdirSync(join(root, 'dist/fonts'), { recursive: true });
for (const f of ['latin-400', 'latin-700', 'vietnamese-400', 'vietnamese-700']) {
  cpSync(
    join(root, `node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-${f}-normal.woff2`),
    join(root, `dist/fonts/be-vietnam-pro-${f}.woff2`),
  );
}
mkdirSync(join(root, 'dist'), { recursive: true });
// A failed step leaves no stamp, so the next `npm start` builds again; the exit code tells the caller.
if (failed) process.exit(1);
writeFileSync(join(root, 'dist/.build-stamp'), new Date().toISOString());
