import { describe, expect, it } from 'vitest';
import { layoutTicket, renderTicket } from './ticket.layout.ts';
import { sampleTicket, ticketToPng } from './ticket.preview.ts';
import { sliceRows } from './raster.bits.ts';
import { inkBounds, readQr, rowIsBlank, savePng, zoomRows } from './testing/raster.inspect.ts';
import type { PrintOptions, TicketPrintData } from './printer.types.ts';

const LONG: Partial<TicketPrintData> = {
  centerName: 'Trung tâm Phục vụ hành chính công và Xúc tiến đầu tư thành phố Hồ Chí Minh (cơ sở 2, Thủ Đức)',
  departmentName: 'Sở Nông nghiệp và Môi trường (trước đây là Sở Tài nguyên và Môi trường)',
  areaName: 'Đất đai – Đăng ký biến động quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất',
  number: 'A-1234567',
  priority: true,
  priorityLabel: 'Người khuyết tật, phụ nữ mang thai, người có công với cách mạng',
  waitingAhead: 123,
  estimatedWaitMin: 185,
  instruction: 'Vui lòng chờ đến khi số của bạn được gọi và hiển thị trên màn hình tại khu vực chờ tầng 2',
};

/** Nothing may touch the paper edge: text that does has been cut off. */
function expectInsidePaper(data: TicketPrintData, opts: PrintOptions) {
  const layout = layoutTicket(data, opts);
  const r = renderTicket(data, opts);
  expect(r.height).toBe(layout.height);
  const b = inkBounds(r)!;
  expect(b.left).toBeGreaterThanOrEqual(layout.margin - 2);
  expect(b.right).toBeLessThanOrEqual(r.width - layout.margin + 1);
  expect(rowIsBlank(r, 0)).toBe(true);
  expect(rowIsBlank(r, r.height - 1)).toBe(true);
  // The number: its whole ink sits in its own slot, with blank rows around it.
  const num = layout.ops.find((o) => o.kind === 'text' && o.role === 'number');
  if (num?.kind !== 'text') throw new Error('no number');
  expect(rowIsBlank(r, num.top - 1)).toBe(true);
  expect(rowIsBlank(r, num.bottom)).toBe(true);
  const nb = inkBounds(r, num.top, num.bottom)!;
  expect(nb.left).toBeGreaterThanOrEqual(layout.margin - 2);
  expect(nb.right).toBeLessThanOrEqual(r.width - layout.margin + 1);
  return { layout, r };
}

