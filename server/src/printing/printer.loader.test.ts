import { afterAll, describe, expect, it, vi } from 'vitest';
import { startFakePrinter, type FakePrinter } from '../../../printer/src/testing/fake-printer.testing.ts';

// Which of the heavy libraries the server's printer glue has loaded so far: each factory runs on the first import.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@napi-rs/canvas', async (importOriginal) => {
  loaded.add('canvas');
  return importOriginal();
});
vi.mock('node-thermal-printer', async (importOriginal) => {
  loaded.add('node-thermal-printer');
  return importOriginal();
});
vi.mock('socket.io-client', async (importOriginal) => {
  loaded.add('socket.io-client');
  return importOriginal();
});

const printers: FakePrinter[] = [];
afterAll(async () => {
  for (const p of printers) await p.close();
});

// The tests run in order: each checks what the steps so far have loaded (issue 15: what is loaded but unused).
describe('the printer module is loaded in parts, on first use (issue 15)', () => {
  it('importing the glue loads nothing of printer/', async () => {
    await import('./printer.loader.ts');
    expect([...loaded]).toEqual([]);
  });

  it('a status probe (DLE EOT) loads the transports only: no canvas, no fonts, no print agent client', async () => {
    const { defaultPrinterExtras } = await import('./printer.loader.ts');
    const fp = await startFakePrinter();
    printers.push(fp);
    expect(await defaultPrinterExtras.status!(fp.address, 2000)).toMatchObject({ online: true });
    expect([...loaded]).toEqual([]);
  });

  it('an Epson ticket loads the canvas, but neither node-thermal-printer nor the agent client', async () => {
    const { defaultPrintDriver } = await import('./printer.loader.ts');
    const { sampleTicket } = await import('../../../printer/src/ticket.preview.ts');
    const fp = await startFakePrinter();
    printers.push(fp);
    await defaultPrintDriver(fp.address, sampleTicket(), { paperWidth: 80 });
    expect((await fp.waitForJobs(1, 3000))[0]!.bytes.length).toBeGreaterThan(1000);
    expect([...loaded]).toEqual(['canvas']);
  });

  it('a Star ticket loads node-thermal-printer when it is needed, and prints', async () => {
    const { defaultPrintDriver } = await import('./printer.loader.ts');
    const { sampleTicket } = await import('../../../printer/src/ticket.preview.ts');
    const fp = await startFakePrinter({ dialect: 'star' });
    printers.push(fp);
    await defaultPrintDriver(fp.address, sampleTicket(), { paperWidth: 80, model: 'star' });
    expect((await fp.waitForJobs(1, 3000))[0]!.bytes.length).toBeGreaterThan(1000);
    expect([...loaded].sort()).toEqual(['canvas', 'node-thermal-printer']);
    expect(loaded.has('socket.io-client')).toBe(false);
  });
});
