import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { DisplayEvent, PhoneRecord } from './load.types.ts';
import type { Gate } from './load.client.ts';

/**
 * The hall displays and the citizens' phones, connected as the real screens connect (socket.io,
 * reconnecting by themselves). Displays keep every call and counter update in arrival order; the
 * delivery latency is measured from the moment a clerk sent the request that made the call.
 */
const OPTS = {
  forceNew: true,
  transports: ['websocket'],
  reconnection: true,
  reconnectionDelay: 200,
  reconnectionDelayMax: 1000,
};

export function watchScreens(url: string, gate: Gate) {
  const sockets: Socket[] = [];
  const displays: DisplayEvent[][] = [];
  const phones: PhoneRecord[] = [];
  const deliveryMs: number[] = [];
  /** When each counter's latest call or recall request left the clerk (performance.now()). */
  const callSentAt = new Map<string, number>();
  /** Waiting per area as the displays show it: an idle clerk presses "call" when someone waits, as a person would. */
  const waiting = new Map<string, number>();
  /** How many times each area's waiting count went up: an idle clerk wakes on a new arrival, not on a ticket it cannot call. */
  const arrivals = new Map<string, number>();
  /** Sockets that have had a fresh snapshot since the last park (a crash test waits for all of them). */
  let fresh = new Set<Socket>();

  function track(s: Socket): void {
    s.on('disconnect', () => gate.park());
    s.on('state:snapshot', () => fresh.add(s));
  }

  function connectDisplay(token: string, record = true): Promise<void> {
    const events: DisplayEvent[] = [];
    if (record) displays.push(events);
    const s = io(url, { ...OPTS, auth: { token } });
    sockets.push(s);
    track(s);
    s.on('state:snapshot', (st: any) => {
      if (record) events.push(['s', st.counters.map((c: any) => [c.id, c.currentTicket?.id ?? null])]);
      for (const x of st.areas) waiting.set(x.id, x.waiting);
    });
    s.on('queue:updated', (q: any) => {
      if (q.waiting > (waiting.get(q.areaId) ?? 0)) arrivals.set(q.areaId, (arrivals.get(q.areaId) ?? 0) + 1);
      waiting.set(q.areaId, q.waiting);
    });
    if (record)
      s.on('counter:updated', ({ counter }: any) => events.push(['u', counter.id, counter.currentTicket?.id ?? null]));
    s.on('ticket:called', (call: any) => {
      if (record) events.push(['c', call.ticket.id, call.counter.id, call.recall]);
      const sent = callSentAt.get(call.counter.id);
      if (sent !== undefined && !gate.parked) deliveryMs.push(performance.now() - sent);
    });
    return firstSnapshot(s);
  }

  function connectPhone(ticketId: string): Promise<void> {
    const rec: PhoneRecord = { ticketId, snapshots: 0, called: 0, calledBeforeConnect: false, foreignIds: 0 };
    phones.push(rec);
    const s = io(url, { ...OPTS, auth: { ticketId } });
    sockets.push(s);
    track(s);
    s.on('state:snapshot', (st: any) => {
      if (rec.snapshots++ === 0 && st.ticket?.status !== 'waiting') rec.calledBeforeConnect = true;
    });
    s.on('ticket:called', (call: any) => {
      if (call.ticket.id === ticketId) rec.called++;
      else rec.foreignIds++;
    });
    s.on('ticket:updated', ({ ticket }: any) => {
      if (ticket.id !== ticketId) rec.foreignIds++;
    });
    return firstSnapshot(s);
  }

  return {
    displays,
    phones,
    deliveryMs,
    callSentAt,
    waiting,
    arrivals,
    connectDisplay,
    connectPhone,
    /** Forget who was fresh: called when the server goes away. */
    resetFresh(): void {
      fresh = new Set();
    },
    allFresh: () => sockets.every((s) => fresh.has(s)),
    /** Each display's latest snapshot (as [counterId, current ticket id] rows). */
    latestSnapshots: () =>
      displays.map((ev) => {
        for (let i = ev.length - 1; i >= 0; i--) {
          const e = ev[i]!;
          if (e[0] === 's') return e[1];
        }
        return [];
      }),
    close(): void {
      for (const s of sockets) {
        s.off('disconnect');
        s.close();
      }
    },
  };
}

function firstSnapshot(s: Socket): Promise<void> {
  return new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('no snapshot within 15 s')), 15_000);
    s.once('state:snapshot', () => {
      clearTimeout(t);
      res();
    });
  });
}

export type Screens = ReturnType<typeof watchScreens>;
