// Before the canvas library: its allocator reads its settings when it loads (canvas.memory.ts).
import './canvas.memory.ts';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { NativeQrPlacement, PrintOptions, TicketPrintData, TicketRaster } from './printer.types.ts';
import { ensureTicketFonts } from './ticket.fonts.ts';
import { ticketLines } from './ticket.text.ts';
import { PLACE_WORDS } from './text.wrap.ts';
import { Composer, geometry, type Op, type QrMatrix } from './ticket.composer.ts';
import { bytesPerRow, setBit, thresholdInto } from './raster.bits.ts';

function qrMatrix(payload: string): QrMatrix {
  const code = QRCode.create(payload || ' ', { errorCorrectionLevel: 'M' });
  return { size: code.modules.size, data: code.modules.data };
}

/**
 * Drawing surfaces kept between tickets. A canvas is native (Skia) memory that V8 does not count, so a fresh
 * one per ticket (2.5 MB at 80 mm) was freed only when a garbage collection happened to run: a busy morning's
 * tickets left the server's RSS ~100 MB higher. One measuring canvas, and one drawing canvas per paper width
 * that grows to the tallest ticket so far; everything is drawn synchronously, so no two tickets share one at once.
 */
let measuring: Canvas | null = null;
const drawing = new Map<number, Canvas>();

function drawingCanvas(width: number, height: number): Canvas {
  const had = drawing.get(width);
  if (had && had.height >= height) return had;
  const c = createCanvas(width, height);
  drawing.set(width, c);
  return c;
}

export interface TicketLayout {
  width: number;
  height: number;
  margin: number;
  ops: Op[];
  nativeQr: NativeQrPlacement | null;
}

/** Where everything goes, before drawing. Exposed so tests can check that nothing is cut. */
export function layoutTicket(data: TicketPrintData, opts: PrintOptions = {}): TicketLayout {
  ensureTicketFonts();
  const g = geometry(opts);
  const t = ticketLines(data);
  measuring ??= createCanvas(8, 8);
  const c = new Composer(measuring.getContext('2d'), g);

  c.gap(14);
  c.paragraph(t.center, 700, 27, { minSize: 20, maxLines: 3, breakBefore: PLACE_WORDS, role: 'center' });
  c.gap(10);
  c.rule(3);
  c.gap(12);
  c.paragraph(t.department, 700, 25, { minSize: 20, maxLines: 3, role: 'department' });
  c.gap(2);
  c.paragraph(t.area, 500, 25, { minSize: 20, maxLines: 3, role: 'area' });
  if (t.procedure) {
    // Procedure names run long ("Đăng ký biến động quyền sử dụng đất, …"): smaller, wrapped, at most four lines.
    c.gap(4);
    c.paragraph(t.procedure, 500, 21, { minSize: 16, maxLines: 4, role: 'procedure' });
  }
  c.gap(16);
  c.paragraph(t.heading, 700, 30, { maxLines: 1, role: 'heading' });
  c.gap(8);
  c.bigNumber(t.number);
  c.gap(16);
  if (t.priority) {
    c.inverted(t.priority, 28);
    c.gap(14);
  }
  c.rule(2);
  c.gap(12);
  c.labelValue(t.waitingLabel, t.waitingValue, 24);
  if (t.estimate) {
    c.gap(4);
    c.paragraph(t.estimate, 500, 23, { minSize: 17 });
  }
  c.gap(4);
  c.paragraph(`Thời gian lấy số: ${t.issuedAt}`, 500, 23, { minSize: 17 });
  const matrix = qrMatrix(t.qrPayload);
  const image = opts.qr === 'image' && opts.mode !== 'text';
  const module = image
    ? Math.max(2, Math.min(8, Math.floor(g.qrMaxDots / matrix.size)))
    : Math.max(1, Math.min(g.nativeModuleDots, Math.floor(g.qrMaxDots / matrix.size)));
  // QR needs a 4-module quiet zone; the printer adds none of its own above or below.
  const quiet = 4 * module;
  c.space(Math.max(quiet, c.px(12)));
  // In native mode it is drawn only so the preview shows what the printer's own QR will look like.
  const at = c.qr(matrix, module);
  const nativeQr: NativeQrPlacement | null = image
    ? null
    : { payload: t.qrPayload, top: at.top, height: at.height, moduleDots: module, ecc: 'M' };
  c.space(quiet);
  c.paragraph(t.qrCaption, 500, 21, { minSize: 16 });
  c.gap(12);
  c.rule(2);
  c.gap(12);
  if (t.checklist.length) {
    // The papers to bring (kiosk setting printChecklist): read at home the evening before, so left-aligned, numbered.
    c.leftParagraph(t.checklistTitle, 700, 22, 'checklist');
    c.gap(6);
    c.list(t.checklist, 20, { maxLines: 3, role: 'checklist' });
    c.gap(6);
    c.rule(2);
    c.gap(12);
  }
  c.paragraph(t.instruction, 600, 23, { minSize: 19, maxLines: 3 });
  c.gap(6);
  c.paragraph(t.thanks, 700, 25, { minSize: 18 });
  c.gap(18);

  return { width: g.width, height: Math.ceil(c.y), margin: g.margin, ops: c.ops, nativeQr };
}

