import type { Deps } from '../core/ports.ts';
import type { PrintJob } from '../core/store.port.ts';

/** A status query (DLE EOT) of the printer module: online and paper. */
export type PrinterStatusQuery = (
  address: string,
  timeoutMs: number,
) => Promise<{ online: boolean; paper?: string; error?: string }>;

export interface PrinterState {
  kioskId: string;
  printer: string;
  online: boolean | null;
  paper?: string;
  lastStatus: string;
  lastError: string | null;
  at: number;
}

/**
 * What the server last knew of each kiosk's printer (the control room's printer list): from the outcome of its
 * last job, its print agent's presence, or a status query between tickets. In memory: a restart forgets it, and
 * the next job or probe tells again.
 */
export function createPrinterStates(
  deps: Pick<Deps, 'store' | 'clock'>,
  extras: { status?: PrinterStatusQuery } | undefined,
) {
  const { store, clock } = deps;
  const states = new Map<string, PrinterState>();

  return {
    /** A job printed or failed: a paper-out printer is online (it answered), any other failure is not. */
    jobDone(job: PrintJob, result: 'printed' | 'failed', code: string | null, message: string | null): void {
      states.set(job.kioskId, {
        kioskId: job.kioskId,
        printer: job.printer,
        online: result === 'printed' || code === 'printer.paper_out',
        lastStatus: result,
        lastError: message,
        at: clock.now(),
      });
    },
    agentSeen(kioskId: string, online: boolean, detail?: string): void {
      const prev = states.get(kioskId);
      states.set(kioskId, {
        kioskId,
        printer: 'agent',
        online,
        lastStatus: prev?.lastStatus ?? 'unknown',
        lastError: detail ?? prev?.lastError ?? null,
        at: clock.now(),
      });
    },
    /** Asks each network printer for its status (DLE EOT): online and paper, between tickets. */
    async probe(timeoutMs: number): Promise<void> {
      if (!extras?.status) return;
      for (const d of store.accounts.devices()) {
        if (d.kind !== 'kiosk' || d.revokedAt || !d.printer || d.printer === 'agent' || d.printer === 'browser')
          continue;
        try {
          const st = await extras.status(d.printer, Math.min(2000, timeoutMs));
          const prev = states.get(d.id); // read after the wait: a job may have ended meanwhile
          states.set(d.id, {
            kioskId: d.id,
            printer: d.printer,
            online: st.online,
            ...(st.paper ? { paper: st.paper } : {}),
            lastStatus: prev?.lastStatus ?? 'unknown',
            lastError: st.error ?? (st.online ? null : (prev?.lastError ?? null)),
            at: clock.now(),
          });
        } catch (e) {
          states.set(d.id, {
            kioskId: d.id,
            printer: d.printer,
            online: false,
            lastStatus: states.get(d.id)?.lastStatus ?? 'unknown',
            lastError: (e as Error).message,
            at: clock.now(),
          });
        }
      }
    },
    list: (): PrinterState[] => [...states.values()],
    get: (kioskId: string): PrinterState | undefined => states.get(kioskId),
  };
}
