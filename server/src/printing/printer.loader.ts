import type { PrintDriver, PrinterExtras } from './print.service.ts';

/**
 * printer/ is loaded on first use, and only the part a use needs (issue 15): a center without printers never pays
 * for canvas and fonts, and a status probe (DLE EOT, asked of every network printer between tickets) loads only the
 * transports. Through printer/src/index.ts a first probe loaded the canvas library, its fonts and the print agent's
 * socket.io client too, ~20 MiB of a server that had not printed anything yet.
 */
export const defaultPrinterExtras: PrinterExtras = {
  async status(address, timeoutMs) {
    const [{ createTransport }, { parsePrinterAddress }] = await Promise.all([
      import('../../../printer/src/transport.factory.ts'),
      import('../../../printer/src/address.parser.ts'),
    ]);
    const st = await createTransport(parsePrinterAddress(address), { timeoutMs }).status();
    return { online: st.online, ...(st.paper ? { paper: st.paper } : {}), ...(st.error ? { error: st.error } : {}) };
  },
  async png(data, options) {
    const { ticketToPng } = await import('../../../printer/src/ticket.preview.ts');
    return ticketToPng(data, options);
  },
};

/** Renders, encodes and sends one ticket (printer/src/printer.print.ts). */
export const defaultPrintDriver: PrintDriver = async (address, data, options) => {
  const { printTicket } = await import('../../../printer/src/printer.print.ts');
  await printTicket(address, data, options);
};
