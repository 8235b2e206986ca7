import { performance } from 'node:perf_hooks';
import { LostAnswer, sleep, type Gate, type LoadClient } from './load.client.ts';
import type { AckedCall, Expectation, LoadResult } from './load.types.ts';
import type { Screens } from './screens.watch.ts';

/** What every worker of one run shares. */
export interface Day {
  http: LoadClient;
  gate: Gate;
  screens: Screens;
  rand: () => number;
  /** Real milliseconds per simulated minute. */
  msPerMin: number;
  serviceMeanMin: number;
  /** Simulated minute since 07:00 (the time spent parked does not count). */
  simMinute: () => number;
  dayOver: () => boolean;
  drained: () => boolean;
  deadline: number;
  counters: { id: string; number: number; areaIds: string[] }[];
  areaIds: string[];
  expected: Record<string, Expectation>;
  uncertain: Set<string>;
  ackedCalls: AckedCall[];
  errors: string[];
  counts: LoadResult['counts'];
  callMs: number[];
}

/** Probabilities per called citizen (the rest are served and finished). */
const P = {
  noShow: 0.05,
  lateReturn: 0.4,
  recall: 0.05,
  transferArea: 0.03,
  transferCounter: 0.01,
  implicitFinish: 0.25,
  start: 0.5,
};

/**
 * One clerk at one counter for the whole day: open, call, serve for a scaled service time, finish,
 * with occasional recalls, no-shows (some come back late and are called out of order), transfers to
 * another area or counter, a pause at lunch, and a finish done by calling the next citizen.
 */
