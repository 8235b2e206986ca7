export type PrinterErrorCode =
  | 'printer.offline'
  | 'printer.timeout'
  | 'printer.disconnected'
  | 'printer.paper_out'
  | 'printer.bad_address'
  | 'printer.io';

/** What a person reads (kiosk screen, admin page, agent log). Keep them calm and actionable. */
export const PRINTER_MESSAGES: Record<PrinterErrorCode, string> = {
  'printer.offline': 'Máy in không kết nối được. Vé của bạn vẫn hợp lệ.',
  'printer.timeout': 'Máy in không phản hồi kịp thời. Vé của bạn vẫn hợp lệ.',
  'printer.disconnected': 'Mất kết nối với máy in trong khi in. Vé của bạn vẫn hợp lệ.',
  'printer.paper_out': 'Máy in đã hết giấy. Vé của bạn vẫn hợp lệ, vui lòng báo cán bộ hỗ trợ.',
  'printer.bad_address':
    'Địa chỉ máy in không hợp lệ. Dùng dạng tcp://địa-chỉ-IP:9100, /dev/usb/lp0 (một máy in dưới /dev) hoặc cups://TÊN_HÀNG_ĐỢI.',
  'printer.io': 'Lỗi khi gửi dữ liệu tới máy in. Vé của bạn vẫn hợp lệ.',
};

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  /** Technical detail for logs (errno, stderr…); never shown instead of `message`. */
  readonly detail: string | undefined;

  constructor(code: PrinterErrorCode, detail?: string, options?: { cause?: unknown; message?: string }) {
    super(
      options?.message ?? PRINTER_MESSAGES[code],
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'PrinterError';
    this.code = code;
    this.detail = detail;
  }
}

export function isPrinterError(e: unknown): e is PrinterError {
  return e instanceof PrinterError;
}

/** Maps Node errno codes to what a person can act on. */
export function printerErrorFromErrno(err: unknown, phase: 'connect' | 'write'): PrinterError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const detail = `${code} ${(err as Error | undefined)?.message ?? String(err)}`.trim();
  const offline = [
    'ECONNREFUSED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENOENT',
    'ENXIO',
    'ENODEV',
  ];
  const dropped = ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END'];
  if (code === 'ETIMEDOUT') return new PrinterError('printer.timeout', detail, { cause: err });
  if (phase === 'connect' && offline.includes(code)) return new PrinterError('printer.offline', detail, { cause: err });
  if (dropped.includes(code) || (phase === 'write' && (code === 'ENXIO' || code === 'ENODEV' || code === 'EIO'))) {
    return new PrinterError('printer.disconnected', detail, { cause: err });
  }
  if (offline.includes(code)) return new PrinterError('printer.offline', detail, { cause: err });
  return new PrinterError('printer.io', detail, { cause: err });
}
