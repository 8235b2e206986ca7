import type { PrinterAddress } from './printer.types.ts';
import { PrinterError } from './printer.error.ts';

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** CUPS allows more, but a name that starts with "-" would read as an option to `lp`. */
const QUEUE = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,126}$/;

function bad(s: string, why: string): never {
  throw new PrinterError('printer.bad_address', `${JSON.stringify(s)}: ${why}`);
}

/** tcp://host[:port] (default 9100) | file:///dev/usb/lp0 | /dev/… | cups://QUEUE */
export function parsePrinterAddress(input: string): PrinterAddress {
  const s = (input ?? '').trim();
  if (s.startsWith('/dev/')) {
    if (s.length <= 5 || s.includes('\0') || s.split('/').includes('..')) bad(s, 'device path');
    return { kind: 'file', path: s };
  }
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
    return { kind: 'file', path };
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
