import { printTicket } from './printer.print.ts';
import { sampleTicket } from './ticket.preview.ts';
import { startFakePrinter } from './testing/fake-printer.testing.ts';
import type { PrintOptions } from './printer.types.ts';

export interface PrintBenchResult {
  n: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  bytesPerTicket: number;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/**
 * Prints n tickets, one after another as a kiosk would, to the loopback fake printer.
 * Latency = from the printTicket call (render included) to the last byte the printer got.
 */
export async function benchPrinting(
  n = 200,
  opts: PrintOptions = {},
  now: () => number = () => performance.now(),
): Promise<PrintBenchResult> {
  const printer = await startFakePrinter({ now });
  const latencies: number[] = [];
  let bytes = 0;
  try {
    for (let i = 0; i < n; i++) {
      const t0 = now();
      await printTicket(printer.address, sampleTicket({ number: String(1000 + i), waitingAhead: i % 40 }), {
        timeoutMs: 5000,
        ...opts,
      });
      const job = printer.jobs[i];
      if (!job?.lastByteAt) throw new Error(`bench: ticket ${i} did not reach the printer`);
      latencies.push(job.lastByteAt - t0);
      bytes += job.bytes.length;
    }
  } finally {
    await printer.close();
  }
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
    bytesPerTicket: Math.round(bytes / Math.max(1, n)),
  };
}
