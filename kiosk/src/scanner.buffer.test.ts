import { describe, expect, it } from 'vitest';
import { classifyScan, createScanBuffer } from './scanner.buffer.ts';

/** Feeds keys 10 ms apart (a scanner's pace) from `t0`, and returns what the buffer read. */
function typeAt(b: ReturnType<typeof createScanBuffer>, keys: string[], t0: number, gap = 10) {
  const out: string[] = [];
  keys.forEach((k, i) => {
    const r = b.key(k, t0 + i * gap);
    if (r !== null) out.push(r);
  });
  return out;
}

describe('scan buffer', () => {
  it('reads fast keys ending in Enter; Shift keys do not count', () => {
    const b = createScanBuffer();
    expect(typeAt(b, ['Shift', 'K', '7', 'Shift', 'M', '2', 'Q', 'X', '9', 'P', 'Enter'], 1000)).toEqual(['K7M2QX9P']);
  });

  it('a human pace, a lone Enter or a few keys are not a scan', () => {
    const b = createScanBuffer();
    expect(typeAt(b, ['1', '2', '3', '4', '5', '6', '7', '8', 'Enter'], 0, 250)).toEqual([]);
    expect(typeAt(b, ['Enter'], 5000)).toEqual([]);
    expect(typeAt(b, ['a', 'b', 'Enter'], 9000)).toEqual([]);
  });

  it('a stray key long before a scan is not glued to it', () => {
    const b = createScanBuffer();
    b.key('x', 0);
    expect(typeAt(b, [...'040095001234', 'Enter'], 2000)).toEqual(['040095001234']);
  });

  it('reads the whole Vietnamese QR text of a card, spaces and diacritics included', () => {
    const qr = '040095001234|187654321|Nguyễn Văn An|15031958|Nam|Xóm 3, Nghi Lộc, Nghệ An|01072021';
    const b = createScanBuffer();
    expect(typeAt(b, [...qr, 'Enter'], 0, 3)).toEqual([qr]);
    expect(b.busy(10_000)).toBe(false);
  });
});

describe('classifyScan', () => {
  it('booking codes (any case, or in a link), card QR texts, bare ID numbers', () => {
    expect(classifyScan('K7M2QX9P')).toEqual({ kind: 'booking', code: 'K7M2QX9P' });
    expect(classifyScan('k7m2qx9p')).toEqual({ kind: 'booking', code: 'K7M2QX9P' });
    expect(classifyScan('http://10.0.0.2:8080/book?code=K7M2QX9P')).toEqual({ kind: 'booking', code: 'K7M2QX9P' });
    expect(classifyScan('040095001234||Nguyễn Văn An|15031958|Nam|Nghệ An|01072021|x|y')).toEqual({
      kind: 'card',
      qr: '040095001234||Nguyễn Văn An|15031958|Nam|Nghệ An|01072021|x|y',
    });
    expect(classifyScan('040095001234')).toEqual({ kind: 'id', citizenId: '040095001234' });
    expect(classifyScan('8934567890123')).toEqual({ kind: 'unknown' }); // a product barcode
    expect(classifyScan('abc|def')).toEqual({ kind: 'unknown' });
  });
});
