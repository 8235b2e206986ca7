import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatTime, formatWeekday } from '@ui/time.format';

/** Now, ticking every second; offsetMs corrects a kiosk whose own clock is wrong (server time minus local time). */
export function useNow(offsetMs = 0): Date {
  const [now, setNow] = useState(() => new Date(Date.now() + offsetMs));
  useEffect(() => {
    setNow(new Date(Date.now() + offsetMs));
    const t = setInterval(() => setNow(new Date(Date.now() + offsetMs)), 1000);
    return () => clearInterval(t);
  }, [offsetMs]);
  return now;
}

export function DateClock(props: { timeZone: string; offsetMs?: number; big?: boolean }) {
  const now = useNow(props.offsetMs ?? 0);
  return (
    <div class={props.big ? 'clock clock--big' : 'clock'} aria-live="off">
      <span class="clock__time" data-testid="clock">
        {formatTime(now, props.timeZone, props.big)}
      </span>
      <span class="clock__date">
        {formatWeekday(now, props.timeZone)}, {formatDate(now, props.timeZone)}
      </span>
    </div>
  );
}
