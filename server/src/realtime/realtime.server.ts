import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { AppError, ERRORS, type ErrorCode } from '../contract/errors.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/events.ts';
import { authenticate } from '../core/accounts/accounts.usecases.ts';
import type { Actor } from '../core/entities.ts';
import type { Deps, Notifier } from '../core/ports.ts';
import { pendingRating } from '../core/ratings/ratings.usecases.ts';
import { securityHeadersFor } from '../http/security.headers.ts';
import type { TicketView } from '../core/tickets/ticket.view.ts';
import type { AgentChannel, PrintService } from '../printing/print.service.ts';
import type { Logger } from '../logging/logger.ts';
import { writeAsOne, type RoomWrite } from './realtime.batch.ts';
import { answerFor, guardedHandlers, type Log, type NoteFault } from './realtime.guard.ts';
import { readHandshake, type SocketData } from './realtime.handshake.ts';
import { createAnonymousCounter, type SocketLimits } from './realtime.limits.ts';
import { createPublisher, ratingRequestOf, ROOMS, type Payload } from './realtime.publish.ts';

type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
const printResult = z.object({
  jobId: z.string().min(1).max(100),
  status: z.enum(['printed', 'failed']),
  code: z.string().max(60).optional(),
  message: z.string().max(500).optional(),
});

export interface RealtimeOptions {
  /** Where a socket handler's bug or a storage fault without a health check is written. */
  log: Logger;
  noteFault?: NoteFault;
  limits: SocketLimits;
  /** PUBLIC_URL: an origin our own pages may have behind a proxy (the cookie handshake's Origin rule). */
  publicUrl?: string | null;
  /** The server serves HTTPS: the polling answers carry HSTS too. */
  https?: boolean;
}

/** A refused handshake: the message a screen shows, and `data.code` for programs. */
function refusal(code: ErrorCode): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(ERRORS[code].vi), { data: { code, message: ERRORS[code].vi } });
}

