import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LoadResult, LoadSignal } from '../../scripts/load/load.types.ts';
import { ADMIN_PASSWORD, ROOT } from './server-process.ts';

export const GENERATOR = join(ROOT, 'dist/server/scripts/load/load.generator.js');

/**
 * Runs the busy-day load generator (built into dist/) in its own process against a server, and lets a
 * test wait for its signals (ready, parked, resynced, done) and tell it to resume.
 */
export function runLoad(
  url: string,
  opts: {
    tickets: number;
    daySeconds: number;
    displays?: number;
    phones?: number;
    seed?: number;
    parkOnFault?: boolean;
    maxSeconds?: number;
    fromMin?: number;
    toMin?: number;
  },
) {
  const out = join(mkdtempSync(join(tmpdir(), 'hcc-load-')), 'result.json');
  const args = [
    GENERATOR,
    '--url',
    url,
    '--admin-password',
    ADMIN_PASSWORD,
    '--out',
    out,
    '--tickets',
    String(opts.tickets),
    '--day-seconds',
    String(opts.daySeconds),
    '--displays',
    String(opts.displays ?? 5),
    '--phones',
    String(opts.phones ?? 50),
    '--seed',
    String(opts.seed ?? 1),
  ];
  if (opts.parkOnFault) args.push('--park-on-fault');
  if (opts.maxSeconds) args.push('--max-seconds', String(opts.maxSeconds));
  if (opts.fromMin !== undefined) args.push('--from-min', String(opts.fromMin));
  if (opts.toMin !== undefined) args.push('--to-min', String(opts.toMin));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const signals: LoadSignal[] = [];
  const waiters: { type: string; test: (s: LoadSignal) => boolean; resolve: (s: any) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    let s: LoadSignal;
    try {
      s = JSON.parse(line);
    } catch {
      return;
    }
    signals.push(s);
    for (const w of [...waiters])
      if (w.test(s)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(s);
      }
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  function waitFor<T extends LoadSignal['type']>(
    type: T,
    test: (s: Extract<LoadSignal, { type: T }>) => boolean = () => true,
    ms = 120_000,
  ): Promise<Extract<LoadSignal, { type: T }>> {
    const seen = signals.find((s) => s.type === type && test(s as any));
    if (seen) return Promise.resolve(seen as any);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${type}" from the load generator within ${ms} ms\n${stderr}`)),
        ms,
      );
      const failed = () => reject(new Error(`load generator exited before "${type}":\n${stderr}`));
      void exited.then(() => setTimeout(failed, 50));
      waiters.push({
        type,
        test: (s) => s.type === type && test(s as any),
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      });
    });
  }

  return {
    waitFor,
    resume(): void {
      child.stdin.write('resume\n');
    },
    async result(ms = 180_000): Promise<LoadResult> {
      await waitFor('done', () => true, ms);
      await exited;
      const res = JSON.parse(readFileSync(out, 'utf8')) as LoadResult;
      rmSync(dirname(out), { recursive: true, force: true });
      return res;
    },
    pid: child.pid,
    kill(): void {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
