import type { PrinterAddress } from './printer.types.ts';
import { PrinterError } from './printer.error.ts';

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** CUPS allows more, but a name that starts with "-" would read as an option to `lp`. */
const QUEUE = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,126}$/;

/**
 * The device files a receipt printer appears as, relative to /dev: USB printer class (usblp: usb/lp0, or a udev
 * name under usb/), parallel ports, USB-serial adapters, serial ports, CDC-ACM, and the stable udev names
 * docs/deployment.md suggests (hcc-printer, serial/by-id/…). Nothing else under /dev (disks, /dev/mem,
 * /dev/fd/…), and nothing outside it: a printer address must never be a way to write a file.
 */
const DEVICE_NAME = new RegExp(
  '^(?:' +
    [
      'usb/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}',
      'lp\\d{1,3}',
      'ttyUSB\\d{1,3}',
      'ttyS\\d{1,3}',
      'ttyACM\\d{1,3}',
      'hcc-printer[A-Za-z0-9_-]{0,32}',
      'serial/by-(?:id|path)/[A-Za-z0-9_][A-Za-z0-9_.:+-]{0,127}',
    ].join('|') +
    ')$',
);
export const DEVICE_DIR = '/dev';

/**
 * Whether `path` names a printer device file: absolute, already normal (no `.`, `..`, `//`, trailing `/`),
 * directly under `deviceDir` (tests use a temporary directory) and of a printer's kind. Pure: the print-time
 * check (file.transport.ts) applies it again to the realpath, so a symlink cannot lead out of /dev.
 */
export function isDevicePath(path: string, deviceDir = DEVICE_DIR): boolean {
  if (!path.startsWith(`${deviceDir}/`) || path.includes('\0')) return false;
  const rel = path.slice(deviceDir.length + 1);
  if (rel.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return false;
  return DEVICE_NAME.test(rel);
}

function bad(s: string, why: string): never {
  throw new PrinterError('printer.bad_address', `${JSON.stringify(s)}: ${why}`);
}

function devicePath(s: string, path: string, deviceDir: string): PrinterAddress {
  if (!isDevicePath(path, deviceDir))
    bad(s, `not a printer device under ${deviceDir}/ (usb/lp*, lp*, ttyUSB*, ttyS*, ttyACM*)`);
  return { kind: 'file', path };
}

export interface ParseOptions {
  /** Where device files live; /dev except in tests. */
  deviceDir?: string;
}

/** tcp://host[:port] (default 9100) | /dev/usb/lp0 (or file:///dev/usb/lp0) and the other printer devices | cups://QUEUE */
export function parsePrinterAddress(input: string, opts: ParseOptions = {}): PrinterAddress {
  const s = (typeof input === 'string' ? input : '').trim();
  const deviceDir = opts.deviceDir ?? DEVICE_DIR;
  if (s.startsWith('/')) return devicePath(s, s, deviceDir);
  const m = /^([a-z]+):\/\/(.*)$/i.exec(s);
  if (!m) bad(s, 'no scheme');
  const scheme = m[1]!.toLowerCase();
  const rest = m[2]!;
  if (scheme === 'tcp') {
    const hp = /^(\[[0-9A-Fa-f:.]+\]|[^:/[\]]+)(?::(\d{1,5}))?\/?$/.exec(rest);
    if (!hp) bad(s, 'host:port');
    const rawHost = hp[1]!;
    const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
    const port = hp[2] === undefined ? 9100 : Number(hp[2]);
    if (!rawHost.startsWith('[') && !HOST.test(host)) bad(s, 'host');
    if (!Number.isInteger(port) || port < 1 || port > 65535) bad(s, 'port');
    return { kind: 'tcp', host, port };
  }
  if (scheme === 'file') {
    if (!rest.startsWith('/') || rest.length < 2 || rest.includes('\0')) bad(s, 'absolute path');
    let path: string;
    try {
      path = decodeURIComponent(rest);
    } catch {
      bad(s, 'path encoding');
    }
    // Checked after decoding: %2F..%2F is as much a way out as /../.
    return devicePath(s, path, deviceDir);
  }
  if (scheme === 'cups') {
    const queue = rest.replace(/\/$/, '');
    if (!QUEUE.test(queue)) bad(s, 'queue name');
    return { kind: 'cups', queue };
  }
  bad(s, `scheme ${scheme}`);
}

export function formatPrinterAddress(a: PrinterAddress): string {
  if (a.kind === 'tcp') return `tcp://${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
  if (a.kind === 'file') return `file://${a.path}`;
  return `cups://${a.queue}`;
}
