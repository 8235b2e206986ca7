import type { PrinterAddress, Transport, TransportOptions } from './printer.types.ts';
import { createTcpTransport } from './tcp.transport.ts';
import { createFileTransport } from './file.transport.ts';
import { createCupsTransport } from './cups.transport.ts';

export function createTransport(addr: PrinterAddress, opts: TransportOptions = {}): Transport {
  switch (addr.kind) {
    case 'tcp':
      return createTcpTransport(addr.host, addr.port, opts);
    case 'file':
      return createFileTransport(addr.path, opts);
    case 'cups':
      return createCupsTransport(addr.queue, opts);
  }
}
