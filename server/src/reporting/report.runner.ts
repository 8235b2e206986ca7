import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../contract/errors.ts';
import type { Deps } from '../core/ports.ts';
import { summaryReport, type ReportResult } from '../core/reports/reports.usecases.ts';
import type { GroupBy } from '../core/reports/report.aggregate.ts';
import { businessDay } from '../core/time/zoned-time.ts';

export interface ReportQuery {
  from?: string;
  to?: string;
  groupBy: GroupBy;
}

/**
 * Runs reports off the main thread when the server runs compiled: a year of tickets takes seconds to
 * aggregate, and the queue must not stop for it. The worker reads the same SQLite file on its own
 * read-only connection (WAL lets it read while the server writes). From TypeScript sources (tests) it
 * runs in-process.
 */
export function createReportRunner(deps: Deps, dbFile: string | null) {
  const workerFile = fileURLToPath(new URL('./report.worker.js', import.meta.url));
  const useWorker = dbFile !== null && import.meta.url.endsWith('.js') && existsSync(workerFile);
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve: (r: ReportResult) => void; reject: (e: unknown) => void }>();

  function getWorker(): Worker {
    if (worker) return worker;
    const w = new Worker(workerFile, { workerData: { dbFile } });
    w.on('message', (m: { id: number; result?: ReportResult; error?: { code: string; message: string } }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if (m.result) p.resolve(m.result);
      else p.reject(new AppError((m.error?.code ?? 'server.internal') as never, m.error?.message));
    });
    w.on('error', (e) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      worker = null;
    });
    w.on('exit', () => {
      worker = null;
    });
    w.unref();
    worker = w;
    return w;
  }

  return {
    run(q: ReportQuery): Promise<ReportResult> {
      // Resolve "today" here, with the server's clock, so the worker needs no clock of its own.
      const today = businessDay(deps.clock.now(), deps.settings.get().timeZone);
      const query = { from: q.from ?? today, to: q.to ?? q.from ?? today, groupBy: q.groupBy };
      if (!useWorker) return Promise.resolve().then(() => summaryReport(deps, query));
      return new Promise((resolve, reject) => {
        const id = ++seq;
        pending.set(id, { resolve, reject });
        getWorker().postMessage({ id, query });
      });
    },
    async close(): Promise<void> {
      await worker?.terminate();
      worker = null;
    },
  };
}

export type ReportRunner = ReturnType<typeof createReportRunner>;
