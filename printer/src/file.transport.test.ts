import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileTransport } from './file.transport.ts';
import { printTicket } from './printer.print.ts';
import { PrinterError } from './printer.error.ts';
import { sampleTicket } from './ticket.preview.ts';
import { decodeEscPos } from './testing/escpos.decoder.ts';

// The tests' "/dev": device files must live under it with a printer's name (usb/*, lp*, ttyUSB*, …).
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'printer-file-')));
mkdirSync(join(dir, 'usb'));
const devices = { deviceDir: dir };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('device file transport', () => {
  it('prints a ticket into the device file', async () => {
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    await printTicket(`file://${path}`, sampleTicket(), { paperWidth: 58 }, devices);
    const { commands, truncated } = decodeEscPos(readFileSync(path));
    expect(truncated).toBe(false);
    expect(commands.find((c) => c.type === 'qr')).toMatchObject({ payload: sampleTicket().trackUrl });
  });

  it('never creates the device: an unplugged printer is offline, not a new file', async () => {
    const path = join(dir, 'usb', 'lp9');
    const err = await printTicket(`file://${path}`, sampleTicket(), {}, devices).catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('printer.offline');
    expect(() => readFileSync(path)).toThrow();
  });

  it('a FIFO without a reader is offline (no blocking open)', async () => {
    const path = join(dir, 'usb', 'noreader');
    execFileSync('mkfifo', [path]);
    const t0 = performance.now();
    const err = await createFileTransport(path, { timeoutMs: 2000, ...devices })
      .send(Buffer.from('x'))
      .catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('printer.offline');
    expect(performance.now() - t0).toBeLessThan(1900); // fails fast, well before its 2 s timeout
  });

  it('the reader going away mid-job → printer.disconnected', async () => {
    const path = join(dir, 'usb', 'unplug');
    execFileSync('mkfifo', [path]);
    const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const sending = createFileTransport(path, { timeoutMs: 3000, ...devices }).send(Buffer.alloc(1024 * 1024, 0x41));
    setTimeout(() => {
      readSync(reader, Buffer.alloc(1000)); // took a little, then the cable is pulled
      closeSync(reader);
    }, 100);
    const err = await sending.catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('printer.disconnected');
    expect((err as PrinterError).message).toBe('Mất kết nối với máy in trong khi in. Vé của bạn vẫn hợp lệ.');
  });

  // Issue 11, defect 11: whatever an address passed before, printing opens only a printer device.
  it('refuses, at print time, a path that is not a printer device, and a symlink leading out of the device directory', async () => {
    const outside = join(dir, 'passwd');
    writeFileSync(outside, 'root:x:0:0\n');
    symlinkSync(outside, join(dir, 'usb', 'lp5'));
    for (const path of [outside, join(dir, 'usb', 'lp5'), join(dir, 'usb', '..', 'passwd')]) {
      const err = await createFileTransport(path, { timeoutMs: 1000, ...devices })
        .send(Buffer.from('GHI ĐÈ'))
        .catch((e: unknown) => e);
      expect((err as PrinterError).code, path).toBe('printer.bad_address');
      expect((await createFileTransport(path, devices).status()).online).toBe(false);
    }
    expect(readFileSync(outside, 'utf8')).toBe('root:x:0:0\n');
  });

  it('follows a symlink that stays among the printer devices (udev names)', async () => {
    const real = join(dir, 'usb', 'lp7');
    writeFileSync(real, '');
    symlinkSync(real, join(dir, 'usb', 'epson'));
    await createFileTransport(join(dir, 'usb', 'epson'), { timeoutMs: 1000, ...devices }).send(Buffer.from('OK'));
    expect(readFileSync(real, 'utf8')).toBe('OK');
  });
});
