import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents, SocketAuth } from '../contract/events.ts';
import { authenticate } from '../core/accounts/accounts.usecases.ts';
import type { Actor } from '../core/entities.ts';
import type { Deps, DomainEvent, Notifier } from '../core/ports.ts';
import type { TicketView } from '../core/tickets/ticket.view.ts';
import type { AgentChannel, PrintService } from '../printing/print.service.ts';
import { SESSION_COOKIE } from '../http/auth.middleware.ts';

interface SocketData { actor: Actor | null; ticketId: string | null }
type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Rooms: who hears what (API.md, Real-time). */
export const ROOMS = {
  staff: 'staff', displays: 'displays', kiosks: 'kiosks', control: 'control',
  rating: (counterId: string) => `rating:${counterId}`,
  ticket: (ticketId: string) => `ticket:${ticketId}`,
  printer: (kioskId: string) => `printer:${kioskId}`,
};
const BROADCAST = [ROOMS.staff, ROOMS.displays, ROOMS.kiosks];

const printResult = z.object({ jobId: z.string().min(1).max(100), status: z.enum(['printed', 'failed']), code: z.string().max(60).optional(), message: z.string().max(500).optional() });

export function createRealtime(http: HttpServer, deps: Deps, view: TicketView, printing: () => PrintService) {
  const io: IoServer = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000 });
  const tracked = new Map<string, number>();

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as SocketAuth;
    const token = typeof auth.token === 'string' ? auth.token : cookieToken(socket.handshake.headers.cookie);
    if (token) {
      const actor = authenticate(deps, token);
      if (!actor) return next(new Error('Mã xác thực không hợp lệ hoặc đã bị thu hồi.'));
      socket.data = { actor, ticketId: null };
      return next();
    }
    if (typeof auth.ticketId === 'string' && auth.ticketId.length <= 100 && deps.store.tickets.get(auth.ticketId)) {
      socket.data = { actor: null, ticketId: auth.ticketId };
      return next();
    }
    next(new Error(auth.ticketId ? 'Không tìm thấy số thứ tự.' : 'Cần mã xác thực.'));
  });

  io.on('connection', (socket: IoSocket) => {
    const { actor, ticketId } = socket.data;
    if (ticketId) {
      void socket.join(ROOMS.ticket(ticketId));
      tracked.set(ticketId, (tracked.get(ticketId) ?? 0) + 1);
      socket.on('disconnect', () => { const n = (tracked.get(ticketId) ?? 1) - 1; if (n > 0) tracked.set(ticketId, n); else tracked.delete(ticketId); });
      const t = deps.store.tickets.get(ticketId);
      if (t) socket.emit('state:snapshot', view.state(t));
      return;
    }
    if (!actor || actor.kind === 'system') return void socket.disconnect(true);
    if (actor.kind === 'user') {
      void socket.join(ROOMS.staff);
      if (actor.role !== 'clerk') void socket.join(ROOMS.control);
    } else if (actor.deviceKind === 'display') void socket.join(ROOMS.displays);
    else if (actor.deviceKind === 'kiosk') void socket.join(ROOMS.kiosks);
    else if (actor.deviceKind === 'rating' && actor.counterId) void socket.join(ROOMS.rating(actor.counterId));
    else if (actor.deviceKind === 'printer' && actor.kioskId) attachAgent(socket, actor.kioskId);
    socket.emit('state:snapshot', view.state());
  });

  function attachAgent(socket: IoSocket, kioskId: string): void {
    void socket.join(ROOMS.printer(kioskId));
    printing().agentSeen(kioskId, true);
    socket.on('print:result', (raw) => {
      const r = printResult.safeParse(raw);
      if (r.success) printing().complete(kioskId, r.data);
    });
    socket.on('print:agent-ready', () => { for (const job of printing().pendingFor(kioskId)) socket.emit('print:job', job); });
    socket.on('disconnect', () => { if (!io.sockets.adapter.rooms.get(ROOMS.printer(kioskId))?.size) printing().agentSeen(kioskId, false, 'Trình in (print agent) mất kết nối.'); });
    for (const job of printing().pendingFor(kioskId)) socket.emit('print:job', job);
  }

  // Payloads are built right after the commit (so they show the committed state), but written to the
  // sockets after the HTTP answer has gone: one FIFO, so the order of events is kept.
  type Out = [rooms: string | string[] | null, event: keyof ServerToClientEvents, payload: unknown];
  const outbox: Out[] = [];
  let flushing = false;
  function send(rooms: string | string[] | null, event: keyof ServerToClientEvents, payload: unknown): void {
    outbox.push([rooms, event, payload]);
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      for (const [r, ev, p] of outbox.splice(0)) {
        const target = r === null ? io : io.to(r);
        (target.emit as (e: string, p: unknown) => boolean)(ev, p);
      }
    });
  }

  function publishOne(e: DomainEvent): void {
    switch (e.type) {
      case 'ticket:issued': { const t = deps.store.tickets.get(e.ticketId); if (t) send(BROADCAST, 'ticket:issued', { ticket: view.ticket(t) }); return; }
      case 'ticket:updated': {
        const t = deps.store.tickets.get(e.ticketId);
        if (!t) return;
        const ticket = view.ticket(t);
        send([...BROADCAST, ROOMS.ticket(t.id)], 'ticket:updated', { ticket });
        return;
      }
      case 'ticket:called': {
        const call = view.call(e.ticketId, e.counterId, e.recall, e.at);
        if (call) send([...BROADCAST, ROOMS.ticket(e.ticketId)], 'ticket:called', call);
        return;
      }
      case 'counter:updated': { const c = deps.store.catalog.counter(e.counterId); if (c) send(BROADCAST, 'counter:updated', { counter: view.counter(c) }); return; }
      case 'queue:updated': {
        send(BROADCAST, 'queue:updated', { areaId: e.areaId, waiting: view.waitingCount(e.areaId) });
        refreshTracked(e.areaId);
        return;
      }
      case 'rating:requested': {
        const t = deps.store.tickets.get(e.ticketId);
        if (!t) return;
        const clerk = t.clerkId ? deps.store.accounts.user(t.clerkId) : undefined;
        send(ROOMS.rating(e.counterId), 'rating:requested', { counterId: e.counterId, ticket: view.ticket(t), clerkName: clerk?.displayName ?? null });
        return;
      }
      case 'rating:closed': send(ROOMS.rating(e.counterId), 'rating:closed', { counterId: e.counterId, ticketId: e.ticketId }); return;
      case 'rating:recorded': send(BROADCAST, 'rating:recorded', { counterId: e.counterId, ticketId: e.ticketId, clerkId: e.clerkId, level: e.level }); return;
      case 'config:updated': send(null, 'config:updated', { reason: e.reason }); return;
      case 'device:revoked': disconnect('device', e.deviceId); return;
      case 'user:deactivated': disconnect('user', e.userId); return;
    }
  }

  /** People ahead changes for every waiting ticket of an area: tell the phones that follow one. */
  function refreshTracked(areaId: string): void {
    for (const id of tracked.keys()) {
      const t = deps.store.tickets.get(id);
      if (t && t.status === 'waiting' && t.areaId === areaId) send(ROOMS.ticket(id), 'ticket:updated', { ticket: view.ticket(t) });
    }
  }

  function disconnect(kind: 'device' | 'user', id: string): void {
    for (const s of io.sockets.sockets.values()) {
      const a = s.data?.actor;
      if (a && a.kind === kind && a.id === id) s.disconnect(true);
    }
  }

  const notifier: Notifier = { publish: (events) => { for (const e of events) publishOne(e); } };
  const agents: AgentChannel = {
    send(kioskId, job) {
      if (!io.sockets.adapter.rooms.get(ROOMS.printer(kioskId))?.size) return false;
      io.to(ROOMS.printer(kioskId)).emit('print:job', job);
      return true;
    },
  };
  return { io, notifier, agents, disconnect, close: () => new Promise<void>((r) => io.close(() => r())) };
}

function cookieToken(header: string | undefined): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(header ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

export type Realtime = ReturnType<typeof createRealtime>;
