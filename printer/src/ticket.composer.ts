/** Top-to-bottom layout of ticket elements; measures with canvas so heights are exact. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { dotsForPaper, type PrintOptions } from './printer.types.ts';
import { fontSpec, type FontWeight } from './ticket.fonts.ts';
import { fitParagraph, withEllipsis, wrapText, type Measure } from './text.wrap.ts';

export type Ctx = SKRSContext2D;
export interface QrMatrix {
  size: number;
  data: Uint8Array;
}
export type Op =
  | {
      kind: 'text';
      text: string;
      font: string;
      x: number;
      y: number;
      align: 'center' | 'left';
      white?: boolean;
      role?: string;
      top: number;
      bottom: number;
    }
  | { kind: 'rect'; x: number; y: number; w: number; h: number }
  | { kind: 'qr'; x: number; y: number; module: number; matrix: QrMatrix };

/** Sizes in dots for 80 mm; 58 mm scales them down but keeps a readable floor. */
export interface Geometry {
  width: number;
  margin: number;
  k: number;
  numberMaxHeight: number;
  qrMaxDots: number;
  nativeModuleDots: number;
}

export function geometry(opts: PrintOptions): Geometry {
  const width = dotsForPaper(opts.paperWidth);
  return width === 384
    ? { width, margin: 10, k: 0.78, numberMaxHeight: 130, qrMaxDots: 180, nativeModuleDots: 5 }
    : { width, margin: 22, k: 1, numberMaxHeight: 185, qrMaxDots: 210, nativeModuleDots: 6 };
}

