import { describe, expect, it, vi } from 'vitest';
import type { TicketPrintData } from './printer.types.ts';

// Counts the drawing surfaces made: each is native (Skia) memory V8 does not see, freed only by a later GC; and the
// bytes read back from them (getImageData): each read is a new buffer outside the V8 heap, also freed only by a GC.
const made = vi.hoisted(() => ({ n: 0, readBytes: 0 }));
vi.mock('@napi-rs/canvas', async (importOriginal) => {
  const real = await importOriginal<typeof import('@napi-rs/canvas')>();
  return {
    ...real,
    createCanvas: (w: number, h: number) => {
      made.n++;
      const canvas = real.createCanvas(w, h);
      const ctx = canvas.getContext('2d');
      const read = ctx.getImageData.bind(ctx) as (x: number, y: number, w: number, h: number) => ImageData;
      ctx.getImageData = ((x: number, y: number, rw: number, rh: number) => {
        made.readBytes += rw * rh * 4;
        return read(x, y, rw, rh);
      }) as typeof ctx.getImageData;
      return canvas;
    },
  };
});
const { renderTicket } = await import('./ticket.layout.ts');
const { sampleTicket } = await import('./ticket.preview.ts');

const TALL: Partial<TicketPrintData> = {
  centerName: 'Trung tâm Phục vụ hành chính công và Xúc tiến đầu tư thành phố Hồ Chí Minh (cơ sở 2, Thủ Đức)',
  areaName: 'Đất đai – Đăng ký biến động quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất',
  priority: true,
  priorityLabel: 'Người khuyết tật, phụ nữ mang thai, người có công với cách mạng',
};

describe('ticket renderer memory (issue 15)', () => {
  it('draws a morning of tickets on the same surfaces instead of a new canvas per ticket', () => {
    renderTicket(sampleTicket(TALL)); // the tallest first: later ones fit on its surfaces
    const before = made.n;
    for (let i = 0; i < 20; i++) renderTicket(sampleTicket({ number: String(1000 + i) }));
    expect(made.n - before).toBe(0);
  });

  it('a short ticket drawn after a taller one is the same raster as drawn first (nothing left over)', () => {
    const short = sampleTicket({ number: '7' });
    const first = renderTicket(short);
    const tall = renderTicket(sampleTicket(TALL));
    expect(tall.height).toBeGreaterThan(first.height);
    const again = renderTicket(short);
    expect(again.height).toBe(first.height);
    expect(Buffer.from(again.bits).equals(Buffer.from(first.bits))).toBe(true);
  });

  // Issue 15: the whole RGBA surface (2–2.5 MB) was read back for every ticket; now only the dots under a drawn element.
  const VARIANTS: [string, TicketPrintData, { paperWidth?: 58 | 80; qr?: 'image' }][] = [
    ['80 mm', sampleTicket(), { paperWidth: 80 }],
    ['58 mm', sampleTicket(), { paperWidth: 58 }],
    ['tall, priority band (white text on black)', sampleTicket(TALL), { paperWidth: 80 }],
    ['58 mm, tall, priority', sampleTicket(TALL), { paperWidth: 58 }],
    ['QR in the image', sampleTicket({ number: '88' }), { paperWidth: 80, qr: 'image' }],
    [
      'procedure and checklist',
      sampleTicket({
        procedureName: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất',
        checklist: ['Đơn đăng ký biến động (Mẫu 09/ĐK)', 'Bản gốc Giấy chứng nhận đã cấp', 'Hợp đồng chuyển nhượng ý'],
        estimatedWaitMin: null,
      }),
      { paperWidth: 80 },
    ],
  ];
  for (const [name, data, opts] of VARIANTS)
    it(`reads back only the inked dots, and the raster is the same dot for dot: ${name}`, () => {
      const reference = renderTicket(data, opts, 'all');
      made.readBytes = 0;
      const ink = renderTicket(data, opts);
      expect(made.readBytes).toBeLessThan(0.75 * reference.width * reference.height * 4);
      expect(ink.height).toBe(reference.height);
      expect(Buffer.from(ink.bits).equals(Buffer.from(reference.bits))).toBe(true);
    });
});
