import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { PublicConfigDto } from '@contract/dto';
import { DEFAULT_TIME_ZONE } from '@ui/time.format';
import { trackPath, type BookableAreaDto, type BookApi } from './book.api.ts';
import { bookReducer, initialBookState, type BookState } from './book.state.ts';
import { bookingOptions, errorText } from './book.words.ts';
import { BookingScreen } from './booking.screen.tsx';
import { ChooseScreen } from './choose.screen.tsx';
import { CitizenScreen } from './citizen.screen.tsx';
import { HomeScreen } from './home.screen.tsx';
import { LookupScreen } from './lookup.screen.tsx';
import { SlotScreen } from './slot.screen.tsx';

/** Codes booked on this phone, newest first: only codes, which is all anyone needs to see or cancel a booking. */
export const RECENT_KEY = 'hcc.book.codes';
const RECENT_MAX = 5;

function readRecent(storage: Storage | undefined): string[] {
  try {
    const v: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

const TITLES: Record<BookState['screen'], string> = {
  home: 'Đặt lịch hẹn, lấy số trực tuyến',
  choose: 'Chọn thủ tục',
  slot: 'Chọn ngày, giờ',
  citizen: 'Thông tin công dân',
  booking: 'Lịch hẹn của bạn',
  lookup: 'Tra cứu lịch hẹn',
};

export interface BookAppProps {
  api: BookApi;
  storage?: Storage;
  /** Where today's number goes: the existing track page (a full page load in the browser). */
  navigate?: (path: string) => void;
}

/** /book: the citizen's phone (390×844 first), Vietnamese, on the hall Wi-Fi or through the center's gateway. */
export function BookApp(p: BookAppProps) {
  const { api } = p;
  const [s, dispatch] = useReducer(bookReducer, undefined, initialBookState);
  const [config, setConfig] = useState<PublicConfigDto | null>(null);
  const [areas, setAreas] = useState<BookableAreaDto[] | null>(null);
  /** Both bookings and remote numbers are off (the areas route says 404 booking.disabled). */
  const [allOff, setAllOff] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [recent, setRecent] = useState(() => readRecent(p.storage));
  const busy = useRef(false);

  const load = useCallback(() => {
    setLoadError(null);
    api.config().then(setConfig, (e: unknown) => setLoadError(errorText(e)));
    api.areas().then(
      (list) => setAreas(list),
      (e: unknown) => {
        if ((e as { code?: string })?.code === 'booking.disabled') setAllOff(true);
        else setLoadError(errorText(e));
      },
    );
  }, [api]);
  useEffect(load, [load]);

  const remember = (codes: string[]) => {
    setRecent(codes);
    try {
      p.storage?.setItem(RECENT_KEY, JSON.stringify(codes));
    } catch {
      /* private browsing: the code is on screen, that is enough */
    }
  };

  /** One request at a time: a double tap on "Đặt lịch" must not book twice. */
  const act = async (work: () => Promise<void>, context: 'book' | 'now' | 'other') => {
    if (busy.current) return;
    busy.current = true;
    dispatch({ type: 'busy' });
    try {
      await work();
    } catch (e) {
      dispatch({ type: 'failed', message: errorText(e, context) });
    } finally {
      busy.current = false;
    }
  };

  const submitCitizen = (citizenId: string) => {
    const choice = s.choice;
    if (!choice) return;
    if (s.mode === 'now') {
      void act(async () => {
        const ticket = await api.remoteTicket(choice, citizenId);
        (p.navigate ?? ((path) => window.location.assign(path)))(trackPath(ticket.trackUrl));
      }, 'now');
      return;
    }
    const slot = s.slot;
    if (!slot) return;
    void act(async () => {
      const booking = await api.book(choice, slot.start, citizenId);
      remember([booking.code, ...recent.filter((c) => c !== booking.code)].slice(0, RECENT_MAX));
      dispatch({ type: 'booked', booking });
    }, 'book');
  };

  const lookup = (code: string) =>
    void act(async () => dispatch({ type: 'booked', booking: await api.booking(code) }), 'other');

  const cancel = () => {
    const b = s.booking;
    if (!b) return;
    void act(async () => {
      await api.cancel(b.code);
      remember(recent.filter((c) => c !== b.code));
      dispatch({ type: 'booked', booking: { ...b, status: 'cancelled' } });
    }, 'other');
  };

  const timeZone = config?.timeZone || DEFAULT_TIME_ZONE;
  const options = bookingOptions(config, allOff);
  // Today's number: the areas issuing now; a booking: the areas with online places in their slots.
  const offered = (areas ?? []).filter((a) => (s.mode === 'now' ? a.remoteAvailable : a.slotCapacity > 0));

  let body;
  switch (s.screen) {
    case 'home':
      body = (
        <HomeScreen
          options={options}
          recent={recent}
          onBook={() => dispatch({ type: 'start', mode: 'book' })}
          onNow={() => dispatch({ type: 'start', mode: 'now' })}
          onLookup={() => dispatch({ type: 'lookup' })}
          onRecent={lookup}
        />
      );
      break;
    case 'choose':
      body = (
        <ChooseScreen
          areas={offered}
          loading={areas === null && !loadError}
          mode={s.mode}
          search={api.searchProcedures}
          onChoose={(choice) => dispatch({ type: 'choose', choice })}
        />
      );
      break;
    case 'slot':
      body = s.choice && config && (
        <SlotScreen
          areaId={s.choice.areaId}
          today={config.businessDay}
          daysAhead={options.daysAhead}
          day={s.day}
          timeZone={timeZone}
          load={api.slots}
          onDay={(day) => dispatch({ type: 'day', day })}
          onSlot={(slot) => dispatch({ type: 'slot', slot })}
        />
      );
      break;
    case 'citizen':
      body = s.choice && (
        <CitizenScreen
          mode={s.mode}
          choice={s.choice}
          slot={s.mode === 'book' ? s.slot : null}
          timeZone={timeZone}
          busy={s.busy}
          onSubmit={submitCitizen}
        />
      );
      break;
    case 'booking':
      body = s.booking && (
        <BookingScreen
          booking={s.booking}
          timeZone={timeZone}
          options={options}
          busy={s.busy}
          onCancel={cancel}
          onAnother={() => dispatch({ type: 'home' })}
        />
      );
      break;
    case 'lookup':
      body = <LookupScreen busy={s.busy} onLookup={lookup} />;
      break;
  }

  return (
    <div class="phone-page" data-book-screen={s.screen}>
      <header class="phone-header">
        <div class="phone-emblem" aria-hidden="true">
          ★
        </div>
        <div class="phone-center">{config?.centerName ?? 'Trung tâm Phục vụ hành chính công'}</div>
      </header>
      <div class="b-title">
        {s.screen !== 'home' && (
          <button type="button" class="b-back" data-testid="back" onClick={() => dispatch({ type: 'back' })}>
            ‹ Quay lại
          </button>
        )}
        <h1>{TITLES[s.screen]}</h1>
        {s.choice && (s.screen === 'slot' || s.screen === 'citizen') && (
          <p class="b-title__sub">{s.choice.procedure?.name ?? s.choice.areaName}</p>
        )}
      </div>
      <main class="b-main">
        {loadError && (
          <p class="b-alert" role="alert" data-testid="load-error">
            {loadError}{' '}
            <button type="button" class="b-link" onClick={load}>
              Thử lại
            </button>
          </p>
        )}
        {s.error && (
          <p class="b-alert" role="alert" data-testid="error">
            {s.error}
          </p>
        )}
        {body}
      </main>
    </div>
  );
}
