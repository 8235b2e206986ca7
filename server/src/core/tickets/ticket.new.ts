import type { NewTicket } from '../entities.ts';

/** What a fresh ticket must be told; everything else starts empty (not called, not served, no note). */
export type NewTicketFields = Pick<
  NewTicket,
  'id' | 'number' | 'seq' | 'businessDay' | 'areaId' | 'issuedAt' | 'issuerKind' | 'issuerId'
> &
  Partial<NewTicket>;

/**
 * A waiting ticket as it is issued: the one place that lists a new ticket's empty fields, so the use case, the
 * storage tests and the benches' floors insert the same row.
 */
export function newWaitingTicket(fields: NewTicketFields): NewTicket {
  return {
    issuedAreaId: fields.areaId,
    targetCounterId: null,
    priority: false,
    priorityGroup: null,
    status: 'waiting',
    firstCalledAt: null,
    calledAt: null,
    finishedAt: null,
    counterId: null,
    clerkId: null,
    recalls: 0,
    transfers: 0,
    idempotencyKey: null,
    dossierCode: null,
    note: null,
    procedureId: null,
    ...fields,
  };
}
