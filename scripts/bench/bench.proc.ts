import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * CPU and memory of another process, read from /proc (Linux) without touching the process: utime+stime
 * from /proc/<pid>/stat (clock ticks, 100 per second on Linux x86-64 and arm64) and VmRSS/VmHWM from
 * /proc/<pid>/status, sampled every `everyMs`.
 */
const TICKS = 100;

function read(pid: number): { cpuSec: number; rssMB: number; hwmMB: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { cpuSec: (Number(f[11]) + Number(f[12])) / TICKS, rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export function sampleProcess(pid: number, everyMs = 500) {
  const first = read(pid);
  const t0 = performance.now();
  let last = { t: t0, cpu: first?.cpuSec ?? 0 };
  let peakPct = 0,
    peakRss = first?.rssMB ?? 0,
    hwm = first?.hwmMB ?? 0,
    end = first;
  const timer = setInterval(() => {
    const s = read(pid);
    if (!s) return;
    const t = performance.now();
    peakPct = Math.max(peakPct, (100 * (s.cpuSec - last.cpu)) / ((t - last.t) / 1000));
    peakRss = Math.max(peakRss, s.rssMB);
    hwm = s.hwmMB;
    last = { t, cpu: s.cpuSec };
    end = s;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const s = read(pid) ?? end;
      const wallSec = (performance.now() - t0) / 1000;
      const cpuSec = (s?.cpuSec ?? 0) - (first?.cpuSec ?? 0);
      return {
        wallSec,
        cpuSec,
        avgPct: (100 * cpuSec) / wallSec,
        peakPct,
        rssStartMB: first?.rssMB ?? NaN,
        rssPeakMB: Math.max(peakRss, s?.rssMB ?? 0),
        rssEndMB: s?.rssMB ?? NaN,
        hwmMB: Math.max(hwm, s?.hwmMB ?? 0),
      };
    },
  };
}

export type ProcFigures = ReturnType<ReturnType<typeof sampleProcess>['stop']>;

/**
 * The memory floor: the resident size of a Node process that does nothing (the node binary's pages, V8's heap at
 * start), read like the server's, in the same run.
 */
export async function idleNodeRssMB(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1000));
  const rss = read(child.pid!)?.rssMB ?? NaN;
  child.kill();
  return rss;
}

/** The resident size of a process right now (MiB), NaN when it cannot be read. */
export const rssMB = (pid: number): number => read(pid)?.rssMB ?? NaN;

/**
 * The server's environment in the bench, as deployed (scripts/deploy/hcc-queue.service, `npm start`): two malloc
 * arenas (glibc makes one per thread otherwise), a fixed mmap threshold (glibc's moving one kept every freed 2.5 MB
 * ticket image in the heap), a smaller V8 young generation. Together ~50 MiB less RSS after printing and a busy hour.
 * An old-space ceiling (issue 15): below V8's ~2 GiB "large device" mark its heap grows 1.3–1.6× the live data
 * between full collections instead of up to 4×; with ~27 MiB live the server's heap stayed ~40 MiB instead of
 * ~60 MiB after the bench's load. 1 GiB is far above anything the server (or its report worker) holds.
 */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=1024'];

export const SERVER_ENV: Record<string, string> = {
  LOG_LEVEL: 'quiet',
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${SERVER_V8_FLAGS.join(' ')}`.trim(),
};
