export type {
  TicketPrintData,
  PrintOptions,
  PrinterStatus,
  PrinterAddress,
  Transport,
  TransportOptions,
  RasterImage,
  TicketRaster,
  NativeQrPlacement,
  PaperWidthMm,
  PrinterModel,
} from './printer.types.ts';
export { DEFAULT_TIMEOUT_MS, dotsForPaper } from './printer.types.ts';
export { PrinterError, PRINTER_MESSAGES, isPrinterError, type PrinterErrorCode } from './printer.error.ts';
export { renderTicket } from './ticket.layout.ts';
export { ticketToPng, sampleTicket } from './ticket.preview.ts';
export { buildTicketJob } from './ticket.job.ts';
export { buildThermalJob } from './thermal.job.ts';
export { parsePrinterAddress, formatPrinterAddress } from './address.parser.ts';
export { createTransport } from './transport.factory.ts';
export { printTicket } from './printer.print.ts';
export { encodeCp1258 } from './cp1258.encoder.ts';
export { encodeTcvn3, encodeTcvn3Runs, type Tcvn3Run } from './tcvn3.encoder.ts';
export { rasterToPng } from './raster.png.ts';
export { formatIssuedAt } from './ticket.text.ts';
export {
  startPrintAgent,
  type PrintAgentOptions,
  type PrintAgent,
  type PrintJobPayload,
  type PrintResultPayload,
} from './print.agent.ts';
