import type { NewTicket } from '../entities.ts';

/** What a fresh ticket must be told; everything else starts empty (not called, not served, no note). */
export type NewTicketFields = Pick<
  NewTicket,
  'id' | 'number' | 'seq' | 'businessDay' | 'areaId' | 'issuedAt' | 'issuerKind' | 'issuerId'
> &
  Partial<NewTicket>;

/**
 * The state every ticket starts in: waiting, not called, not served, no note. The insert writes these as constants
 * (storage/tickets.repository.ts answers the stored ticket from them without reading it back).
 */
export const FRESH_TICKET_STATE = {
  targetCounterId: null,
  status: 'waiting',
  firstCalledAt: null,
  calledAt: null,
  finishedAt: null,
  counterId: null,
  clerkId: null,
  recalls: 0,
  transfers: 0,
  dossierCode: null,
  note: null,
} as const satisfies Partial<NewTicket>;

/**
 * A waiting ticket as it is issued: the one place that lists a new ticket's empty fields, so the use case, the
 * storage tests and the benches' floors insert the same row.
 */
export function newWaitingTicket(fields: NewTicketFields): NewTicket {
  return {
    issuedAreaId: fields.areaId,
    priority: false,
    priorityGroup: null,
    idempotencyKey: null,
    procedureId: null,
    ...FRESH_TICKET_STATE,
    ...fields,
  };
}
