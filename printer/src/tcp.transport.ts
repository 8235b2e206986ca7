import net from 'node:net';
import type { PrinterStatus, Transport, TransportOptions } from './printer.types.ts';
import { DEFAULT_TIMEOUT_MS } from './printer.types.ts';
import { PrinterError, printerErrorFromErrno } from './printer.error.ts';
import { statusRequest } from './escpos.encoder.ts';
import { decodePaperStatus, STATUS_MESSAGES, statusFromAnswers } from './escpos.status.ts';

/** How long a finished socket may linger for the printer's FIN before we drop it. */
const LINGER_MS = 2000;

/**
 * Raw TCP (port 9100). A write callback only means the kernel took the bytes; a printer
 * that accepted the connection and then stalled looks the same. So every job ends with
 * DLE EOT 4 and counts as printed only when the printer answers it or, for printers
 * without status, closes its side after our FIN. Neither within timeoutMs → printer.timeout.
 */
export function createTcpTransport(host: string, port: number, opts: TransportOptions = {}): Transport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const statusTimeoutMs = opts.statusTimeoutMs ?? Math.min(800, timeoutMs);
  const confirmByPrinter = opts.confirm !== 'sent';

  function send(bytes: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host, port });
      let connected = false;
      let written = false;
      let lastAnswer: number | undefined;
      let settled = false;
      const timer = setTimeout(
        () =>
          fail(
            new PrinterError(
              'printer.timeout',
              connected ? (written ? 'no confirmation from printer' : 'write stalled') : 'connect timeout',
            ),
          ),
        timeoutMs,
      );
      const finish = (err: PrinterError | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) {
          socket.destroy();
          reject(err);
          return;
        }
        socket.end();
        const linger = setTimeout(() => socket.destroy(), LINGER_MS);
        linger.unref();
        socket.once('close', () => clearTimeout(linger));
        resolve();
      };
      const fail = (e: PrinterError) => finish(e);
      const confirmIfDone = () => {
        if (!written || settled) return;
        if (lastAnswer !== undefined && decodePaperStatus(lastAnswer) === 'out') {
          fail(new PrinterError('printer.paper_out', `DLE EOT 4 answer 0x${lastAnswer.toString(16)}`));
        } else if (lastAnswer !== undefined) finish(null);
      };
      socket.setNoDelay(true);
      socket.on('connect', () => {
        connected = true;
        const trailer = confirmByPrinter ? statusRequest(4) : new Uint8Array(0);
        socket.write(bytes);
        socket.write(trailer, (err) => {
          if (err) return; // the 'error' event reports it
          written = true;
          socket.end();
          if (confirmByPrinter) confirmIfDone();
          else finish(null);
        });
      });
      socket.on('data', (chunk: Buffer) => {
        lastAnswer = chunk[chunk.length - 1];
        confirmIfDone();
      });
      socket.on('error', (err) => fail(printerErrorFromErrno(err, connected ? 'write' : 'connect')));
      socket.on('close', (hadError) => {
        if (settled) return;
        // The printer closed after reading our FIN: it has everything.
        if (written && !hadError) finish(null);
        else
          fail(
            new PrinterError(
              connected ? 'printer.disconnected' : 'printer.offline',
              'closed before the job was confirmed',
            ),
          );
      });
    });
  }

  function status(): Promise<PrinterStatus> {
    return new Promise<PrinterStatus>((resolve) => {
      const socket = net.connect({ host, port });
      const answers: number[] = [];
      let settled = false;
      const done = (s: PrinterStatus) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(answerTimer);
        socket.destroy();
        resolve(s);
      };
      const connectTimer = setTimeout(
        () => done({ online: false, paper: 'unknown', error: STATUS_MESSAGES.unreachable }),
        timeoutMs,
      );
      let answerTimer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        clearTimeout(connectTimer);
        socket.write(Buffer.concat([statusRequest(1), statusRequest(4)]));
        // TCP alone proves nothing about paper; printers without DLE EOT simply stay silent.
        answerTimer = setTimeout(() => done({ online: true, paper: 'unknown' }), statusTimeoutMs);
      });
      socket.on('data', (chunk: Buffer) => {
        answers.push(...chunk);
        if (answers.length >= 2) done(statusFromAnswers(answers[0], answers[1]));
      });
      socket.on('error', () => done({ online: false, paper: 'unknown', error: STATUS_MESSAGES.unreachable }));
      socket.on('close', () =>
        done(
          answers.length
            ? statusFromAnswers(answers[0], undefined)
            : { online: false, paper: 'unknown', error: STATUS_MESSAGES.unreachable },
        ),
      );
    });
  }

  return { send, status };
}
