import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatTime, formatWeekday } from '@ui/time.format';

/** The current time, corrected by the server's clock, ticking every second. */
export function useNow(offsetMs = 0, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now + offsetMs;
}

export function ClockView(props: { now: number; timeZone: string; class?: string }) {
  const d = new Date(props.now);
  return (
    <div class={`clock ${props.class ?? ''}`}>
      <div class="clock-time">{formatTime(d, props.timeZone, true)}</div>
      <div class="clock-date">
        {formatWeekday(d, props.timeZone)}, {formatDate(d, props.timeZone)}
      </div>
    </div>
  );
}
