import type { Db } from './db.ts';
import type { PrintJob, PrintJobStatus, PrintJobsRepository } from '../core/store.port.ts';

// The job's shape is core's (store.port.ts); named here too for the callers that read jobs from storage.
export type { PrintJob, PrintJobStatus };

interface Row {
  id: string;
  ticket_id: string;
  kiosk_id: string;
  printer: string;
  status: PrintJobStatus;
  code: string | null;
  message: string | null;
  attempts: number;
  created_at: number;
  updated_at: number;
}
const toJob = (r: Row): PrintJob => ({
  id: r.id,
  ticketId: r.ticket_id,
  kioskId: r.kiosk_id,
  printer: r.printer,
  status: r.status,
  code: r.code,
  message: r.message,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createPrintJobsRepository(db: Db): PrintJobsRepository {
  const latest = db.prepare<[string], Row>(
    'SELECT * FROM print_jobs WHERE ticket_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );
  return {
    insert: (j: PrintJob) =>
      db
        .prepare(
          `INSERT INTO print_jobs (id, ticket_id, kiosk_id, printer, status, code, message, attempts, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(j.id, j.ticketId, j.kioskId, j.printer, j.status, j.code, j.message, j.attempts, j.createdAt, j.updatedAt),
    get: (id: string) => {
      const r = db.prepare<[string], Row>('SELECT * FROM print_jobs WHERE id = ?').get(id);
      return r && toJob(r);
    },
    latestOfTicket: (ticketId: string) => {
      const r = latest.get(ticketId);
      return r && toJob(r);
    },
    setStatus: (id: string, status: PrintJobStatus, code: string | null, message: string | null, now: number) =>
      db
        .prepare(
          "UPDATE print_jobs SET status = ?, code = ?, message = ?, attempts = attempts + (CASE WHEN ? = 'printing' THEN 1 ELSE 0 END), updated_at = ? WHERE id = ?",
        )
        .run(status, code, message, status, now, id),
    /** Every job not yet answered, of every kiosk (the day-close tick expires the stale ones). */
    pending: () =>
      db
        .prepare<[], Row>(`SELECT * FROM print_jobs WHERE status IN ('queued', 'printing') ORDER BY created_at`)
        .all()
        .map(toJob),
    pendingForKiosk: (kioskId: string) =>
      db
        .prepare<[string], Row>(
          `SELECT * FROM print_jobs WHERE kiosk_id = ? AND status IN ('queued', 'printing') ORDER BY created_at`,
        )
        .all(kioskId)
        .map(toJob),
    recentForKiosk: (kioskId: string, limit: number) =>
      db
        .prepare<[string, number], Row>('SELECT * FROM print_jobs WHERE kiosk_id = ? ORDER BY created_at DESC LIMIT ?')
        .all(kioskId, limit)
        .map(toJob),
  };
}
