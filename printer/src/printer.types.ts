import type { PaperWidthMm, PrintJobOptions } from '../../server/src/contract/print.job.ts';

// The job's shape is the server's contract (one definition for the server, this module and the print agent).
export type { TicketPrintData, PaperWidthMm, PrinterModel } from '../../server/src/contract/print.job.ts';

/** A job's options (paper, mode, code page, timeout) and what only a printer driven from here has. */
export interface PrintOptions extends PrintJobOptions {
  /** Cut after the ticket. Default true. */
  cut?: boolean;
  /**
   * Where the QR comes from in raster mode. native = GS ( k, drawn by the printer (default);
   * image = drawn into the raster, for clones without GS ( k. Text mode always uses native.
   */
  qr?: 'native' | 'image';
  /**
   * TCP only. printer (default): done when the printer answers DLE EOT or closes after our FIN,
   * which catches a printer that stalls. sent: done when the OS took the bytes, for print
   * servers that do neither (then a stall after the OS buffers is not detected).
   */
  confirm?: 'printer' | 'sent';
}

export interface PrinterStatus {
  online: boolean;
  paper?: 'ok' | 'near_end' | 'out' | 'unknown';
  /** Vietnamese, for a person, when online is false or something is wrong. */
  error?: string;
}

export type PrinterAddress =
  { kind: 'tcp'; host: string; port: number } | { kind: 'file'; path: string } | { kind: 'cups'; queue: string };

export interface Transport {
  /** Resolves only once the printer has the bytes (as far as the medium can tell). */
  send(bytes: Uint8Array): Promise<void>;
  status(): Promise<PrinterStatus>;
}

export interface TransportOptions {
  timeoutMs?: number;
  /** How long a status query waits for the printer's answer. Default min(800, timeoutMs). */
  statusTimeoutMs?: number;
  /** Environment for spawned commands (cups); tests put a fake `lp` first on PATH. */
  env?: NodeJS.ProcessEnv;
  /** See PrintOptions.confirm. */
  confirm?: 'printer' | 'sent';
  /** Monotonic clock in ms (performance.now by default); injectable for tests. */
  now?: () => number;
  /** Where printer device files may live (/dev); tests point it at a temporary directory. */
  deviceDir?: string;
}

/** 1-bit image, rows of ceil(width/8) bytes, MSB = leftmost dot, 1 = black (GS v 0 layout). */
export interface RasterImage {
  width: number;
  height: number;
  bits: Uint8Array;
}

/** Where the printer's own QR (GS ( k) lands inside the preview raster. */
export interface NativeQrPlacement {
  payload: string;
  /** First row of the QR symbol in the full raster. */
  top: number;
  /** Rows the printer's symbol takes (modules × moduleDots). */
  height: number;
  moduleDots: number;
  ecc: 'L' | 'M' | 'Q' | 'H';
}

export interface TicketRaster extends RasterImage {
  /** Set when the QR is printed natively: the job cuts the raster around these rows. */
  nativeQr: NativeQrPlacement | null;
}

export const DEFAULT_TIMEOUT_MS = 3000;

export function dotsForPaper(width: PaperWidthMm | undefined): number {
  return width === 58 ? 384 : 576;
}
