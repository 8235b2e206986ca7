import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from './escpos.encoder.ts';
import { encodeCp1258 } from './cp1258.encoder.ts';

/**
 * node-thermal-printer as a reference: our QR and alignment commands are byte for byte what it sends, and
 * its own text encoding is why we encode Vietnamese ourselves (measured here, not assumed).
 */
const require = createRequire(import.meta.url);
const { ThermalPrinter, PrinterTypes } = require('node-thermal-printer') as {
  ThermalPrinter: new (o: object) => {
    printQR(s: string, o: object): void;
    alignCenter(): void;
    println(s: string): void;
    getBuffer(): Buffer;
    clear(): void;
  };
  PrinterTypes: { EPSON: string };
};
const reference = () => new ThermalPrinter({ type: PrinterTypes.EPSON, interface: 'tcp://127.0.0.1:1' });

describe('ESC/POS conformance with node-thermal-printer (Epson)', () => {
  it('QR (GS ( k: model 2, module size, ECC, store, print) is byte-identical', () => {
    const ref = reference();
    ref.printQR('http://10.0.0.2:8080/t/abc', { cellSize: 6, correction: 'M', model: 2 });
    expect(new EscPosBuilder().qr('http://10.0.0.2:8080/t/abc', 6, 'M').build().toString('hex')).toBe(
      ref.getBuffer().toString('hex'),
    );
  });

  it('centre alignment is byte-identical', () => {
    const ref = reference();
    ref.alignCenter();
    expect(new EscPosBuilder().align('center').build().toString('hex')).toBe(ref.getBuffer().toString('hex'));
  });

  it('its text encoding does not produce CP1258 Vietnamese; ours does', () => {
    const ref = reference();
    let theirs: Buffer | null;
    try {
      ref.println('Số thứ tự');
      theirs = ref.getBuffer();
    } catch {
      theirs = null;
    } // it may even throw on some letters
    const ours = Buffer.from(encodeCp1258('Số thứ tự'));
    expect(theirs === null || !theirs.includes(ours)).toBe(true);
  });
});
