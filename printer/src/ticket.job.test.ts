import { describe, expect, it } from 'vitest';
import { buildTicketJob } from './ticket.job.ts';
import { renderTicket } from './ticket.layout.ts';
import { sampleTicket } from './ticket.preview.ts';
import { decodeEscPos, paperImage, paperPng, textLines, type EscPosCommand } from './testing/escpos.decoder.ts';
import { readQr, savePng } from './testing/raster.inspect.ts';
import { RASTER_BAND_ROWS } from './escpos.encoder.ts';

const types = (cmds: EscPosCommand[]) => cmds.map((c) => c.type);

describe('raster job', () => {
  it.each([80, 58] as const)(
    '%s mm: ESC @, GS v 0 bands, native QR, feed, cut — and the paper equals the preview',
    (mm) => {
      const data = sampleTicket({ priority: true });
      const job = buildTicketJob(data, { paperWidth: mm });
      const { commands, truncated } = decodeEscPos(job);
      expect(truncated).toBe(false);
      expect(commands[0]).toEqual({ type: 'init' });
      expect(commands.filter((c) => c.type === 'unknown' || c.type === 'text')).toEqual([]);
      const qrs = commands.filter((c) => c.type === 'qr');
      expect(qrs).toHaveLength(1);
      expect(qrs[0]).toMatchObject({ payload: data.trackUrl, ecc: 'M' });
      const rasters = commands.filter((c) => c.type === 'raster');
      for (const r of rasters) {
        expect(r.image.width).toBe(mm === 80 ? 576 : 384);
        expect(r.image.height).toBeLessThanOrEqual(RASTER_BAND_ROWS);
      }
      // QR is centred, then justification goes back to left
      const qi = commands.findIndex((c) => c.type === 'qr');
      expect(commands[qi - 1]).toEqual({ type: 'align', value: 'center' });
      expect(commands[qi + 1]).toEqual({ type: 'align', value: 'left' });
      expect(types(commands).slice(-2)).toEqual(['feed', 'cut']);

      const preview = renderTicket(data, { paperWidth: mm });
      const paper = paperImage(commands);
      expect(paper.width).toBe(preview.width);
      expect(paper.height).toBe(preview.height);
      expect(Buffer.from(paper.bits).equals(Buffer.from(preview.bits))).toBe(true);
      expect(readQr(paper)).toBe(data.trackUrl);
      savePng(`decoded-${mm}mm.png`, paperPng(commands));
    },
  );

  it('image QR mode sends one image and no GS ( k', () => {
    const data = sampleTicket();
    const { commands } = decodeEscPos(buildTicketJob(data, { paperWidth: 80, qr: 'image' }));
    expect(commands.some((c) => c.type === 'qr')).toBe(false);
    const paper = paperImage(commands);
    const preview = renderTicket(data, { paperWidth: 80, qr: 'image' });
    expect(Buffer.from(paper.bits).equals(Buffer.from(preview.bits))).toBe(true);
    expect(readQr(paper)).toBe(data.trackUrl);
  });

  it('cut: false leaves the cut out', () => {
    const { commands } = decodeEscPos(buildTicketJob(sampleTicket(), { cut: false }));
    expect(commands.some((c) => c.type === 'cut')).toBe(false);
    expect(commands.at(-1)?.type).toBe('feed');
  });
});

describe('text job', () => {
  const data = sampleTicket({ priority: true, priorityLabel: 'Người cao tuổi', areaName: 'Hộ tịch, chứng thực' });
  const expected = [
    'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH NGHỆ AN',
    '-'.repeat(48),
    'Sở Tư pháp',
    'Hộ tịch, chứng thực',
    '',
    'SỐ THỨ TỰ',
    '1005',
    'ƯU TIÊN – NGƯỜI CAO TUỔI',
    '-'.repeat(48),
    'Số người đang chờ trước bạn: 7',
    'Thời gian chờ dự kiến: khoảng 15 phút',
    'Thời gian lấy số: 26/11/2026 08:15:02',
    '',
    '',
    'Quét mã để theo dõi lượt của bạn',
    '-'.repeat(48),
    'Vui lòng chờ đến khi số của bạn được gọi',
    'Xin cảm ơn Quý khách!',
  ];

  it('CP1258: ESC t 52, our own bytes, decodes back to the Vietnamese lines', () => {
    const { commands } = decodeEscPos(buildTicketJob(data, { mode: 'text', codePage: 'cp1258' }));
    expect(commands.filter((c) => c.type === 'codepage').map((c) => c.type === 'codepage' && c.n)).toEqual([52]);
    expect(textLines(commands)).toEqual(expected);
    expect(commands.find((c) => c.type === 'qr')).toMatchObject({ payload: data.trackUrl });
    expect(commands.find((c) => c.type === 'size')).toEqual({ type: 'size', w: 8, h: 8 });
    expect(commands.filter((c) => c.type === 'raster')).toEqual([]);
  });

  it('TCVN3: ESC t 30, capitals page 31 only around toned capitals', () => {
    const { commands } = decodeEscPos(buildTicketJob(data, { mode: 'text', codePage: 'tcvn3' }));
    const pages = commands.filter((c) => c.type === 'codepage').map((c) => c.type === 'codepage' && c.n);
    expect(pages[0]).toBe(30);
    expect(new Set(pages)).toEqual(new Set([30, 31]));
    // VN3 has no en dash: it prints as "-"
    expect(textLines(commands)).toEqual(expected.map((l) => l.replace('–', '-')));
  });

  it('58 mm wraps at 32 columns', () => {
    const { commands } = decodeEscPos(buildTicketJob(data, { mode: 'text', paperWidth: 58 }));
    const lines = textLines(commands);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(32);
    expect(lines.slice(0, 2)).toEqual(['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH', 'CÔNG TỈNH NGHỆ AN']);
  });

  it('a control character in the data cannot inject a command', () => {
    const evil = sampleTicket({ areaName: 'Đất đai\x1b@\x1dV\x00' });
    const { commands } = decodeEscPos(buildTicketJob(evil, { mode: 'text' }));
    expect(commands.filter((c) => c.type === 'init')).toHaveLength(1);
    expect(commands.filter((c) => c.type === 'cut')).toHaveLength(1);
  });
});
