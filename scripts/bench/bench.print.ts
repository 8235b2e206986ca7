import { performance } from 'node:perf_hooks';
import { startFakePrinter, type FakePrintJob } from '../../printer/src/testing/fake-printer.testing.ts';
import { fmt, printTable, summary } from './bench.stats.ts';

/** A status probe is DLE EOT n, twice: 6 bytes; a ticket is tens of kB. */
const STATUS_BYTES = 64;

/** The first connection from `from` on, opened at `t0` or later, that carried a ticket (not a status probe); -1 if none. */
export function ticketJobAt(
  jobs: readonly Pick<FakePrintJob, 'connectedAt' | 'bytes'>[],
  from: number,
  t0: number,
): number {
  return jobs.findIndex((j, k) => k >= from && j.connectedAt >= t0 && j.bytes.length > STATUS_BYTES);
}

type Call = (method: string, path: string, body?: unknown, token?: string) => Promise<{ status: number; body: any }>;

/**
 * Issue 3's figure, end to end: from a kiosk's POST /api/tickets to the last byte at a (fake) network
 * printer on loopback, one ticket after another as at a kiosk; and the bytes per ticket.
 */
export async function benchServerPrinting(call: Call, admin: string, areaId: string, n = 200): Promise<void> {
  const printer = await startFakePrinter();
  try {
    const kiosk = (
      await call('POST', '/api/devices', { kind: 'kiosk', name: 'Ki-ốt đo in', printer: printer.address }, admin)
    ).body as { token: string };
    const lat: number[] = [];
    const answer: number[] = [];
    let bytes = 0;
    // The server also asks the printer for its status between tickets (DLE EOT, a connection of a few bytes, see
    // server.jobs.ts): those connections are not tickets. Taking jobs[i] as ticket i counted a probe as a ticket and
    // shifted every later latency (a negative p50 was printed once).
    let next = 0;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await call('POST', '/api/tickets', { areaId }, kiosk.token);
      answer.push(performance.now() - t0);
      if (r.body?.print?.status !== 'printed')
        throw new Error(`bench: ticket ${i} not printed: ${JSON.stringify(r.body?.print)}`);
      const at = ticketJobAt(printer.jobs, next, t0);
      const job = printer.jobs[at];
      if (!job?.lastByteAt) throw new Error(`bench: ticket ${i} did not reach the printer`);
      next = at + 1;
      lat.push(job.lastByteAt - t0);
      bytes += job.bytes.length;
    }
    const s = summary(lat);
    const a = summary(answer);
    printTable(`In phiếu / printing through the server (${n} tickets, 80 mm raster, fake TCP printer)`, [
      ['issue → last byte at the printer', `p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, max ${fmt(s.max)} ms`],
      ['issue → answer to the kiosk (print confirmed)', `p50 ${fmt(a.p50)} ms, p99 ${fmt(a.p99)} ms`],
      ['bytes per ticket', `${Math.round(bytes / n)}`],
    ]);
  } finally {
    await printer.close();
  }
}
