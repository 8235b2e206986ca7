import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertDto, AreaDto, CounterDto, ReportRow } from '../../../server/src/contract/dto.ts';
import { connectQueueSocket } from '../../../server/src/client/socket.client.ts';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { todayIn } from '../admin.format.ts';

export interface MonitorData {
  areas: AreaDto[];
  counters: CounterDto[];
  ratings: ReportRow[];
  ratingTotals: ReportRow | null;
  alerts: AlertDto[];
  fetchedAt: number;
}

/**
 * Live data for the control room: lists over HTTP, refreshed (debounced) whenever the socket reports a change,
 * and at once on every state:snapshot (which also follows each reconnect).
 */
export function useMonitorData(
  api: AdminApi,
  token: string,
  timeZone: string,
  debounceMs = 400,
  connect: typeof connectQueueSocket = connectQueueSocket,
) {
  const [data, setData] = useState<MonitorData | null>(null);
  const [online, setOnline] = useState(false);
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The current fetch, so an action on the screen (opening or closing an area) can refetch without waiting for the socket.
  const refetch = useRef<() => Promise<void>>(async () => undefined);

  useEffect(() => {
    let alive = true;
    async function fetchAll() {
      try {
        const day = todayIn(timeZone);
        const [areas, counters, report, alerts] = await Promise.all([
          api.areas(),
          api.counters(),
          api.report({ from: day, to: day, groupBy: 'area' }),
          api.alerts(),
        ]);
        if (!alive) return;
        setData({
          areas: [...areas].sort((a, b) => a.sort - b.sort),
          counters: [...counters].sort((a, b) => a.number - b.number),
          ratings: report.rows,
          ratingTotals: report.totals,
          alerts: alerts.alerts,
          fetchedAt: Date.now(),
        });
        setError('');
      } catch (e) {
        if (alive) setError(errorText(e));
      }
    }
    refetch.current = fetchAll;
    const soon = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(fetchAll, debounceMs);
    };
    void fetchAll();
    const socket = connect({ auth: { token } });
    socket.on('connect', () => setOnline(true));
    socket.on('disconnect', () => setOnline(false));
    socket.on('connect_error', () => setOnline(false));
    socket.on('state:snapshot', () => {
      void fetchAll();
    });
    for (const ev of [
      'ticket:issued',
      'ticket:called',
      'ticket:updated',
      'counter:updated',
      'queue:updated',
      'rating:recorded',
      'config:updated',
    ] as const)
      socket.on(ev, soon);
    // A slow safety net: the clocks run locally, but a missed event must not freeze a wall screen for hours.
    const poll = setInterval(fetchAll, 60_000);
    return () => {
      alive = false;
      clearInterval(poll);
      if (timer.current) clearTimeout(timer.current);
      socket.close();
    };
  }, [api, token, timeZone]);

  return { data, online, error, reload: () => refetch.current() };
}

/** A one-second tick for the running clocks. */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now;
}
