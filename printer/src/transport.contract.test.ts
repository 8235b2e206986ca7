import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transport, TransportOptions } from './printer.types.ts';
import { PrinterError } from './printer.error.ts';
import { createTransport } from './transport.factory.ts';
import { parsePrinterAddress } from './address.parser.ts';
import { buildTicketJob } from './ticket.job.ts';
import { sampleTicket } from './ticket.preview.ts';
import { startFakePrinter } from './testing/fake-printer.testing.ts';
import { createFakeLp } from './testing/fake-lp.ts';

/**
 * Every transport must: deliver the exact job bytes, report status, fail with
 * printer.offline when nothing is there, and printer.timeout (within the budget) when
 * the far end accepts but never takes the data.
 */
interface Target {
  address: string;
  options?: TransportOptions;
  /** Bytes that arrived, once send() has resolved. */
  received?: () => Promise<Buffer>;
  cleanup: () => Promise<void> | void;
}
interface Harness {
  name: string;
  healthy(): Promise<Target>;
  missing(): Promise<Target>;
  stalled(): Promise<Target>;
  /** What the transport adds after the job (tcp: DLE EOT 4). */
  trailer: Buffer;
}

// The tests' "/dev" (device files only count under it, with a printer's name: usb/*).
const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'printer-contract-')));
mkdirSync(join(tmp, 'usb'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let seq = 0;
const tmpPath = (name: string) => join(tmp, 'usb', `${seq++}-${name}`);
const devices: TransportOptions = { deviceDir: tmp };

const harnesses: Harness[] = [
  {
    name: 'tcp',
    trailer: Buffer.from([0x10, 0x04, 0x04]),
    async healthy() {
      const p = await startFakePrinter();
      return {
        address: p.address,
        received: async () => (await p.waitForJobs(1))[0]!.bytes,
        cleanup: () => p.close(),
      };
    },
    async missing() {
      const p = await startFakePrinter({ mode: 'refuse' });
      return { address: p.address, cleanup: () => p.close() };
    },
    async stalled() {
      const p = await startFakePrinter({ mode: 'stall' });
      return { address: p.address, cleanup: () => p.close() };
    },
  },
  {
    name: 'file',
    trailer: Buffer.alloc(0),
    async healthy() {
      const path = tmpPath('lp0');
      writeFileSync(path, '');
      return {
        address: `file://${path}`,
        options: devices,
        received: async () => readFileSync(path),
        cleanup: () => rmSync(path, { force: true }),
      };
    },
    async missing() {
      return { address: `file://${tmpPath('unplugged')}`, options: devices, cleanup: () => undefined };
    },
    async stalled() {
      // A FIFO whose reader never reads: the pipe fills up like a printer's buffer.
      const path = tmpPath('fifo');
      execFileSync('mkfifo', [path]);
      const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      return { address: `file://${path}`, options: devices, cleanup: () => closeSync(reader) };
    },
  },
  {
    name: 'cups (fake lp on PATH)',
    trailer: Buffer.alloc(0),
    async healthy() {
      const lp = createFakeLp('ok', 'KIOSK1');
      return {
        address: 'cups://KIOSK1',
        options: { env: lp.env },
        received: async () => {
          expect(lp.args()).toEqual(['-d', 'KIOSK1', '-o', 'raw', '-t', 've-xep-hang']);
          return lp.received()!;
        },
        cleanup: () => lp.cleanup(),
      };
    },
    async missing() {
      const lp = createFakeLp('fail', 'NOPE');
      return { address: 'cups://NOPE', options: { env: lp.env }, cleanup: () => lp.cleanup() };
    },
    async stalled() {
      const lp = createFakeLp('stall', 'KIOSK1');
      return { address: 'cups://KIOSK1', options: { env: lp.env }, cleanup: () => lp.cleanup() };
    },
  },
];

const transportFor = (t: Target, timeoutMs: number): Transport =>
  createTransport(parsePrinterAddress(t.address, t.options?.deviceDir ? { deviceDir: t.options.deviceDir } : {}), {
    statusTimeoutMs: 300,
    ...t.options,
    timeoutMs,
  });

async function expectPrinterError(p: Promise<unknown>, code: string): Promise<PrinterError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrinterError);
  expect((err as PrinterError).code).toBe(code);
  expect((err as PrinterError).message).toMatch(/[ạ-ỹđ]/u); // Vietnamese, with diacritics
  return err as PrinterError;
}

const job = buildTicketJob(sampleTicket(), { paperWidth: 80 });
// Bigger than a pipe (64 KiB) and a socket's buffers together, so a stall really stalls.
const bigJob = Buffer.concat([job, Buffer.alloc(4 * 1024 * 1024 - job.length)]);

describe.each(harnesses)('transport contract: $name', (h) => {
  it('delivers the exact job bytes', async () => {
    const t = await h.healthy();
    try {
      await transportFor(t, 3000).send(job);
      const got = await t.received!();
      expect(got.length).toBe(job.length + h.trailer.length);
      expect(got.subarray(0, job.length).equals(job)).toBe(true);
      expect(got.subarray(job.length).equals(h.trailer)).toBe(true);
    } finally {
      await t.cleanup();
    }
  });

  it('reports a healthy printer as online', async () => {
    const t = await h.healthy();
    try {
      const s = await transportFor(t, 3000).status();
      expect(s.online).toBe(true);
      expect(['ok', 'near_end', 'unknown']).toContain(s.paper);
    } finally {
      await t.cleanup();
    }
  });

  it('fails with printer.offline when nothing is there, quickly', async () => {
    const t = await h.missing();
    try {
      const started = performance.now();
      await expectPrinterError(transportFor(t, 3000).send(job), 'printer.offline');
      expect(performance.now() - started).toBeLessThan(3500);
      const s = await transportFor(t, 3000).status();
      expect(s.online).toBe(false);
      expect(s.error).toBeTruthy();
    } finally {
      await t.cleanup();
    }
  });

  it('fails with printer.timeout within timeoutMs when the far end stalls', async () => {
    const t = await h.stalled();
    try {
      const started = performance.now();
      await expectPrinterError(transportFor(t, 600).send(bigJob), 'printer.timeout');
      const took = performance.now() - started;
      expect(took).toBeLessThan(600 + 2000); // within the timeout, with slack for a loaded CI machine
    } finally {
      await t.cleanup();
    }
  });
});