/** Dots around each drawn element that are read back too: anti-aliasing reaches past a glyph's measured ink by ≤ 1. */
const INK_PAD = 2;

type Region = { x: number; y: number; w: number; h: number };

/** The dots an element can touch, padded, clipped to the ticket (integers, for getImageData). */
function region(left: number, top: number, right: number, bottom: number, width: number, height: number): Region {
  const x = Math.max(0, Math.floor(left) - INK_PAD);
  const y = Math.max(0, Math.floor(top) - INK_PAD);
  return {
    x,
    y,
    w: Math.max(0, Math.min(width, Math.ceil(right) + INK_PAD) - x),
    h: Math.max(0, Math.min(height, Math.ceil(bottom) + INK_PAD) - y),
  };
}

/**
 * Renders the ticket to the exact 1-bit raster the printer gets (see docs/printing.md).
 * Only the dots under a drawn element are read back from the canvas (issue 15): reading the whole RGBA surface
 * made a 2–2.5 MB buffer per ticket that only a garbage collection frees, so a run of tickets left tens of MB
 * resident (and counted towards V8's next full collection). The rest of the canvas is paper-white, so the raster is
 * the same dot for dot; `read: 'all'` reads everything, the reference the tests compare with.
 */
export function renderTicket(
  data: TicketPrintData,
  opts: PrintOptions = {},
  read: 'ink' | 'all' = 'ink',
): TicketRaster {
  const layout = layoutTicket(data, opts);
  const { width, height, nativeQr } = layout;
  const canvas = drawingCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // Only the rows this ticket uses are painted and read (the canvas may be taller from an earlier ticket).
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const qrOps: Extract<Op, { kind: 'qr' }>[] = [];
  const inked: Region[] = [];
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      ctx.fillStyle = '#000000';
      ctx.fillRect(op.x, op.y, op.w, op.h);
      inked.push(region(op.x, op.y, op.x + op.w, op.y + op.h, width, height));
    } else if (op.kind === 'text') {
      ctx.fillStyle = op.white ? '#ffffff' : '#000000';
      ctx.font = op.font;
      ctx.textAlign = op.align;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(op.text, op.x, op.y);
      const m = ctx.measureText(op.text);
      const left = op.x - m.actualBoundingBoxLeft;
      const top = op.y - m.actualBoundingBoxAscent;
      inked.push(region(left, top, op.x + m.actualBoundingBoxRight, op.y + m.actualBoundingBoxDescent, width, height));
    } else {
      qrOps.push(op);
    }
  }
  const raster = { width, height, bits: new Uint8Array(bytesPerRow(width) * height) };
  // Overlapping regions (white text on its black band) read the same final pixels twice: setting a dot is idempotent.
  for (const r of read === 'all' ? [{ x: 0, y: 0, w: width, h: height }] : inked)
    if (r.w > 0 && r.h > 0) thresholdInto(raster, ctx.getImageData(r.x, r.y, r.w, r.h).data, r);
  // QR modules are set straight into the bits: no anti-aliasing, exact module edges.
  for (const op of qrOps) {
    for (let my = 0; my < op.matrix.size; my++) {
      for (let mx = 0; mx < op.matrix.size; mx++) {
        if (!op.matrix.data[my * op.matrix.size + mx]) continue;
        for (let dy = 0; dy < op.module; dy++) {
          for (let dx = 0; dx < op.module; dx++) setBit(raster, op.x + mx * op.module + dx, op.y + my * op.module + dy);
        }
      }
    }
  }
  return { ...raster, nativeQr };
}
