import type { PrinterStatus } from './printer.types.ts';

/** Every DLE EOT answer has bit 1 and bit 4 set and bits 0 and 7 clear (Epson spec). */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** DLE EOT 4 (roll paper sensor): bits 2–3 near end, bits 5–6 paper end. */
export function decodePaperStatus(b: number): 'ok' | 'near_end' | 'out' | 'unknown' {
  if (!isStatusByte(b)) return 'unknown';
  if (b & 0x60) return 'out';
  if (b & 0x0c) return 'near_end';
  return 'ok';
}

/** DLE EOT 1 (printer status): bit 3 = off-line (cover open, paper end, error). */
export function decodeOnline(b: number): boolean | null {
  if (!isStatusByte(b)) return null;
  return (b & 0x08) === 0;
}

export const STATUS_MESSAGES = {
  paperOut: 'Máy in đã hết giấy.',
  nearEnd: 'Giấy trong máy in sắp hết.',
  offline: 'Máy in đang tạm ngừng (nắp mở, hết giấy hoặc lỗi).',
  unreachable: 'Máy in không kết nối được.',
  noAnswer: 'Máy in có kết nối nhưng không báo trạng thái giấy.',
} as const;

export function statusFromAnswers(printer: number | undefined, paper: number | undefined): PrinterStatus {
  const online = printer === undefined ? true : (decodeOnline(printer) ?? true);
  const paperState = paper === undefined ? 'unknown' : decodePaperStatus(paper);
  const s: PrinterStatus = { online, paper: paperState };
  if (paperState === 'out') s.error = STATUS_MESSAGES.paperOut;
  else if (!online) s.error = STATUS_MESSAGES.offline;
  else if (paperState === 'near_end') s.error = STATUS_MESSAGES.nearEnd;
  return s;
}
