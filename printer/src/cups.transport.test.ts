import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCupsTransport } from './cups.transport.ts';
import { printTicket } from './printer.print.ts';
import { PrinterError } from './printer.error.ts';
import { sampleTicket } from './ticket.preview.ts';
import { createFakeLp } from './testing/fake-lp.ts';
import { decodeEscPos } from './testing/escpos.decoder.ts';

describe('CUPS raw transport', () => {
  it('spawns lp -d QUEUE -o raw with the job on stdin', async () => {
    const lp = createFakeLp('ok', 'KIOSK_2');
    try {
      await printTicket('cups://KIOSK_2', sampleTicket(), { paperWidth: 80 }, { env: lp.env });
      expect(lp.args().slice(0, 4)).toEqual(['-d', 'KIOSK_2', '-o', 'raw']);
      const { commands } = decodeEscPos(lp.received()!);
      expect(commands[0]).toEqual({ type: 'init' });
      expect(commands.at(-1)?.type).toBe('cut');
    } finally {
      lp.cleanup();
    }
  });

  it('a machine without CUPS gets a clear Vietnamese message', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-cups-'));
    try {
      const err = (await createCupsTransport('Q', { env: { PATH: empty } })
        .send(Buffer.from('x'))
        .catch((e: unknown) => e)) as PrinterError;
      expect(err).toBeInstanceOf(PrinterError);
      expect(err.code).toBe('printer.io');
      expect(err.message).toMatch(/chưa cài CUPS/);
      const s = await createCupsTransport('Q', { env: { PATH: empty } }).status();
      expect(s.online).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('status reads lpstat', async () => {
    const ok = createFakeLp('ok', 'K');
    const bad = createFakeLp('fail', 'K');
    try {
      expect(await createCupsTransport('K', { env: ok.env }).status()).toEqual({ online: true, paper: 'unknown' });
      const s = await createCupsTransport('K', { env: bad.env }).status();
      expect(s.online).toBe(false);
      expect(s.error).toMatch(/Hàng đợi in "K"/);
    } finally {
      ok.cleanup();
      bad.cleanup();
    }
  });
});
