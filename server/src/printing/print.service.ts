import type { PrintResult } from '../contract/dto.ts';
import type { PrintJobEvent, PrintJobOptions, PrintResultEvent, TicketPrintData } from '../contract/print.job.ts';
import type { Actor } from '../core/entities.ts';
import { AppError } from '../contract/errors.ts';
import { newId } from '../core/ids.ts';
import type { Deps } from '../core/ports.ts';
import type { TicketView } from '../core/tickets/ticket.view.ts';
import { businessDay } from '../core/time/zoned-time.ts';
import type { PrintJob } from '../storage/print-jobs.repository.ts';
import { createPngRenderer } from './png.renderer.ts';
import { createPrintPayload } from './print.payload.ts';
import { createPrinterStates, type PrinterState, type PrinterStatusQuery } from './printer.states.ts';

export type { PrinterState };

/** Prints one ticket on a printer address; rejects with {code, message} (Vietnamese) on failure. */
export type PrintDriver = (address: string, data: TicketPrintData, options: PrintJobOptions) => Promise<void>;

/** Optional extras of the printer module: a status query (DLE EOT) and the ticket as the PNG a printer gets. */
export interface PrinterExtras {
  status?: PrinterStatusQuery;
  png?(data: TicketPrintData, options: PrintJobOptions): Promise<Buffer>;
}

/** Sends a job to the print agent beside a kiosk; false when no agent of that kiosk is connected. */
export interface AgentChannel {
  send(kioskId: string, job: PrintJobEvent): boolean;
}

/**
 * A job not printed within this long is dropped (status `expired`): a citizen who did not get the paper has
 * already been told the number on screen, and a printer back after an outage must not print a pile of old
 * tickets. A job whose ticket no longer waits, or of an earlier business day, is dropped at once.
 */
export const PRINT_JOB_TTL_MS = 10 * 60_000;
/** A job sent to an agent is sent again (unanswered) only on a new connection, or after this long. */
export const PRINT_RESEND_AFTER_MS = 30_000;

const EXPIRED = {
  ticket: 'Không in nữa: số này đã được gọi hoặc không còn chờ.',
  day: 'Không in nữa: đã sang ngày làm việc mới.',
  age: `Không in nữa: lệnh in đã chờ quá ${PRINT_JOB_TTL_MS / 60_000} phút.`,
} as const;

const MESSAGES = {
  printed: 'Vui lòng nhận phiếu.',
  queued: 'Phiếu đang được in, vui lòng chờ trong giây lát.',
  agentAbsent: 'Máy in chưa sẵn sàng. Số của bạn vẫn hợp lệ, vui lòng ghi nhớ số trên màn hình.',
  failed: 'Không in được phiếu. Số của bạn vẫn hợp lệ, vui lòng ghi nhớ số trên màn hình.',
};

/**
 * Print jobs: a ticket is committed first, printing comes after and can only change the job, never
 * the ticket. The caller waits at most the printer timeout; a late result still updates the job.
 */
