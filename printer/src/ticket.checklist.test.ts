import { describe, expect, it } from 'vitest';
import { layoutTicket, renderTicket } from './ticket.layout.ts';
import { SAMPLE_CHECKLIST, sampleTicket, ticketToPng } from './ticket.preview.ts';
import { buildTextTicketJob } from './ticket.textmode.ts';
import { CHECKLIST_MAX_ITEMS, CHECKLIST_TITLE, checklistLines, truncateText } from './ticket.text.ts';
import { decodeEscPos, textLines } from './testing/escpos.decoder.ts';
import { inkBounds, readQr, savePng } from './testing/raster.inspect.ts';
import type { TicketLayout } from './ticket.layout.ts';

/** The procedure's documents on the ticket (kiosk setting printChecklist; the server decides, the printer draws). */
const textsOf = (layout: TicketLayout, role: string) =>
  layout.ops.flatMap((o) => (o.kind === 'text' && o.role === role ? [o] : []));
const pngHeight = (png: Buffer) => png.readUInt32BE(20); // IHDR: width at 16, height at 20

describe('the checklist on the printed ticket', () => {
  it.each([80, 58] as const)('%s mm: the PNG grows; numbered, wrapped inside the paper, exact diacritics', (mm) => {
    const plain = sampleTicket({ procedureName: 'Đăng ký khai sinh' });
    const withList = sampleTicket({ procedureName: 'Đăng ký khai sinh', checklist: SAMPLE_CHECKLIST });
    const before = ticketToPng(plain, { paperWidth: mm });
    const after = ticketToPng(withList, { paperWidth: mm });
    expect(pngHeight(after)).toBeGreaterThan(pngHeight(before) + 100);
    savePng(`ticket-${mm}mm-checklist.png`, after);

    const layout = layoutTicket(withList, { paperWidth: mm });
    const lines = textsOf(layout, 'checklist');
    expect(lines[0]!.text).toBe(CHECKLIST_TITLE);
    const numbers = lines.filter((o) => /^\d+\.$/.test(o.text)).map((o) => o.text);
    expect(numbers).toEqual(['1.', '2.', '3.', '4.']);
    // Every word of every document is printed, in order, NFC (Vietnamese letters are single code points).
    const body = lines
      .slice(1)
      .filter((o) => !/^\d+\.$/.test(o.text))
      .map((o) => o.text)
      .join(' ');
    expect(body).toBe(SAMPLE_CHECKLIST.join(' '));
    expect(body).toContain('Giấy chứng sinh; nếu không có: văn bản của người làm chứng');
    // Wrapped: the long second document takes more than one line, all lines left of the right margin.
    expect(lines.filter((o) => !/^\d+\.$/.test(o.text)).length).toBeGreaterThan(SAMPLE_CHECKLIST.length + 1);
    const r = renderTicket(withList, { paperWidth: mm });
    const ink = inkBounds(r, lines[0]!.top, lines.at(-1)!.bottom + 1)!;
    expect(ink.left).toBeGreaterThanOrEqual(layout.margin - 2);
    expect(ink.right).toBeLessThanOrEqual(r.width - layout.margin + 1);
    expect(readQr(r)).toBe(withList.trackUrl);
  });

  it('no checklist, an empty one or one of blanks prints nothing', () => {
    for (const checklist of [undefined, null, [], ['', '  ']]) {
      const layout = layoutTicket(sampleTicket({ checklist }), { paperWidth: 80 });
      expect(textsOf(layout, 'checklist')).toEqual([]);
    }
  });

  it('a long list is capped: the first items, then "… và N giấy tờ khác"; a long item ends in "…"', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Giấy tờ số ${i + 1} về quyền sử dụng đất`);
    const capped = checklistLines(many);
    expect(capped).toHaveLength(CHECKLIST_MAX_ITEMS);
    expect(capped.at(-1)).toBe(`… và ${30 - CHECKLIST_MAX_ITEMS + 1} giấy tờ khác (xin hỏi tại quầy)`);
    const long = 'Bản sao có chứng thực giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở '.repeat(6);
    const cut = truncateText(long.trim(), 160);
    expect(Array.from(cut).length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true); // cut at a word, nothing rewritten

    const layout = layoutTicket(sampleTicket({ checklist: [...many.slice(0, 2), long] }), { paperWidth: 58 });
    const lines = textsOf(layout, 'checklist').filter((o) => !/^\d+\.$/.test(o.text));
    expect(lines.at(-1)!.text.endsWith('…')).toBe(true); // three lines at most per item on paper
    const tall = ticketToPng(sampleTicket({ checklist: many }), { paperWidth: 80 });
    const eight = ticketToPng(sampleTicket({ checklist: many.slice(0, CHECKLIST_MAX_ITEMS) }), { paperWidth: 80 });
    expect(Math.abs(pngHeight(tall) - pngHeight(eight))).toBeLessThan(60); // 30 items cost what 8 do
    savePng('ticket-58mm-checklist-capped.png', ticketToPng(sampleTicket({ checklist: many }), { paperWidth: 58 }));
  });

  it('text mode prints the same list in the printer font (CP1258)', () => {
    const job = buildTextTicketJob(sampleTicket({ checklist: SAMPLE_CHECKLIST }), { paperWidth: 80 });
    const text = textLines(decodeEscPos(job).commands).join('\n');
    expect(text).toContain(CHECKLIST_TITLE);
    expect(text).toContain('1. Tờ khai đăng ký khai sinh (theo mẫu)');
    const none = textLines(decodeEscPos(buildTextTicketJob(sampleTicket(), { paperWidth: 80 })).commands).join('\n');
    expect(none).not.toContain(CHECKLIST_TITLE);
  });
});
