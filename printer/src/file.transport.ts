import { constants } from 'node:fs';
import { access, open, realpath, type FileHandle } from 'node:fs/promises';
import { DEVICE_DIR, isDevicePath } from './address.parser.ts';
import type { PrinterStatus, Transport, TransportOptions } from './printer.types.ts';
import { DEFAULT_TIMEOUT_MS } from './printer.types.ts';
import { PrinterError, printerErrorFromErrno } from './printer.error.ts';
import { STATUS_MESSAGES } from './escpos.status.ts';

const CHUNK = 16 * 1024;
const RETRY_MS = 10;
const NO_PERMISSION = 'Không có quyền ghi vào máy in (cần quyền nhóm lp). Vé của bạn vẫn hợp lệ.';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A device node such as /dev/usb/lp0 (or a FIFO / file in tests). Opened non-blocking and
 * without O_CREAT: a blocking write to a stalled printer would pin a libuv thread forever,
 * and O_CREAT would quietly "print" into a new regular file when the printer is unplugged.
 */
export function createFileTransport(path: string, opts: TransportOptions = {}): Transport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = opts.now ?? (() => performance.now());
  const deviceDir = opts.deviceDir ?? DEVICE_DIR;

  /**
   * Checked again when printing, whatever the address passed before: the path and, when it exists, where it
   * really leads (a symlink under /dev/usb/ pointing at /etc/passwd is refused). The resolved path is opened
   * with O_NOFOLLOW, so it cannot be swapped for a symlink in between.
   */
  async function target(): Promise<string> {
    if (!isDevicePath(path, deviceDir))
      throw new PrinterError('printer.bad_address', `${JSON.stringify(path)}: not a printer device`);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return path; // not there (unplugged): open() says offline
    }
    if (!isDevicePath(real, deviceDir))
      throw new PrinterError(
        'printer.bad_address',
        `${JSON.stringify(path)} → ${JSON.stringify(real)}: leads out of ${deviceDir}/`,
      );
    return real;
  }

  async function send(bytes: Uint8Array): Promise<void> {
    const deadline = now() + timeoutMs;
    const file = await target();
    let fh: FileHandle;
    try {
      fh = await open(
        file,
        constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK | constants.O_NOCTTY | constants.O_NOFOLLOW,
      );
    } catch (err) {
      throw mapError(err, 'connect');
    }
    try {
      let off = 0;
      while (off < bytes.length) {
        if (now() > deadline) throw new PrinterError('printer.timeout', `wrote ${off}/${bytes.length} bytes`);
        try {
          const { bytesWritten } = await fh.write(bytes, off, Math.min(CHUNK, bytes.length - off));
          off += bytesWritten;
        } catch (err) {
          // the printer's buffer (or the pipe) is full: wait, within the job's deadline
          if ((err as NodeJS.ErrnoException).code === 'EAGAIN') await sleep(RETRY_MS);
          else throw mapError(err, 'write');
        }
      }
    } finally {
      // close() on a wedged device can block in the driver; it must not stretch the deadline
      const left = Math.max(0, deadline - now());
      await Promise.race([fh.close().catch(() => undefined), sleep(left)]);
    }
  }

  async function status(): Promise<PrinterStatus> {
    try {
      await access(await target(), constants.W_OK);
      // usblp can report paper-out via an ioctl Node cannot call; say so rather than guess.
      return { online: true, paper: 'unknown' };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (err instanceof PrinterError) return { online: false, paper: 'unknown', error: err.message };
      return {
        online: false,
        paper: 'unknown',
        error: code === 'EACCES' ? NO_PERMISSION : STATUS_MESSAGES.unreachable,
      };
    }
  }

  return { send, status };
}

function mapError(err: unknown, phase: 'connect' | 'write'): PrinterError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new PrinterError('printer.io', `${code}`, { cause: err, message: NO_PERMISSION });
  }
  return printerErrorFromErrno(err, phase);
}
