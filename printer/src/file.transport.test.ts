import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileTransport } from './file.transport.ts';
import { printTicket } from './printer.print.ts';
import { PrinterError } from './printer.error.ts';
import { sampleTicket } from './ticket.preview.ts';
import { decodeEscPos } from './testing/escpos.decoder.ts';

const dir = mkdtempSync(join(tmpdir(), 'printer-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('device file transport', () => {
  it('prints a ticket into the device file', async () => {
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    await printTicket(`file://${path}`, sampleTicket(), { paperWidth: 58 });
    const { commands, truncated } = decodeEscPos(readFileSync(path));
    expect(truncated).toBe(false);
    expect(commands.find((c) => c.type === 'qr')).toMatchObject({ payload: sampleTicket().trackUrl });
  });

  it('never creates the device: an unplugged printer is offline, not a new file', async () => {
    const path = join(dir, 'usb', 'lp9');
    const err = await printTicket(`file://${path}`, sampleTicket()).catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('printer.offline');
    expect(() => readFileSync(path)).toThrow();
  });

  it('a FIFO without a reader is offline (no blocking open)', async () => {
    const path = join(dir, 'noreader');
    execFileSync('mkfifo', [path]);
    const t0 = performance.now();
    const err = await createFileTransport(path, { timeoutMs: 2000 }).send(Buffer.from('x')).catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('printer.offline');
    expect(performance.now() - t0).toBeLessThan(1900); // fails fast, well before its 2 s timeout
  });

  it('the reader going away mid-job → printer.disconnected', async () => {
    const path = join(dir, 'unplug');
    execFileSync('mkfifo', [path]);
    const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const sending = createFileTransport(path, { timeoutMs: 3000 }).send(Buffer.alloc(1024 * 1024, 0x41));
    setTimeout(() => {
      readSync(reader, Buffer.alloc(1000)); // took a little, then the cable is pulled
      closeSync(reader);
    }, 100);
    const err = await sending.catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('printer.disconnected');
    expect((err as PrinterError).message).toBe('Mất kết nối với máy in trong khi in. Vé của bạn vẫn hợp lệ.');
  });
});
