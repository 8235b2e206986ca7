import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, throw-away PostgreSQL server for tests and the bench: Debian's `postgresql` package, a fresh cluster
 * in a temporary directory, listening on a free loopback port with trust auth. PostgreSQL refuses to run as
 * root, so under root every command runs as the `postgres` user in a directory that user owns.
 * `stop()` ends it by its pid (never by name: other tests run their own clusters); `restart()` starts it again
 * on the same data and port, so a test can take the database away and give it back.
 */
export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT to the postmaster), waits until it is gone. Safe to call twice. */
  stop(): Promise<void>;
  /** Start again (after stop(), or stop-then-start when running), same data, same port. */
  restart(): Promise<void>;
  /** Stop and delete the cluster's directory. */
  destroy(): Promise<void>;
  /** The postmaster's pid while running, else null (for kill -9 tests). */
  pid(): number | null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The newest installed PostgreSQL's bin directory, or null when the package is missing. */
export function findPgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every cluster this process started, removed on exit even when a test forgets (or crashes before) destroy(). */
const live = new Set<{ dir: string; pid: () => number | null }>();
let exitHook = false;
function onExit() {
  for (const c of live) {
    const pid = c.pid();
    if (pid !== null) {
      try {
        process.kill(pid, 'SIGQUIT'); // immediate shutdown: the process is going away anyway
      } catch {
        /* already gone */
      }
    }
    rmSync(c.dir, { recursive: true, force: true });
  }
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin)
    throw new Error(
      'Thiếu PostgreSQL cho kiểm thử (PostgreSQL is missing): apt-get update && apt-get install -y postgresql',
    );
  const dir = mkdtempSync(join(tmpdir(), 'hcc-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const root = isRoot();
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const r = root
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} thất bại (failed): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);

  let pid: number | null = null;
  const entry = { dir, pid: () => pid };
  live.add(entry);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', onExit);
  }

  async function start() {
    const opts = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    // The first line of postmaster.pid is the postmaster's pid.
    pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  async function stop() {
    if (pid === null) return;
    const p = pid;
    try {
      process.kill(p, 'SIGINT'); // "fast" shutdown: clients are disconnected, data is kept
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 600 && alive(p); i++) await sleep(50);
    pid = null;
  }

  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    async restart() {
      await stop();
      await start();
    },
    async destroy() {
      await stop();
      live.delete(entry);
      rmSync(dir, { recursive: true, force: true });
    },
    pid: () => pid,
  };
}
