/** A ticket row as the province feed sends it (docs/province.md): camelCase, `rev` the seq of its outbox line. */
export function ticketData(t: Record<string, unknown>, rev: number) {
  return {
    id: t.id,
    number: t.number,
    rev,
    channel: t.channel ?? 'kiosk',
    priority: t.priority === 1,
    issuedAreaId: t.issued_area_id,
    areaId: t.area_id,
    counterId: t.counter_id,
    clerkId: t.clerk_id,
    status: t.status,
    businessDay: t.business_day,
    issuedAt: t.issued_at,
    firstCalledAt: t.first_called_at,
    calledAt: t.called_at,
    finishedAt: t.finished_at,
    transfers: t.transfers,
    procedureId: t.procedure_id ?? null,
  };
}
