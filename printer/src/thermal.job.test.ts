import { afterEach, describe, expect, it } from 'vitest';
import { printTicket } from './printer.print.ts';
import { sliceRows } from './raster.bits.ts';
import { renderTicket } from './ticket.layout.ts';
import { sampleTicket } from './ticket.preview.ts';
import { buildTicketJob } from './ticket.job.ts';
import { startFakePrinter, type FakePrinter } from './testing/fake-printer.testing.ts';
import { readQr, rowIsBlank, savePng } from './testing/raster.inspect.ts';
import { decodeStarLine, type StarPaper } from './testing/star.decoder.ts';
import { decodeEscPos } from './testing/escpos.decoder.ts';

let printers: FakePrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.map((p) => p.close()));
  printers = [];
});

/** Prints through printTicket and our TCP transport to a fake printer, and reads the bytes as a Star printer. */
async function printOnStar(...args: Parameters<typeof printTicket> extends [string, ...infer R] ? R : never) {
  const p = await startFakePrinter({ dialect: 'star' });
  printers.push(p);
  await printTicket(p.address, ...args);
  const [job] = await p.waitForJobs(1);
  // A Star printer in Star mode does not answer DLE EOT: printTicket was confirmed by the close after our FIN.
  expect(job!.statusRequests).toEqual([4]);
  return decodeStarLine(job!.bytes);
}

/** The printed paper is the rendered ticket (QR in the image), then at most one 24-row band of blank padding. */
function expectTicket(paper: StarPaper, preview: ReturnType<typeof renderTicket>) {
  expect(paper.image.width).toBe(preview.width);
  expect(paper.image.height).toBe(Math.ceil(preview.height / 24) * 24);
  const top = sliceRows(paper.image, 0, preview.height);
  expect(Buffer.from(top.bits).equals(Buffer.from(preview.bits))).toBe(true);
  for (let y = preview.height; y < paper.image.height; y++) expect(rowIsBlank(paper.image, y)).toBe(true);
}

describe('Star Line Mode through node-thermal-printer (model: star)', () => {
  it.each([80, 58] as const)(
    '%s mm: ESC @, ESC 0, ESC k bands of 24 rows, ESC z 1, partial cut — the paper equals the rendered ticket',
    async (mm) => {
      const data = sampleTicket({ priority: true, priorityLabel: 'Người cao tuổi' });
      const paper = await printOnStar(data, { paperWidth: mm, model: 'star' });
      expect(paper.truncated).toBe(false);
      // Nothing a Star printer in Star mode would not understand (no GS v 0, no GS ( k, no GS V).
      expect(paper.commands.filter((c) => c.type === 'unknown')).toEqual([]);
      const kinds = paper.commands.map((c) => c.type);
      expect(kinds.slice(0, 2)).toEqual(['init', 'lineSpacing']);
      expect(paper.commands[1]).toEqual({ type: 'lineSpacing', dots: 24 });
      const images = paper.commands.filter((c) => c.type === 'image');
      expect(images.length).toBe(Math.ceil(renderTicket(data, { paperWidth: mm, qr: 'image' }).height / 24));
      // Bands touch: each starts where the line feed after the previous one left the paper.
      images.forEach((c, i) => expect(c).toEqual({ type: 'image', y: i * 24, width: mm === 80 ? 576 : 384, rows: 24 }));
      expect(paper.commands.filter((c) => c.type === 'cut')).toEqual([{ type: 'cut', partial: true, feedFirst: true }]);
      expect(kinds.indexOf('cut')).toBeGreaterThan(kinds.lastIndexOf('image'));
      // Our TCP transport's confirmation trailer comes last (a Star printer answers or ignores it).
      expect(paper.commands.at(-1)).toEqual({ type: 'epsonStatus', n: 4 });

      const preview = renderTicket(data, { paperWidth: mm, qr: 'image' });
      expectTicket(paper, preview);
      expect(readQr(paper.image)).toBe(data.trackUrl);
      savePng(`star-${mm}mm.png`, paper.image);
    },
  );

  it('text mode is Epson code pages: a Star kiosk still gets the raster ticket', async () => {
    const data = sampleTicket();
    const paper = await printOnStar(data, { model: 'star', mode: 'text', codePage: 'tcvn3' });
    expect(paper.commands.filter((c) => c.type === 'unknown')).toEqual([]);
    expectTicket(paper, renderTicket(data, { qr: 'image' }));
  });

  it('cut: false leaves out the cut', async () => {
    const paper = await printOnStar(sampleTicket(), { model: 'star', cut: false });
    expect(paper.commands.filter((c) => c.type === 'cut')).toEqual([]);
  });

  it('model epson (the default) keeps our own ESC/POS bytes', async () => {
    const p = await startFakePrinter();
    printers.push(p);
    const data = sampleTicket();
    await printTicket(p.address, data, { model: 'epson' });
    const [job] = await p.waitForJobs(1);
    expect(job!.bytes.subarray(0, -3).equals(buildTicketJob(data))).toBe(true);
  });
});

describe('fake printers', () => {
  it('the ESC/POS decoder steps over DEL (0x7f) instead of spinning on it', () => {
    // Star bit image data read as ESC/POS is full of 0x7f; this used to loop forever in the fake printer.
    const { commands } = decodeEscPos(Uint8Array.of(0x41, 0x7f, 0x42));
    expect(commands.map((c) => c.type)).toEqual(['text', 'unknown', 'text']);
  });
});
