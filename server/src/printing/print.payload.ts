import type { PrintJobEvent } from '../contract/print.job.ts';
import { printsChecklist } from '../contract/print.job.ts';
import { printerModelOf } from '../contract/printer.address.ts';
import type { Deps } from '../core/ports.ts';
import type { TicketView } from '../core/tickets/ticket.view.ts';
import type { PrintJob } from '../core/store.port.ts';

/**
 * What one print job carries (contract/print.job.ts), read from the committed ticket when the job is sent, so a
 * job resent later prints what is true then. The center's settings give the paper and the words; the kiosk's own
 * device settings give the printer model and whether the procedure's documents go on the ticket.
 */
export function createPrintPayload(deps: Pick<Deps, 'store' | 'settings'>, view: TicketView) {
  const { store } = deps;
  return function payload(job: Pick<PrintJob, 'id' | 'ticketId' | 'kioskId'>): PrintJobEvent {
    const ticket = store.tickets.get(job.ticketId)!;
    const t = view.ticket(ticket);
    const st = deps.settings.get();
    const kiosk = job.kioskId ? store.accounts.device(job.kioskId) : undefined;
    const documents = ticket.procedureId ? (store.procedures.get(ticket.procedureId)?.documents ?? []) : [];
    return {
      jobId: job.id,
      data: {
        centerName: st.name,
        departmentName: t.departmentName,
        areaName: t.areaName,
        procedureName: t.procedure?.name ?? null,
        // Only when this kiosk asks for it (device setting printChecklist) and the procedure lists any.
        checklist: printsChecklist(kiosk?.settings) && documents.length ? documents : null,
        number: t.number,
        priority: t.priority,
        priorityLabel: t.priority ? (t.priorityGroup ?? 'ƯU TIÊN') : null,
        waitingAhead: t.waitingAhead,
        estimatedWaitMin: t.estimatedWaitMin,
        issuedAtMs: Date.parse(t.issuedAt),
        timeZone: st.timeZone,
        trackUrl: t.trackUrl,
        instruction: st.ticketInstruction,
        thanks: st.ticketThanks,
      },
      options: {
        paperWidth: st.printerPaperWidth,
        mode: st.printerMode,
        codePage: st.printerCodePage,
        timeoutMs: st.printerTimeoutMs,
        // Per kiosk (its device settings), unlike the center-wide options above.
        model: printerModelOf(kiosk?.settings),
      },
    };
  };
}
