import type { PrintOptions, TicketPrintData } from './printer.types.ts';
import { EscPosBuilder } from './escpos.encoder.ts';
import { encodeCp1258 } from './cp1258.encoder.ts';
import { encodeTcvn3Runs } from './tcvn3.encoder.ts';
import { splitGraphemes, wrapText } from './text.wrap.ts';
import { ticketLines } from './ticket.text.ts';

/** Epson ESC t numbers; clones differ (see docs/printing.md), which is why raster is the default. */
export const CODE_PAGE_NUMBERS = { cp1258: 52, tcvn3: 30, tcvn3Capitals: 31 } as const;

/** Font A is 12 dots wide: 576/12 = 48 columns on 80 mm, 384/12 = 32 on 58 mm. */
export function columnsFor(opts: PrintOptions): number {
  return opts.paperWidth === 58 ? 32 : 48;
}

const columns = (s: string) => splitGraphemes(s).length;

class TextTicket {
  readonly b = new EscPosBuilder();
  constructor(
    private readonly codePage: 'cp1258' | 'tcvn3',
    readonly cols: number,
  ) {}
  start(): void {
    this.b.init();
    this.b.codePage(this.codePage === 'cp1258' ? CODE_PAGE_NUMBERS.cp1258 : CODE_PAGE_NUMBERS.tcvn3);
  }
  /** Encodes with our own tables; TCVN3 switches to the capitals page only around toned capitals. */
  encoded(text: string): void {
    if (this.codePage === 'cp1258') {
      this.b.text(encodeCp1258(text));
      return;
    }
    for (const run of encodeTcvn3Runs(text)) {
      if (run.capitals) this.b.codePage(CODE_PAGE_NUMBERS.tcvn3Capitals);
      this.b.text(run.bytes);
      if (run.capitals) this.b.codePage(CODE_PAGE_NUMBERS.tcvn3);
    }
  }
  line(text: string, opts: { bold?: boolean; scale?: number; reverse?: boolean } = {}): void {
    const scale = opts.scale ?? 1;
    if (opts.bold) this.b.bold(true);
    if (scale > 1) this.b.size(scale, scale);
    if (opts.reverse) this.b.raw([0x1d, 0x42, 1]);
    for (const l of wrapText(text, Math.floor(this.cols / scale), columns)) {
      this.encoded(l);
      this.b.newline();
    }
    if (opts.reverse) this.b.raw([0x1d, 0x42, 0]);
    if (scale > 1) this.b.size(1, 1);
    if (opts.bold) this.b.bold(false);
  }
  rule(): void {
    this.b.text(new TextEncoder().encode('-'.repeat(this.cols)));
    this.b.newline();
  }
}

/** The same ticket in printer fonts, for sites that must not send images. */
export function buildTextTicketJob(data: TicketPrintData, opts: PrintOptions = {}): Buffer {
  const t = ticketLines(data);
  const p = new TextTicket(opts.codePage ?? 'cp1258', columnsFor(opts));
  p.start();
  p.b.align('center');
  p.line(t.center, { bold: true });
  p.rule();
  p.line(t.department, { bold: true });
  p.line(t.area);
  if (t.procedure) p.line(t.procedure);
  p.b.newline();
  p.line(t.heading, { bold: true });
  const scale = Math.max(1, Math.min(8, Math.floor(p.cols / Math.max(1, columns(t.number)))));
  p.line(t.number, { bold: true, scale });
  if (t.priority) p.line(t.priority, { bold: true, reverse: true });
  p.rule();
  p.line(`${t.waitingLabel} ${t.waitingValue}`);
  if (t.estimate) p.line(t.estimate);
  p.line(`Thời gian lấy số: ${t.issuedAt}`);
  p.b.newline();
  p.b.qr(t.qrPayload, opts.paperWidth === 58 ? 5 : 6, 'M');
  p.b.newline();
  p.line(t.qrCaption);
  p.rule();
  if (t.checklist.length) {
    p.b.align('left');
    p.line(t.checklistTitle, { bold: true });
    t.checklist.forEach((d, i) => p.line(d.startsWith('…') ? d : `${i + 1}. ${d}`));
    p.b.align('center');
    p.rule();
  }
  p.line(t.instruction);
  p.line(t.thanks, { bold: true });
  p.b.align('left');
  p.b.feed(4);
  if (opts.cut !== false) p.b.cut();
  return p.b.build();
}
