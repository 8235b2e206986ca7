import { useEffect, useRef, useState } from 'preact/hooks';
import type { AlertDto, AreaDto, CounterDto, ReportRow, StaffBookingsDto } from '@contract/dto';
import { connectQueueSocket } from '@client/socket.client';
import { useQueueSocket } from '@ui/queue-socket.hook';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { businessDay } from '@ui/time.format';

export interface MonitorData {
  areas: AreaDto[];
  counters: CounterDto[];
  ratings: ReportRow[];
  ratingTotals: ReportRow | null;
  alerts: AlertDto[];
  /** Today's bookings (issue 13): null when the server has none to tell (bookings off, or an older server). */
  bookings: StaffBookingsDto['totals'] | null;
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
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The current fetch, so an action on the screen (opening or closing an area) can refetch without waiting for the socket.
  const refetch = useRef<() => Promise<void>>(async () => undefined);

  useEffect(() => {
    let alive = true;
    async function fetchAll() {
      try {
        const day = businessDay(Date.now(), timeZone);
        const [areas, counters, report, alerts, bookings] = await Promise.all([
          api.areas(),
          api.counters(),
          api.report({ from: day, to: day, groupBy: 'area' }),
          api.alerts(),
          // Bookings are extra: their failure never blanks the room.
          Promise.resolve()
            .then(() => api.bookings(day))
            .then((b) => b.totals)
            .catch(() => null),
        ]);
        if (!alive) return;
        setData({
          areas: [...areas].sort((a, b) => a.sort - b.sort),
          counters: [...counters].sort((a, b) => a.number - b.number),
          ratings: report.rows,
          ratingTotals: report.totals,
          alerts: alerts.alerts,
          bookings,
          fetchedAt: Date.now(),
        });
        setError('');
      } catch (e) {
        if (alive) setError(errorText(e));
      }
    }
    refetch.current = fetchAll;
    void fetchAll();
    // A slow safety net: the clocks run locally, but a missed event must not freeze a wall screen for hours.
    const poll = setInterval(fetchAll, 60_000);
    return () => {
      alive = false;
      clearInterval(poll);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [api, token, timeZone]);

  // Every change the room shows refetches (debounced); a snapshot (each (re)connect) at once.
  const soon = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch.current(), debounceMs);
  };
  const { status } = useQueueSocket(() => connect({ auth: { token } }), token, {
    'state:snapshot': () => void refetch.current(),
    'ticket:issued': soon,
    'ticket:called': soon,
    'ticket:updated': soon,
    'counter:updated': soon,
    'queue:updated': soon,
    'rating:recorded': soon,
    'config:updated': soon,
  });
  return { data, online: status === 'online', error, reload: () => refetch.current() };
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
