import type { BroadcastOperator, Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/events.ts';
import type { Deps, DomainEvent } from '../core/ports.ts';
import type { TicketView } from '../core/tickets/ticket.view.ts';
import type { Ticket } from '../core/entities.ts';
import { toPublicTicket } from '../core/tickets/ticket.public.ts';
import type { SocketData } from './realtime.handshake.ts';
import { ticketsNamed, toRefresh } from './realtime.tracked.ts';

type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/**
 * The payload of a server event as a room broadcast takes it: socket.io wraps the event map (for acks with many
 * answers), and only that wrapped form's parameters are accepted by `io.to(...).emit` for a generic event name.
 */
type RoomEvents = ReturnType<IoServer['to']> extends BroadcastOperator<infer M, SocketData> ? M : never;
export type Payload<E extends keyof ServerToClientEvents> = Parameters<RoomEvents[E]>;

/** Rooms: who hears what (API.md, Real-time). */
export const ROOMS = {
  staff: 'staff',
  displays: 'displays',
  kiosks: 'kiosks',
  control: 'control',
  rating: (counterId: string) => `rating:${counterId}`,
  ticket: (ticketId: string) => `ticket:${ticketId}`,
  printer: (kioskId: string) => `printer:${kioskId}`,
};
const BROADCAST = [ROOMS.staff, ROOMS.displays, ROOMS.kiosks];
/** Screens that get the public form of tickets and counters (no clerk identity, note or dossier code); staff get it whole. */
const SCREENS = [ROOMS.displays, ROOMS.kiosks];

/** Queues one event for some rooms (null: everyone); realtime.server.ts writes it after the HTTP answer. */
export type Send = <E extends keyof ServerToClientEvents>(
  rooms: string | string[] | null,
  event: E,
  ...payload: Payload<E>
) => void;

/** What the rating pad of a counter is asked: the public ticket and who served the citizen. */
export function ratingRequestOf(deps: Deps, view: TicketView) {
  return (counterId: string, ticketId: string) => {
    const t = deps.store.tickets.get(ticketId);
    if (!t) return undefined;
    const clerk = t.clerkId ? deps.store.accounts.user(t.clerkId) : undefined;
    // The pad shows who served the citizen (clerkName), and nothing else of the clerk or what the clerk wrote.
    return { counterId, ticket: view.publicTicket(t), clerkName: clerk?.displayName ?? null };
  };
}

/**
 * Domain events → socket events: who hears what, in which form (staff get tickets whole, screens their public
 * form). Each payload is built once per audience and written once per room broadcast (socket.io encodes a
 * broadcast packet once for all its sockets).
 */
export function createPublisher(p: {
  deps: Deps;
  view: TicketView;
  send: Send;
  ratingRequest: ReturnType<typeof ratingRequestOf>;
  /** Tickets followed by a phone right now. */
  tracked: () => Iterable<string>;
  disconnect: (kind: 'device' | 'user', id: string) => void;
  disconnectWhere: (test: (d: SocketData) => boolean) => void;
}) {
  const { deps, view, send, ratingRequest, disconnect, disconnectWhere } = p;

  /** What one batch (a commit, or a group commit) changed, for the phones' refresh: loaded once, when first asked. */
  interface Batch {
    named: Set<string>;
    changed: Ticket[] | null;
    /** Areas whose phones were refreshed: a second queue:updated of the area in the batch would repeat the first. */
    refreshed: Set<string>;
  }

  function publishOne(e: DomainEvent, batch: Batch): void {
    switch (e.type) {
      case 'ticket:issued': {
        const t = deps.store.tickets.get(e.ticketId);
        if (t) {
          // The view once (its queries: people ahead, the print job), the public form cut from it.
          const whole = view.ticket(t);
          send(ROOMS.staff, 'ticket:issued', { ticket: whole });
          send(SCREENS, 'ticket:issued', { ticket: toPublicTicket(whole) });
        }
        return;
      }
      case 'ticket:updated': {
        const t = deps.store.tickets.get(e.ticketId);
        if (!t) return;
        const whole = view.ticket(t);
        send(ROOMS.staff, 'ticket:updated', { ticket: whole });
        send([...SCREENS, ROOMS.ticket(t.id)], 'ticket:updated', { ticket: toPublicTicket(whole) });
        return;
      }
      case 'ticket:called': {
        const call = view.call(e.ticketId, e.counterId, e.recall, e.at);
        if (call) send([...BROADCAST, ROOMS.ticket(e.ticketId)], 'ticket:called', call);
        return;
      }
      case 'counter:updated': {
        const c = deps.store.catalog.counter(e.counterId);
        if (c) {
          send(ROOMS.staff, 'counter:updated', { counter: view.counter(c) });
          send(SCREENS, 'counter:updated', { counter: view.publicCounter(c) });
        }
        return;
      }
      case 'queue:updated': {
        send(BROADCAST, 'queue:updated', { areaId: e.areaId, waiting: view.waitingCount(e.areaId) });
        refreshTracked(e.areaId, batch);
        return;
      }
      case 'rating:requested': {
        const p = ratingRequest(e.counterId, e.ticketId);
        if (p) send(ROOMS.rating(e.counterId), 'rating:requested', p);
        return;
      }
      case 'rating:closed':
        send(ROOMS.rating(e.counterId), 'rating:closed', { counterId: e.counterId, ticketId: e.ticketId });
        return;
      case 'rating:recorded':
        send(ROOMS.staff, 'rating:recorded', {
          counterId: e.counterId,
          ticketId: e.ticketId,
          clerkId: e.clerkId,
          level: e.level,
        });
        return;
      case 'config:updated':
        send(null, 'config:updated', { reason: e.reason });
        return;
      case 'device:revoked':
        disconnect('device', e.deviceId);
        return;
      case 'user:deactivated':
        disconnect('user', e.userId);
        return;
      case 'session:ended':
        disconnectWhere((d) => d.tokenHash === e.tokenHash);
        return;
    }
  }

  /**
   * Tell the phones that follow a waiting ticket of the area its new people-ahead count, but only those whose count
   * can have changed (realtime.tracked.ts): a ticket issued at the end of the line rebuilds nobody's view.
   */
  function refreshTracked(areaId: string, batch: Batch): void {
    if (batch.refreshed.has(areaId)) return;
    batch.refreshed.add(areaId);
    const followed: Ticket[] = [];
    for (const id of p.tracked()) {
      const t = deps.store.tickets.get(id);
      if (t && t.status === 'waiting' && t.areaId === areaId) followed.push(t);
    }
    if (!followed.length) return;
    batch.changed ??= [...batch.named].flatMap((id) => deps.store.tickets.get(id) ?? []);
    for (const t of toRefresh(areaId, batch.changed, followed))
      send(ROOMS.ticket(t.id), 'ticket:updated', { ticket: view.publicTicket(t) });
  }

  /** Publishes every event of one batch in order; `guarded` keeps a fault in one event from the others. */
  return function publish(events: readonly DomainEvent[], guarded: (what: string, fn: () => void) => void): void {
    const batch: Batch = { named: ticketsNamed(events), changed: null, refreshed: new Set() };
    for (const e of events) guarded(`phát sự kiện ${e.type}`, () => publishOne(e, batch));
  };
}