export function clerkWorker(day: Day, counter: Day['counters'][number], token: string) {
  const me = counter.id;
  const st = { current: null as string | null, late: [] as string[], inflight: false, paused: false };
  const sleepMin = (min: number) => sleep(min * day.msPerMin);

  async function act(action: string, body?: unknown): Promise<any> {
    const isCall = action === 'call-next' || action === 'call' || action === 'recall';
    if (isCall) day.screens.callSentAt.set(me, performance.now());
    st.inflight = true;
    const a = await day.http.send('POST', `/api/counters/${me}/${action}`, body, token);
    st.inflight = false;
    // Only calls that brought someone: an empty call-next is not what a citizen waits for.
    if (isCall && a.body?.ticket) day.callMs.push(a.ms);
    if (a.status !== 200) {
      day.errors.push(`counter ${counter.number} ${action}: ${a.status} ${JSON.stringify(a.body)}`);
      return null;
    }
    return a.body;
  }

  /** The ticket this call brought to the counter (call-next and call first finish the current one). */
  function called(ticket: any): void {
    if (st.current) {
      day.expected[st.current] = { status: 'done', counterId: me };
      day.counts.implicitFinishes++;
    }
    if (!ticket) {
      st.current = null;
      return;
    }
    if (ticket.status !== 'called' || ticket.counter?.id !== me)
      day.errors.push(`counter ${counter.number}: called ticket came back ${ticket.status} at ${ticket.counter?.id}`);
    st.current = ticket.id;
    day.expected[ticket.id] = { status: 'called', counterId: me };
    day.ackedCalls.push({ counterId: me, ticketId: ticket.id, recall: false });
  }

  async function serveCurrent(): Promise<void> {
    const t = st.current!;
    const r = day.rand();
    if (r < P.noShow) {
      await sleepMin(1);
      if ((await act('recall'))?.ticket) {
        day.counts.recalls++;
        day.ackedCalls.push({ counterId: me, ticketId: t, recall: true });
      }
      await sleepMin(1);
      if ((await act('no-show'))?.ticket) {
        day.expected[t] = { status: 'no_show', counterId: me };
        day.counts.noShows++;
        if (day.rand() < P.lateReturn && !day.dayOver()) st.late.push(t);
      }
      st.current = null;
      return;
    }
    if (r < P.noShow + P.recall) {
      await sleepMin(0.3);
      if ((await act('recall'))?.ticket) {
        day.counts.recalls++;
        day.ackedCalls.push({ counterId: me, ticketId: t, recall: true });
      }
    }
    if (day.rand() < P.start) await act('start');
    await sleepMin(day.serviceMeanMin * (0.4 + 1.2 * day.rand()));
    const x = day.rand();
    if (!day.dayOver() && x < P.transferArea + P.transferCounter) {
      const body =
        x < P.transferArea
          ? {
              areaId: pick(
                day.rand,
                day.areaIds.filter((a) => !counter.areaIds.includes(a)),
              ),
            }
          : // force: a clerk who picks a counter that happens to be closed confirms, as the console lets them.
            {
              counterId: pick(
                day.rand,
                day.counters.filter((c) => c.id !== me),
              ).id,
              force: true,
            };
      if ((await act('transfer', body))?.ticket) {
        day.expected[t] = { status: 'waiting', counterId: null };
        day.counts.transfers++;
      }
      st.current = null;
      return;
    }
    if (!day.dayOver() && day.rand() < P.implicitFinish) return; // the next call-next finishes it
    if ((await act('finish'))?.ticket) {
      day.expected[t] = { status: 'done', counterId: me };
      day.counts.finishes++;
    }
    st.current = null;
  }

  async function step(): Promise<void> {
    const minute = day.simMinute();
    if (!st.paused && counter.number % 2 === 0 && minute > 285 && minute < 300 && !st.current) {
      st.paused = true;
      await act('pause');
      day.counts.pauses++;
      await sleepMin(10);
      await act('resume');
      return;
    }
    if (st.current) {
      await serveCurrent();
      if (!st.current) return;
      // Served but not finished: calling the next citizen finishes it (the contract's implicit finish).
      const b = await act('call-next');
      if (b) called(b.ticket);
      return;
    }
    if (st.late.length > 0) {
      const b = await act('call', { ticketId: st.late.shift() });
      if (b?.ticket) {
        day.counts.lateCalls++;
        called(b.ticket);
      }
      return;
    }
    const mark = arrivalsSeen(); // taken before asking, so an arrival during the request is not missed
    const b = await act('call-next');
    if (b) called(b.ticket);
    if (b && !b.ticket) await idle(mark);
  }

  /**
   * Nobody waited: watch the hall display until a new citizen waits in one of this counter's areas, or two
   * simulated minutes pass (a ticket transferred to this counter alone may wait in an area it does not serve).
   * Waking on a new arrival, not on "someone waits", keeps a clerk from hammering call-next while the only
   * waiting ticket of its area was transferred to another counter.
   */
  async function idle(mark: number): Promise<void> {
    const until = performance.now() + 2 * day.msPerMin;
    while (performance.now() < until && !day.drained() && arrivalsSeen() === mark) await sleep(20);
  }
  function arrivalsSeen(): number {
    return counter.areaIds.reduce((s, x) => s + (day.screens.arrivals.get(x) ?? 0), 0);
  }

  /** After an answer was lost: ask the server what this counter holds, as the clerk's screen would. */
  async function resync(): Promise<void> {
    if (st.current) day.uncertain.add(st.current);
    const a = await day.http.send('GET', '/api/counters', undefined, token);
    const mine = (a.body as any[]).find((c) => c.id === me);
    st.current = mine?.currentTicket?.id ?? null;
    if (st.current) {
      day.uncertain.add(st.current);
      day.expected[st.current] = { status: 'called', counterId: me };
    }
    st.inflight = false;
  }

  return {
    state: st,
    idle: () => !st.current && st.late.length === 0 && !st.inflight,
    async run(): Promise<void> {
      const open = await day.http.send('POST', `/api/counters/${me}/open`, undefined, token);
      if (open.status !== 200) day.errors.push(`open counter ${counter.number}: ${open.status}`);
      for (let steps = 0; steps < 20_000 && !day.drained() && performance.now() < day.deadline; steps++) {
        try {
          await step();
        } catch (e) {
          if (!(e instanceof LostAnswer)) throw e;
          await resync();
        }
      }
    },
  };
}

function pick<T>(rand: () => number, xs: T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}
