import { describe, expect, it, vi } from 'vitest';
import type { TicketPrintData } from './printer.types.ts';

// Counts the drawing surfaces made: each is native (Skia) memory V8 does not see, freed only by a later GC.
const made = vi.hoisted(() => ({ n: 0 }));
vi.mock('@napi-rs/canvas', async (importOriginal) => {
  const real = await importOriginal<typeof import('@napi-rs/canvas')>();
  return {
    ...real,
    createCanvas: (w: number, h: number) => {
      made.n++;
      return real.createCanvas(w, h);
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
});
