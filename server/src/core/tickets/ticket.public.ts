import type { PublicTicketDto } from '../../contract/dto.ts';

/** Picks the public fields, one by one: a field is public only once it is named here (and in PublicTicketDto). */
export function toPublicTicket(d: PublicTicketDto): PublicTicketDto {
  return {
    id: d.id,
    number: d.number,
    areaId: d.areaId,
    areaCode: d.areaCode,
    areaName: d.areaName,
    departmentId: d.departmentId,
    departmentName: d.departmentName,
    status: d.status,
    priority: d.priority,
    priorityGroup: d.priorityGroup,
    businessDay: d.businessDay,
    issuedAt: d.issuedAt,
    calledAt: d.calledAt,
    finishedAt: d.finishedAt,
    waitingAhead: d.waitingAhead,
    estimatedWaitMin: d.estimatedWaitMin,
    counter: d.counter,
    targetCounterId: d.targetCounterId,
    ...(d.waitingFor !== undefined ? { waitingFor: d.waitingFor } : {}),
    recalls: d.recalls,
    transfers: d.transfers,
    trackUrl: d.trackUrl,
    procedure: d.procedure,
    channel: d.channel,
    ...(d.print ? { print: d.print } : {}),
  };
}

/** Staff (signed-in users) see tickets and counters whole; devices and anonymous callers the public form. */
export const seesStaffData = (actor: { kind: string } | null | undefined): boolean => actor?.kind === 'user';
