import { spawn, type ChildProcess } from 'node:child_process';
import type { PrinterStatus, Transport, TransportOptions } from './printer.types.ts';
import { DEFAULT_TIMEOUT_MS } from './printer.types.ts';
import { PrinterError } from './printer.error.ts';

const NO_CUPS = 'Máy tính này chưa cài CUPS (không tìm thấy lệnh lp). Vé của bạn vẫn hợp lệ.';

/** Own process group, so a timeout kills lp and anything it started. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function run(cmd: string, args: string[], input: Uint8Array | null, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      killGroup(child);
      reject(new PrinterError('printer.timeout', `${cmd} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      reject(new PrinterError('printer.io', err.message, missing ? { cause: err, message: NO_CUPS } : { cause: err }));
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // lp may exit before reading everything (bad queue): EPIPE here is reported by its exit code
    child.stdin?.on('error', () => undefined);
    if (input) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/**
 * CUPS raw queue: `lp -d QUEUE -o raw`. Success means CUPS queued the job, not that
 * paper came out; CUPS does not report paper state for raw queues.
 */
export function createCupsTransport(queue: string, opts: TransportOptions = {}): Transport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const statusTimeoutMs = opts.statusTimeoutMs ?? Math.min(1500, timeoutMs);
  const env = opts.env ?? process.env;

  async function send(bytes: Uint8Array): Promise<void> {
    const r = await run('lp', ['-d', queue, '-o', 'raw', '-t', 've-xep-hang'], bytes, env, timeoutMs);
    if (r.code === 0) return;
    const detail = `lp exit ${r.code}: ${r.stderr.trim()}`;
    if (/does not exist|not accepting|no such|unknown|disabled|stopped|unable to connect|scheduler/i.test(r.stderr)) {
      throw new PrinterError('printer.offline', detail);
    }
    throw new PrinterError('printer.io', detail);
  }

  async function status(): Promise<PrinterStatus> {
    try {
      const r = await run('lpstat', ['-p', queue], null, env, statusTimeoutMs);
      if (r.code !== 0)
        return { online: false, paper: 'unknown', error: `Hàng đợi in "${queue}" không tồn tại hoặc CUPS không chạy.` };
      if (/disabled|stopped/i.test(r.stdout))
        return { online: false, paper: 'unknown', error: `Hàng đợi in "${queue}" đang tạm dừng.` };
      return { online: true, paper: 'unknown' };
    } catch (err) {
      return { online: false, paper: 'unknown', error: err instanceof PrinterError ? err.message : String(err) };
    }
  }

  return { send, status };
}
