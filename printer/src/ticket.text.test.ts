import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatEstimate, formatIssuedAt, priorityText, ticketLines } from './ticket.text.ts';
import { sampleTicket } from './ticket.preview.ts';

describe('ticket wording', () => {
  it('prints dd/mm/yyyy HH:mm:ss in the ticket time zone, 24 h', () => {
    const ms = Date.UTC(2026, 10, 26, 1, 15, 2); // 08:15:02 in Hà Nội
    expect(formatIssuedAt(ms, 'Asia/Ho_Chi_Minh')).toBe('26/11/2026 08:15:02');
    expect(formatIssuedAt(ms, 'UTC')).toBe('26/11/2026 01:15:02');
    expect(formatIssuedAt(Date.UTC(2026, 0, 1, 8, 0, 0), 'Asia/Ho_Chi_Minh')).toBe('01/01/2026 15:00:00');
    expect(formatIssuedAt(Date.UTC(2025, 11, 31, 17, 0, 0), 'Asia/Bangkok')).toBe('01/01/2026 00:00:00');
  });
  it('falls back to Vietnam time for an unknown zone instead of failing the ticket', () => {
    expect(formatIssuedAt(Date.UTC(2026, 10, 26, 1, 15, 2), 'Mars/Olympus')).toBe('26/11/2026 08:15:02');
  });
  it('always has the dd/mm/yyyy HH:mm:ss shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.constantFrom('Asia/Ho_Chi_Minh', 'UTC', 'America/New_York'),
        (ms, tz) => {
          expect(formatIssuedAt(ms, tz)).toMatch(/^\d{2}\/\d{2}\/\d{4} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
        },
      ),
    );
  });
  it('words the estimated wait', () => {
    expect(formatEstimate(15)).toBe('Thời gian chờ dự kiến: khoảng 15 phút');
    expect(formatEstimate(0)).toBe('Thời gian chờ dự kiến: khoảng 1 phút');
    expect(formatEstimate(75)).toBe('Thời gian chờ dự kiến: khoảng 1 giờ 15 phút');
    expect(formatEstimate(120)).toBe('Thời gian chờ dự kiến: khoảng 2 giờ');
    expect(formatEstimate(null)).toBeNull();
    expect(formatEstimate(undefined)).toBeNull();
    expect(formatEstimate(Number.NaN)).toBeNull();
  });
  it('marks priority, naming the group when given', () => {
    expect(priorityText(null)).toBe('ƯU TIÊN');
    expect(priorityText('Ưu tiên')).toBe('ƯU TIÊN');
    expect(priorityText('Người cao tuổi')).toBe('ƯU TIÊN – NGƯỜI CAO TUỔI');
  });
  it('builds every line with defaults and normalised text', () => {
    const t = ticketLines(sampleTicket({ centerName: '  Trung tâm  Phục vụ '.normalize('NFD'), waitingAhead: 7 }));
    expect(t.center).toBe('TRUNG TÂM PHỤC VỤ');
    expect(t.waitingLabel + ' ' + t.waitingValue).toBe('Số người đang chờ trước bạn: 7');
    expect(t.instruction).toBe('Vui lòng chờ đến khi số của bạn được gọi');
    expect(t.thanks).toBe('Xin cảm ơn Quý khách!');
    expect(t.qrCaption).toBe('Quét mã để theo dõi lượt của bạn');
    expect(t.priority).toBeNull();
  });
});