/** Lays ops out top to bottom with a measuring context, so the canvas is made at its exact height. */
export class Composer {
  y = 0;
  readonly ops: Op[] = [];
  readonly contentWidth: number;
  constructor(
    private readonly ctx: Ctx,
    readonly g: Geometry,
  ) {
    this.contentWidth = g.width - 2 * g.margin;
  }
  px(n: number): number {
    return Math.max(12, Math.round(n * this.g.k));
  }
  measurer(weight: FontWeight): (size: number) => Measure {
    return (size) => {
      const font = fontSpec(weight, size);
      return (text) => {
        this.ctx.font = font;
        return this.ctx.measureText(text).width;
      };
    };
  }
  /** Ascent/descent of the font box: tall enough for stacked marks (Ấ, Ễ) and dots below (ặ). */
  lineBox(font: string, text: string): { ascent: number; descent: number } {
    this.ctx.font = font;
    const m = this.ctx.measureText(text || 'Ấg');
    const ascent = Math.max(m.fontBoundingBoxAscent || 0, m.actualBoundingBoxAscent);
    const descent = Math.max(m.fontBoundingBoxDescent || 0, m.actualBoundingBoxDescent);
    return { ascent: Math.ceil(ascent), descent: Math.ceil(descent) };
  }
  /** Exact dots, not scaled with the paper width. */
  space(dots: number): void {
    this.y += Math.round(dots);
  }
  gap(n: number): void {
    this.y += Math.round(n * this.g.k);
  }
  rule(thickness = 2): void {
    this.ops.push({ kind: 'rect', x: this.g.margin, y: this.y, w: this.contentWidth, h: thickness });
    this.y += thickness;
  }
  paragraph(
    text: string,
    weight: FontWeight,
    maxSize: number,
    opts: {
      minSize?: number;
      maxLines?: number;
      width?: number;
      white?: boolean;
      balanced?: boolean;
      breakBefore?: RegExp;
      role?: string;
    } = {},
  ): void {
    if (!text) return;
    const width = opts.width ?? this.contentWidth;
    const fit = fitParagraph(text, width, this.measurer(weight), {
      maxSize: this.px(maxSize),
      minSize: this.px(opts.minSize ?? maxSize * 0.7),
      maxLines: opts.maxLines ?? 2,
      balanced: opts.balanced ?? true,
      ...(opts.breakBefore ? { breakBefore: opts.breakBefore } : {}),
    });
    const font = fontSpec(weight, fit.size);
    for (const line of fit.lines) {
      const box = this.lineBox(font, line);
      const top = this.y;
      this.ops.push({
        kind: 'text',
        text: line,
        font,
        x: this.g.width / 2,
        y: top + box.ascent,
        align: 'center',
        white: opts.white,
        role: opts.role,
        top,
        bottom: top + box.ascent + box.descent,
      });
      this.y += box.ascent + box.descent;
    }
  }
  /** The ticket number: as large as fits both the width and the height budget, never wrapped. */
  bigNumber(text: string): void {
    let size = 320;
    for (; size > 20; size -= 2) {
      this.ctx.font = fontSpec(800, size);
      const m = this.ctx.measureText(text);
      const inkWidth = Math.max(m.width, m.actualBoundingBoxLeft + m.actualBoundingBoxRight);
      const inkHeight = m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
      if (inkWidth <= this.contentWidth && inkHeight <= this.g.numberMaxHeight) break;
    }
    const font = fontSpec(800, size);
    this.ctx.font = font;
    const m = this.ctx.measureText(text);
    const ascent = Math.ceil(m.actualBoundingBoxAscent);
    const descent = Math.ceil(m.actualBoundingBoxDescent);
    this.ops.push({
      kind: 'text',
      text,
      font,
      x: this.g.width / 2,
      y: this.y + ascent,
      align: 'center',
      role: 'number',
      top: this.y,
      bottom: this.y + ascent + descent,
    });
    this.y += ascent + descent;
  }
  /** Black band with white text: the mark a clerk spots from across the counter. */
  inverted(text: string, size: number): void {
    const pad = Math.round(10 * this.g.k);
    const top = this.y;
    const rect: Op = { kind: 'rect', x: this.g.margin, y: top, w: this.contentWidth, h: 0 };
    this.ops.push(rect);
    this.y += pad;
    this.paragraph(text, 800, size, { width: this.contentWidth - 2 * pad, white: true, maxLines: 2 });
    this.y += pad;
    rect.h = this.y - top;
  }
  /** "label: value" on one line with a bold value, or two lines when it does not fit. */
  labelValue(label: string, value: string, size: number): void {
    const s = this.px(size);
    const lf = fontSpec(500, s);
    const vf = fontSpec(800, Math.round(s * 1.25));
    this.ctx.font = lf;
    const lw = this.ctx.measureText(`${label} `).width;
    this.ctx.font = vf;
    const vw = this.ctx.measureText(value).width;
    if (lw + vw > this.contentWidth) {
      this.paragraph(label, 500, size);
      this.paragraph(value, 800, size * 1.25);
      return;
    }
    const box = this.lineBox(vf, value);
    const lbox = this.lineBox(lf, label);
    const ascent = Math.max(box.ascent, lbox.ascent);
    const x0 = (this.g.width - (lw + vw)) / 2;
    const bottom = this.y + ascent + Math.max(box.descent, lbox.descent);
    this.ops.push({
      kind: 'text',
      text: label,
      font: lf,
      x: x0,
      y: this.y + ascent,
      align: 'left',
      top: this.y,
      bottom,
    });
    this.ops.push({
      kind: 'text',
      text: value,
      font: vf,
      x: x0 + lw,
      y: this.y + ascent,
      align: 'left',
      top: this.y,
      bottom,
    });
    this.y += ascent + Math.max(box.descent, lbox.descent);
  }
  /**
   * A numbered list, left-aligned with a hanging indent (numbers in their own column, lines wrapped to the paper);
   * an item longer than `maxLines` ends its last line with "…".
   */
  list(items: string[], size: number, opts: { maxLines: number; role?: string }): void {
    const s = this.px(size);
    const font = fontSpec(500, s);
    const measure = this.measurer(500)(s);
    const indent = Math.ceil(measure(`${items.length}. `));
    const width = this.contentWidth - indent;
    items.forEach((item, i) => {
      let lines = wrapText(item, width, measure);
      if (lines.length > opts.maxLines)
        lines = [...lines.slice(0, opts.maxLines - 1), withEllipsis(lines[opts.maxLines - 1]!, width, measure)];
      lines.forEach((line, j) => {
        const box = this.lineBox(font, line);
        const top = this.y;
        const bottom = top + box.ascent + box.descent;
        const at = { font, y: top + box.ascent, align: 'left' as const, role: opts.role, top, bottom };
        // The "…" line of a capped list carries no number of its own.
        if (j === 0 && !item.startsWith('…'))
          this.ops.push({ kind: 'text', text: `${i + 1}.`, x: this.g.margin, ...at });
        this.ops.push({ kind: 'text', text: line, x: this.g.margin + indent, ...at });
        this.y = bottom;
      });
      this.y += Math.round(3 * this.g.k);
    });
  }
  /** Left-aligned text, wrapped to the paper (a list's title). */
  leftParagraph(text: string, weight: FontWeight, size: number, role?: string): void {
    const s = this.px(size);
    const font = fontSpec(weight, s);
    for (const line of wrapText(text, this.contentWidth, this.measurer(weight)(s))) {
      const box = this.lineBox(font, line);
      const top = this.y;
      this.ops.push({
        kind: 'text',
        text: line,
        font,
        x: this.g.margin,
        y: top + box.ascent,
        align: 'left',
        role,
        top,
        bottom: top + box.ascent + box.descent,
      });
      this.y += box.ascent + box.descent;
    }
  }
  qr(matrix: QrMatrix, module: number): { top: number; height: number } {
    const dots = matrix.size * module;
    const top = this.y;
    this.ops.push({ kind: 'qr', x: Math.floor((this.g.width - dots) / 2), y: top, module, matrix });
    this.y += dots;
    return { top, height: dots };
  }
}
