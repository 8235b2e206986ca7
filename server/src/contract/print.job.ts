/**
 * What one print job carries, from the server to whoever prints it (printer/ in the process, or a print agent
 * beside a kiosk over socket.io). One definition: the server builds it, printer/ and the agent read it.
 */

/** Data the server sends for one ticket. Strings arrive as Unicode (NFC or NFD; the printer normalises). */
export interface TicketPrintData {
  centerName: string;
  departmentName: string;
  areaName: string;
  /** The procedure the citizen came for, printed under the area; absent or empty when chosen by area. */
  procedureName?: string | null;
  /**
   * The documents to bring (thành phần hồ sơ) of that procedure, printed as a list at the foot of the ticket when
   * the kiosk's device setting `printChecklist` is on; absent or empty otherwise. The printer caps its length.
   */
  checklist?: string[] | null;
  number: string;
  priority: boolean;
  priorityLabel?: string | null;
  waitingAhead: number;
  estimatedWaitMin?: number | null;
  issuedAtMs: number;
  timeZone: string;
  trackUrl: string;
  instruction?: string;
  thanks?: string;
}

export type PaperWidthMm = 80 | 58;

/** A kiosk's device setting `printChecklist`: print the procedure's documents on its tickets (off unless `true`). */
export const printsChecklist = (settings: Record<string, unknown> | null | undefined): boolean =>
  settings?.printChecklist === true;

/**
 * The command set a kiosk's printer speaks (device settings `printerModel`). epson (default): our own ESC/POS
 * (GS v 0 bands, native QR, DLE EOT), for Epson and its many clones. star: Star Line Mode, bytes made by
 * node-thermal-printer from the same 1-bit ticket. Why no other model: docs/printing.md.
 */
export const PRINTER_MODELS = ['epson', 'star'] as const;
export type PrinterModel = (typeof PRINTER_MODELS)[number];

/** The center's printer settings a job carries (printer/'s PrintOptions adds what only a local printer has). */
export interface PrintJobOptions {
  /** 80 mm = 576 dots, 58 mm = 384 dots (203 dpi print heads). */
  paperWidth?: PaperWidthMm;
  /** raster = the whole ticket as an image (works on every printer); text = printer fonts. */
  mode?: 'raster' | 'text';
  /** Text mode only: which Vietnamese code page the printer has. */
  codePage?: 'cp1258' | 'tcvn3';
  /** The whole job (connect + write + printer confirmation) never takes longer. Default 3000. */
  timeoutMs?: number;
  /** The kiosk's printer model (default epson). star always prints the raster ticket, QR in the image. */
  model?: PrinterModel;
}

/** `print:job`, to a print agent. */
export interface PrintJobEvent {
  jobId: string;
  data: TicketPrintData;
  options: PrintJobOptions;
}

/** `print:result`, from a print agent. */
export interface PrintResultEvent {
  jobId: string;
  status: 'printed' | 'failed';
  code?: string;
  message?: string;
}
