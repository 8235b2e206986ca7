import type { Area, Counter, Ticket } from '../../server/src/core/entities.ts';
import type { CatalogRepository, TicketsRepository } from '../../server/src/core/store.port.ts';
import { callingNow } from '../../server/src/contract/counter.coverage.ts';

/**
 * Read-your-writes caches in front of the server's own tickets and catalog repositories, for one simulated day.
 * The simulation holds the database alone (an exclusive lock) and writes tickets only through `insert` and `update`
 * and counters only through `saveCounterState`, so what was last written or read here is what the database holds:
 * a use case reading a ticket or a counter back gets the same object the row would map to, without a query and
 * the building of a 29-column row (with the counters, about a fifth of the run). Every write still goes to the
 * database, unchanged, and every query other than by id (the next ticket for a counter, the waiting lists) still
 * asks it.
 * What the caches hand out is frozen: a use case changing what it read would throw, not change the cache.
 */
export interface DayCaches {
  tickets: TicketsRepository;
  catalog: CatalogRepository;
  /** Forget everything: a new day, or a savepoint rolled back. */
  clear(): void;
}

const freezeCounter = (c: Counter): Counter => {
  Object.freeze(c.areaIds);
  return Object.freeze(c);
};

export function cachedRepositories(tickets: TicketsRepository, catalog: CatalogRepository): DayCaches {
  const ticketById = new Map<string, Ticket>();
  const counterById = new Map<string, Counter>();
  const countersOfArea = new Map<string, string[]>();
  const areaById = new Map<string, Area>();
  const keepTicket = (t: Ticket | undefined) => {
    if (t) ticketById.set(t.id, Object.freeze(t));
    return t;
  };
  const keepCounter = (c: Counter | undefined) => {
    if (c) counterById.set(c.id, freezeCounter(c));
    return c;
  };
  const counter = (id: string): Counter | undefined => counterById.get(id) ?? keepCounter(catalog.counter(id));

  const cachedTickets: TicketsRepository = {
    ...tickets,
    get: (id) => ticketById.get(id) ?? keepTicket(tickets.get(id)),
    // The insert answers the ticket as stored (issue_seq and queue_at included): kept, never read back.
    insert: (t) => keepTicket(tickets.insert(t))!,
    update(id, patch) {
      tickets.update(id, patch);
      const hit = ticketById.get(id);
      if (!hit) return;
      if (Object.values(patch).some((v) => v === undefined)) ticketById.delete(id);
      else ticketById.set(id, Object.freeze({ ...hit, ...patch }));
    },
    nextForCounter: (day, counterId) => keepTicket(tickets.nextForCounter(day, counterId)),
  };

  const cachedCatalog: CatalogRepository = {
    ...catalog,
    area(id) {
      const hit = areaById.get(id);
      if (hit) return hit;
      const a = catalog.area(id);
      if (a) areaById.set(id, Object.freeze({ ...a }));
      return areaById.get(id);
    },
    counter,
    countersForArea(areaId) {
      const ids = countersOfArea.get(areaId);
      if (ids) return ids.map((id) => counter(id)!);
      const list = catalog.countersForArea(areaId);
      countersOfArea.set(
        areaId,
        list.map((c) => c.id),
      );
      return list.map((c) => keepCounter(c)!);
    },
    // Counted from the cached counters (kept current by saveCounterState below), as the SQL count would.
    areaCounterCounts(areaId) {
      const list = cachedCatalog.countersForArea(areaId).filter((c) => c.active);
      return { active: list.length, open: list.filter(callingNow).length };
    },
    saveCounterState(c) {
      catalog.saveCounterState(c);
      const hit = counterById.get(c.id);
      if (hit)
        counterById.set(
          c.id,
          Object.freeze({
            ...hit,
            status: c.status,
            clerkId: c.clerkId,
            currentTicketId: c.currentTicketId,
            updatedAt: c.updatedAt,
          }),
        );
    },
    // The layout does not change during a simulated day; were it to, nothing cached survives it.
    upsertArea(a) {
      clear();
      catalog.upsertArea(a);
    },
    setBookingSlotCapacity(areaId, capacity) {
      clear();
      catalog.setBookingSlotCapacity(areaId, capacity);
    },
    upsertCounter(c) {
      clear();
      catalog.upsertCounter(c);
    },
  };

  function clear(): void {
    ticketById.clear();
    counterById.clear();
    countersOfArea.clear();
    areaById.clear();
  }
  return { tickets: cachedTickets, catalog: cachedCatalog, clear };
}