export function createRealtime(
  http: HttpServer,
  deps: Deps,
  view: TicketView,
  printing: () => PrintService,
  opts: RealtimeOptions,
) {
  const log: Log = opts.log.error;
  const io: IoServer = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  // socket.io's own HTTP answers (long-polling, the handshake) bypass Hono: give them the same defences.
  const secure = securityHeadersFor('/socket.io/', { https: opts.https ?? false });
  // Set before engine.io sees the request (its refusals write the head at once; writeHead merges these).
  http.prependListener('request', (req, res) => {
    if (req.url?.startsWith('/socket.io/'))
      for (const [name, value] of Object.entries(secure)) res.setHeader(name, value);
  });
  const anonymous = createAnonymousCounter(opts.limits);
  const guard = guardedHandlers(log, opts.noteFault);

  // The handshake is total: any input gives a connect_error with a coded message, never a throw.
  io.use((socket, next) => {
    try {
      const h = readHandshake(deps, socket.handshake, opts.publicUrl ?? null);
      if (!h.ok) return next(refusal(h.code));
      const over = h.data.ticketId ? anonymous.admit(h.data.ticketId, h.data.address) : null;
      if (over) return next(refusal(over));
      socket.data = h.data;
      next();
    } catch (e) {
      const a = answerFor(e, 'bắt tay socket', log, opts.noteFault);
      next(refusal(a.ok ? 'server.internal' : a.error.code));
    }
  });

  io.on('connection', (socket: IoSocket) => {
    guard.answerUnknown(socket);
    // A socket that could not get its snapshot (a storage fault) is closed: the screen reconnects and tries again.
    const ok = guard.run('kết nối socket', () => {
      const { actor, ticketId, address } = socket.data;
      if (ticketId) {
        anonymous.add(ticketId, address);
        guard.on(socket, 'disconnect', () => anonymous.remove(ticketId, address));
        void socket.join(ROOMS.ticket(ticketId));
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
      socket.emit('state:snapshot', actor.kind === 'user' ? view.state() : view.publicState());
      // A pad that reloads (power blip, a tap on reload) gets back the question its citizen has not answered yet.
      if (actor.kind === 'device' && actor.deviceKind === 'rating' && actor.counterId) {
        const p = pendingRating(deps, actor.counterId);
        const req = p && ratingRequest(actor.counterId, p.ticket.id);
        if (p && req) socket.emit('rating:requested', { ...req, remainingSeconds: Math.ceil(p.remainingMs / 1000) });
      }
    });
    if (!ok) socket.disconnect(true);
  });

  function attachAgent(socket: IoSocket, kioskId: string): void {
    void socket.join(ROOMS.printer(kioskId));
    printing().agentSeen(kioskId, true);
    guard.on(socket, 'print:result', (raw) => {
      const r = printResult.safeParse(raw);
      if (!r.success) throw new AppError('request.invalid');
      printing().complete(kioskId, r.data);
    });
    guard.on(socket, 'print:agent-ready', () => {
      for (const job of printing().pendingFor(kioskId)) socket.emit('print:job', job);
    });
    guard.on(socket, 'disconnect', () => {
      if (!io.sockets.adapter.rooms.get(ROOMS.printer(kioskId))?.size)
        printing().agentSeen(kioskId, false, 'Trình in (print agent) mất kết nối.');
    });
    for (const job of printing().pendingFor(kioskId)) socket.emit('print:job', job);
  }

  /**
   * Written at once, right after the commit and BEFORE the HTTP answer: a kill -9 just after a clerk was
   * answered must not lose the hall's announcement (bytes already handed to the kernel still reach the
   * display when the process dies; an event queued for after the answer did not). Events keep the commit
   * order because publishing runs in that order on one thread.
   */
  function send<E extends keyof ServerToClientEvents>(
    rooms: string | string[] | null,
    event: E,
    ...payload: Payload<E>
  ): void {
    guard.run(`gửi sự kiện ${event}`, () => {
      // Within a commit's batch: the payload encoded and framed once for all its sockets (realtime.batch.ts).
      if (writing?.(typeof rooms === 'string' ? [rooms] : rooms, event, payload)) return;
      // `except([])` is everyone, as io.emit, but through the same (room) operator type as `to`.
      const target = rooms === null ? io.except([]) : io.to(rooms);
      target.emit(event, ...payload);
    });
  }
  let writing: RoomWrite | null = null;

  const ratingRequest = ratingRequestOf(deps, view);
  const publish = createPublisher({
    deps,
    view,
    send,
    ratingRequest,
    tracked: () => anonymous.trackedTickets(),
    disconnect,
    disconnectWhere,
  });

  function disconnectWhere(test: (d: SocketData) => boolean): void {
    for (const s of io.sockets.sockets.values()) if (s.data && test(s.data)) s.disconnect(true);
  }

  function disconnect(kind: 'device' | 'user', id: string): void {
    disconnectWhere((d) => d.actor?.kind === kind && d.actor.id === id);
  }

  /**
   * A socket keeps no more right than its token: a session that expired or was deleted, a user made inactive
   * or given another role, a device revoked or moved to another counter or kiosk, all close the socket (the
   * screen reconnects and is refused, or gets the rooms it now has). Run periodically (server tick).
   */
  function revalidate(): void {
    for (const s of io.sockets.sockets.values()) {
      const d = s.data;
      if (!d?.actor || !d.token) continue;
      let now: Actor | undefined;
      try {
        now = authenticate(deps, d.token);
      } catch (e) {
        answerFor(e, 'kiểm tra lại socket', log, opts.noteFault);
        return; // a fault says nothing about the token: check again next time
      }
      if (!now || !sameRight(d.actor, now)) s.disconnect(true);
    }
  }

  const notifier: Notifier = {
    publish: (events) => {
      // After the commit: a fault while building a payload must not turn the committed action into an error.
      // All events of the commit leave in one write per socket, before the HTTP answer (realtime.batch.ts).
      writeAsOne(io, (write) => {
        writing = write;
        try {
          publish(events, (what, fn) => guard.run(what, fn));
        } finally {
          writing = null;
        }
      });
    },
  };
  const agents: AgentChannel = {
    send(kioskId, job) {
      if (!io.sockets.adapter.rooms.get(ROOMS.printer(kioskId))?.size) return false;
      io.to(ROOMS.printer(kioskId)).emit('print:job', job);
      return true;
    },
  };
  return { io, notifier, agents, disconnect, revalidate, close: () => new Promise<void>((r) => io.close(() => r())) };
}

/** The same caller with the same rooms: what a socket was given at its handshake still holds. */
function sameRight(was: Actor, now: Actor): boolean {
  if (was.kind === 'user' && now.kind === 'user') return was.id === now.id && was.role === now.role;
  if (was.kind === 'device' && now.kind === 'device')
    return was.id === now.id && was.counterId === now.counterId && was.kioskId === now.kioskId;
  return false;
}

export type Realtime = ReturnType<typeof createRealtime>;