describe('ticket layout', () => {
  it.each([80, 58] as const)('%s mm: width in dots, a big number, readable QR', (mm) => {
    const data = sampleTicket();
    const { layout, r } = expectInsidePaper(data, { paperWidth: mm });
    expect(r.width).toBe(mm === 80 ? 576 : 384);
    expect(r.bits.length).toBe((r.width / 8) * r.height);
    const num = layout.ops.find((o) => o.kind === 'text' && o.role === 'number');
    expect(num?.kind === 'text' && num.bottom - num.top).toBeGreaterThan(mm === 80 ? 120 : 80);
    expect(readQr(r)).toBe(data.trackUrl);
    expect(r.nativeQr?.payload).toBe(data.trackUrl);
    savePng(`ticket-${mm}mm.png`, ticketToPng(data, { paperWidth: mm }));
  });

  it.each([80, 58] as const)('%s mm: long names wrap, long numbers shrink, nothing is cut', (mm) => {
    const data = sampleTicket(LONG);
    const { layout, r } = expectInsidePaper(data, { paperWidth: mm });
    const centerLines = layout.ops.filter((o) => o.kind === 'text' && o.role === 'center');
    expect(centerLines.length).toBeGreaterThanOrEqual(2);
    expect(readQr(r)).toBe(data.trackUrl);
    savePng(`ticket-${mm}mm-long.png`, r);
  });

  it('keeps even a 20-character number whole', () => {
    expectInsidePaper(sampleTicket({ number: '12345678901234567890' }), { paperWidth: 58 });
    expectInsidePaper(sampleTicket({ number: 'W' }), { paperWidth: 80 });
  });

  it('priority tickets carry a black band with the group', () => {
    const data = sampleTicket({ priority: true, priorityLabel: 'Người cao tuổi' });
    const plain = renderTicket(sampleTicket(), { paperWidth: 80 });
    const { layout, r } = expectInsidePaper(data, { paperWidth: 80 });
    expect(r.height).toBeGreaterThan(plain.height);
    const band = layout.ops.find((o) => o.kind === 'text' && o.white);
    expect(band?.kind === 'text' && band.text).toBe('ƯU TIÊN – NGƯỜI CAO TUỔI');
    savePng('ticket-80mm-priority.png', r);
  });

  it('image QR mode draws a decodable QR into the raster and no native placement', () => {
    const data = sampleTicket();
    const r = renderTicket(data, { paperWidth: 58, qr: 'image' });
    expect(r.nativeQr).toBeNull();
    expect(readQr(r)).toBe(data.trackUrl);
    savePng('ticket-58mm-qr-image.png', r);
  });

  it('renders tone marks (zoomed view for a person to check)', () => {
    const data = sampleTicket({
      areaName: 'Hộ tịch, chứng thực – Đất đai',
      departmentName: 'Ủy ban nhân dân phường Trường Thi',
    });
    const r = renderTicket(data, { paperWidth: 58 });
    const layout = layoutTicket(data, { paperWidth: 58 });
    const first = layout.ops.find((o) => o.kind === 'text' && o.role === 'department');
    const area = layout.ops.find((o) => o.kind === 'text' && o.role === 'area');
    if (first?.kind !== 'text' || area?.kind !== 'text') throw new Error('layout');
    savePng('ticket-58mm-marks-zoom.png', zoomRows(r, first.top, area.bottom, 3));
    // Marks above capitals (Ủ, Ư) must not be clipped into the line above: blank row between lines.
    expect(rowIsBlank(r, first.top - 1)).toBe(true);
    expect(inkBounds(sliceRows(r, first.top, first.top + 6))).not.toBeNull();
  });

  it('prints the procedure under the area, wrapped, inside the paper; nothing when there is none', () => {
    const procedureName =
      'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển nhượng, thừa kế, tặng cho';
    for (const paperWidth of [58, 80] as const) {
      const data = sampleTicket({ ...LONG, procedureName });
      const { layout } = expectInsidePaper(data, { paperWidth });
      const texts = layout.ops.filter((o) => o.kind === 'text');
      const lines = texts.filter((o) => o.role === 'procedure');
      expect(lines.length).toBeGreaterThan(1); // wrapped, not cut
      expect(lines.map((o) => (o.kind === 'text' ? o.text : '')).join(' ')).toBe(procedureName);
      const lastArea = texts.filter((o) => o.role === 'area').at(-1)!;
      const heading = texts.find((o) => o.role === 'heading')!;
      expect(lines[0]!.kind === 'text' && lastArea.kind === 'text' && lines[0]!.top >= lastArea.bottom).toBe(true);
      expect(heading.kind === 'text' && lines.at(-1)!.kind === 'text' && heading.top > lines.at(-1)!.bottom).toBe(true);
    }
    for (const none of [undefined, null, ''])
      expect(
        layoutTicket(sampleTicket({ procedureName: none }), { paperWidth: 80 }).ops.some(
          (o) => o.kind === 'text' && o.role === 'procedure',
        ),
      ).toBe(false);
    savePng(
      'ticket-80mm-procedure.png',
      renderTicket(sampleTicket({ procedureName: 'Đăng ký khai sinh' }), { paperWidth: 80 }),
    );
  });

  it('is deterministic: same data, same bits', () => {
    const a = renderTicket(sampleTicket(), { paperWidth: 80 });
    const b = renderTicket(sampleTicket(), { paperWidth: 80 });
    expect(Buffer.from(a.bits).equals(Buffer.from(b.bits))).toBe(true);
  });
});
