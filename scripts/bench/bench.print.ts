import { performance } from 'node:perf_hooks';
import { startFakePrinter } from '../../printer/src/testing/fake-printer.testing.ts';
import { fmt, printTable, summary } from './bench.stats.ts';

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
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await call('POST', '/api/tickets', { areaId }, kiosk.token);
      answer.push(performance.now() - t0);
      if (r.body?.print?.status !== 'printed')
        throw new Error(`bench: ticket ${i} not printed: ${JSON.stringify(r.body?.print)}`);
      const job = printer.jobs[i];
      if (!job?.lastByteAt) throw new Error(`bench: ticket ${i} did not reach the printer`);
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
