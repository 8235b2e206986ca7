import { useEffect, useState } from 'preact/hooks';
import { formatTime, formatWeekday } from '@ui/time.format';
import { addDays, type SlotDto, type SlotsDto } from './book.api.ts';
import { errorText } from './book.words.ts';

export interface SlotProps {
  areaId: string;
  /** Today in the center's zone (config.businessDay) and how many days ahead one may book. */
  today: string;
  daysAhead: number;
  day: string | null;
  timeZone: string;
  load: (areaId: string, date: string) => Promise<SlotsDto>;
  onDay: (day: string) => void;
  onSlot: (slot: SlotDto) => void;
}

type Loaded = { day: string; slots: SlotDto[] } | { day: string; error: string; disabled: boolean };

/** "Thứ Hai" and "02/12" for a YYYY-MM-DD (noon UTC is that date in every zone the centers use). */
function dayLabel(day: string, timeZone: string) {
  const at = `${day}T12:00:00Z`;
  return { weekday: formatWeekday(at, timeZone), date: `${day.slice(8, 10)}/${day.slice(5, 7)}` };
}

/** The next days as tabs, the chosen day's slots as big buttons with the places left. */
export function SlotScreen(p: SlotProps) {
  const days = Array.from({ length: p.daysAhead + 1 }, (_, i) => addDays(p.today, i));
  const day = p.day && days.includes(p.day) ? p.day : days[0]!;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let stale = false;
    setLoaded(null);
    p.load(p.areaId, day).then(
      (r) => !stale && setLoaded({ day, slots: r.slots }),
      (e: unknown) =>
        !stale &&
        setLoaded({ day, error: errorText(e), disabled: (e as { code?: string })?.code === 'booking.disabled' }),
    );
    return () => {
      stale = true;
    };
  }, [p.areaId, day]);

  if (loaded && 'error' in loaded && loaded.disabled) {
    return (
      <p class="b-alert" role="alert" data-testid="booking-off">
        {loaded.error}
      </p>
    );
  }
  return (
    <div class="b-slots" data-screen="slot">
      <div class="b-days" role="tablist" aria-label="Chọn ngày">
        {days.map((d, i) => {
          const l = dayLabel(d, p.timeZone);
          return (
            <button
              type="button"
              role="tab"
              key={d}
              aria-selected={d === day}
              class={`b-day ${d === day ? 'b-day--on' : ''}`}
              data-day={d}
              onClick={() => p.onDay(d)}
            >
              <span class="b-day__wd">{i === 0 ? 'Hôm nay' : l.weekday}</span>
              <span class="b-day__date">{l.date}</span>
            </button>
          );
        })}
      </div>
      {!loaded && <p class="b-empty">Đang tải khung giờ…</p>}
      {loaded && 'error' in loaded && (
        <p class="b-alert" role="alert">
          {loaded.error}
        </p>
      )}
      {loaded && 'slots' in loaded && loaded.slots.length === 0 && (
        <p class="b-empty" data-testid="no-slots">
          Ngày này không còn khung giờ nhận hẹn (ngày nghỉ, ngoài giờ làm việc, hoặc lĩnh vực chưa nhận đặt lịch). Vui
          lòng chọn ngày khác.
        </p>
      )}
      {loaded && 'slots' in loaded && loaded.slots.length > 0 && (
        <div class="b-grid" data-testid="slots">
          {loaded.slots.map((s) => (
            <button
              type="button"
              key={s.start}
              class="b-slot"
              data-start={s.start}
              disabled={s.available <= 0}
              onClick={() => p.onSlot(s)}
            >
              <span class="b-slot__time">
                {formatTime(s.start, p.timeZone)}–{formatTime(s.end, p.timeZone)}
              </span>
              <span class="b-slot__left">{s.available > 0 ? `Còn ${s.available} chỗ` : 'Hết chỗ'}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