export function createPrintService(
  deps: Deps,
  view: TicketView,
  driver: PrintDriver,
  opts: { agents: () => AgentChannel; extras?: PrinterExtras },
) {
  const { store, clock } = deps;
  const waiters = new Map<string, (r: PrintResultEvent) => void>();
  const states = createPrinterStates(deps, opts.extras);
  const jobPayload = createPrintPayload(deps, view);
  const timeoutMs = () => deps.settings.get().printerTimeoutMs;
  // The PNG route is open to anyone on the LAN: renders are queued one at a time and cached (png.renderer.ts).
  const extras = opts.extras;
  const renderer = extras?.png
    ? createPngRenderer((data: TicketPrintData, options: PrintJobOptions) => extras.png!(data, options))
    : null;
  // Jobs handed to an agent and not answered yet: when, and to which kiosk's agent (dropped when it goes).
  const sent = new Map<string, { kioskId: string; at: number }>();

  /** Why a job must not be printed any more, or null while it is live. */
  function staleReason(job: PrintJob, now: number): keyof typeof EXPIRED | null {
    const t = store.tickets.get(job.ticketId);
    if (!t || t.status !== 'waiting') return 'ticket';
    const today = businessDay(now, deps.settings.get().timeZone);
    if (t.businessDay !== today || businessDay(job.createdAt, deps.settings.get().timeZone) !== today) return 'day';
    if (now - job.createdAt > PRINT_JOB_TTL_MS) return 'age';
    return null;
  }

  /**
   * The live jobs among these; the stale ones are marked expired. Before a send a failed write only delays the
   * mark (the stale jobs are skipped all the same); the tick rethrows it, for the storage health to hear.
   */
  function sweep(jobs: PrintJob[], rethrow = false): PrintJob[] {
    const now = clock.now();
    const live: PrintJob[] = [];
    const stale: [PrintJob, keyof typeof EXPIRED][] = [];
    for (const job of jobs) {
      const why = staleReason(job, now);
      if (why) stale.push([job, why]);
      else live.push(job);
    }
    if (stale.length) {
      try {
        store.tx(() => {
          for (const [job, why] of stale)
            store.printJobs.setStatus(job.id, 'expired', 'print.expired', EXPIRED[why], now);
        });
        for (const [job] of stale) sent.delete(job.id);
      } catch (e) {
        if (rethrow) throw e;
      }
    }
    return live;
  }

  function record(
    job: PrintJob,
    status: 'printed' | 'failed',
    code: string | null,
    message: string | null,
  ): PrintResult {
    store.printJobs.setStatus(job.id, status, code, message, clock.now());
    states.jobDone(job, status, code, message);
    return status === 'printed'
      ? { status, message: MESSAGES.printed }
      : { status, message: message ?? MESSAGES.failed };
  }

  async function execute(job: PrintJob): Promise<PrintResult> {
    const payload = jobPayload(job);
    const limit = timeoutMs();
    if (job.printer === 'browser') {
      // The kiosk prints the ticket page itself (Chromium --kiosk-printing); the server only records it.
      store.printJobs.setStatus(job.id, 'printed', null, 'In qua trình duyệt của ki-ốt.', clock.now());
      return { status: 'queued', message: MESSAGES.queued };
    }
    if (job.printer === 'agent') {
      const done = new Promise<PrintResultEvent>((resolve) => waiters.set(job.id, resolve));
      if (!opts.agents().send(job.kioskId, payload)) {
        waiters.delete(job.id);
        return { status: 'queued', message: MESSAGES.agentAbsent };
      }
      sent.set(job.id, { kioskId: job.kioskId, at: clock.now() });
      const r = await Promise.race([done, sleep(limit).then(() => null)]);
      waiters.delete(job.id);
      if (!r) return { status: 'queued', message: MESSAGES.queued };
      return record(job, r.status, r.code ?? null, r.message ?? null);
    }
    store.printJobs.setStatus(job.id, 'printing', null, null, clock.now());
    try {
      // The driver has its own timeout; the race is a second guard so the kiosk never waits longer.
      const ok = await Promise.race([
        driver(job.printer, payload.data, payload.options).then(() => true),
        sleep(limit + 250).then(() => false),
      ]);
      return ok
        ? record(job, 'printed', null, null)
        : record(job, 'failed', 'printer.timeout', 'Máy in không phản hồi. ' + MESSAGES.failed);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      return record(job, 'failed', err.code ?? 'printer.io', `${err.message ?? ''} ${MESSAGES.failed}`.trim());
    }
  }

  function newJob(ticketId: string, kioskId: string, printer: string): PrintJob {
    const now = clock.now();
    const job: PrintJob = {
      id: newId(12),
      ticketId,
      kioskId,
      printer,
      status: 'queued',
      code: null,
      message: null,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    store.printJobs.insert(job);
    return job;
  }

  return {
    /** After a kiosk issued a ticket: print on its printer, if it has one. */
    async printNew(ticketId: string, actor: Actor): Promise<PrintResult> {
      // The kiosk as this request's authentication read it, in its one statement: a second read cost a statement
      // per ticket (issue 15). A revoked kiosk or a printer changed is seen from its next request.
      if (actor.kind !== 'device' || actor.deviceKind !== 'kiosk' || !actor.printer) return { status: 'none' };
      return execute(newJob(ticketId, actor.id, actor.printer));
    },
    /** A kiosk reprints on its own printer; staff reprint on the printer of the kiosk that issued the ticket. */
    async reprint(ticketId: string, actor: Actor): Promise<PrintResult> {
      const t = store.tickets.get(ticketId);
      if (!t) throw new AppError('ticket.not_found');
      const kioskId = actor.kind === 'device' ? actor.id : t.issuerKind === 'kiosk' ? t.issuerId : null;
      const kiosk = kioskId ? store.accounts.device(kioskId) : undefined;
      if (!kiosk || kiosk.revokedAt || !kiosk.printer) throw new AppError('print.no_printer');
      return execute(newJob(ticketId, kiosk.id, kiosk.printer));
    },
    /** A print agent reports a job's outcome. */
    complete(kioskId: string, r: PrintResultEvent): boolean {
      const job = store.printJobs.get(r.jobId);
      if (!job || job.kioskId !== kioskId) return false;
      record(job, r.status === 'printed' ? 'printed' : 'failed', r.code ?? null, r.message ?? null);
      sent.delete(job.id);
      waiters.get(job.id)?.(r);
      return true;
    },
    /**
     * What to send an agent that (re)connects or says it is ready: its live jobs, each once: a job already
     * sent and not answered goes again only after PRINT_RESEND_AFTER_MS (or on the agent's next connection).
     */
    pendingFor(kioskId: string): PrintJobEvent[] {
      const now = clock.now();
      const out: PrintJobEvent[] = [];
      for (const job of sweep(store.printJobs.pendingForKiosk(kioskId))) {
        const s = sent.get(job.id);
        if (s && now - s.at < PRINT_RESEND_AFTER_MS) continue;
        sent.set(job.id, { kioskId, at: now });
        out.push(jobPayload(job));
      }
      return out;
    },
    /** The day-close tick: marks every stale job expired, so a ticket's print status says so without an agent. */
    expireStale(): void {
      sweep(store.printJobs.pending(), true);
    },
    agentSeen(kioskId: string, online: boolean, detail?: string): void {
      // The agent is gone: what it was sent and did not answer goes again to its next connection.
      if (!online) for (const [id, s] of sent) if (s.kioskId === kioskId) sent.delete(id);
      states.agentSeen(kioskId, online, detail);
    },
    states: (): PrinterState[] => states.list(),
    /** Asks each network printer for its status (DLE EOT): online and paper, between tickets. */
    probe: (): Promise<void> => states.probe(timeoutMs()),
    /** The ticket exactly as a printer gets it, as PNG (preview, and the browser-print fallback). */
    async png(ticketId: string): Promise<Buffer> {
      if (!renderer) throw new AppError('ticket.not_printable');
      const t = store.tickets.get(ticketId);
      if (!t) throw new AppError('ticket.not_found');
      // The paper of the kiosk that issued it (its printer model, its checklist setting).
      const payload = jobPayload({ id: 'preview', ticketId, kioskId: t.issuerKind === 'kiosk' ? t.issuerId : '' });
      return renderer.png(payload.data, payload.options);
    },
    state: (kioskId: string): PrinterState | undefined => states.get(kioskId),
  };
}

export type PrintService = ReturnType<typeof createPrintService>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
