import { describe, expect, it } from 'vitest';
import { decodeOnline, decodePaperStatus, isStatusByte, statusFromAnswers } from './escpos.status.ts';
import { PrinterError, printerErrorFromErrno } from './printer.error.ts';

describe('DLE EOT answers', () => {
  it('decodes the paper sensor byte (n = 4)', () => {
    expect(decodePaperStatus(0x12)).toBe('ok');
    expect(decodePaperStatus(0x1e)).toBe('near_end');
    expect(decodePaperStatus(0x72)).toBe('out');
    expect(decodePaperStatus(0x7e)).toBe('out');
    expect(decodePaperStatus(0x00)).toBe('unknown'); // not a status byte at all
    expect(isStatusByte(0xff)).toBe(false);
  });
  it('decodes the printer status byte (n = 1)', () => {
    expect(decodeOnline(0x12)).toBe(true);
    expect(decodeOnline(0x16)).toBe(true);
    expect(decodeOnline(0x1a)).toBe(false);
    expect(decodeOnline(0x41)).toBeNull();
  });
  it('turns answers into a status with a Vietnamese note', () => {
    expect(statusFromAnswers(0x12, 0x12)).toEqual({ online: true, paper: 'ok' });
    expect(statusFromAnswers(0x1a, 0x12)).toEqual({
      online: false,
      paper: 'ok',
      error: 'Máy in đang tạm ngừng (nắp mở, hết giấy hoặc lỗi).',
    });
    expect(statusFromAnswers(undefined, undefined)).toEqual({ online: true, paper: 'unknown' });
  });
});

describe('errno → PrinterError', () => {
  const e = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['ECONNREFUSED', 'connect', 'printer.offline'],
    ['EHOSTUNREACH', 'connect', 'printer.offline'],
    ['ENOENT', 'connect', 'printer.offline'],
    ['ETIMEDOUT', 'connect', 'printer.timeout'],
    ['ECONNRESET', 'write', 'printer.disconnected'],
    ['EPIPE', 'write', 'printer.disconnected'],
    ['EIO', 'write', 'printer.disconnected'],
    ['EINVAL', 'write', 'printer.io'],
  ] as const)('%s during %s → %s', (code, phase, expected) => {
    const err = printerErrorFromErrno(e(code), phase);
    expect(err).toBeInstanceOf(PrinterError);
    expect(err.code).toBe(expected);
    expect(err.detail).toContain(code);
    expect(err.message).toMatch(/Máy in|máy in/);
  });
});
