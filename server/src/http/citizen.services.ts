import { AttemptWindow } from '../core/accounts/attempt.window.ts';
import type { Clock } from '../core/clock.ts';
import type { CitizenKeyer } from '../core/citizens/citizen.identity.ts';
import { createBookingView, type BookingView } from '../core/bookings/booking.view.ts';
import type { Deps } from '../core/ports.ts';
import type { TicketView } from '../core/tickets/ticket.view.ts';
import { createCitizenKeyer, loadCitizenSecret } from '../storage/citizen.secret.ts';

const HOUR = 3_600_000;

/**
 * Bookings and remote tickets an address has made in the last hour, against `booking.perAddressPerHour` (read at
 * each request, so a changed setting applies at once; changing it starts the count afresh). In memory, like the
 * other limiters: a restart forgives, acceptable on a LAN.
 */
export function createPerAddressHourly(clock: Clock, limit: () => number) {
  let window: AttemptWindow | null = null;
  const current = () => {
    const n = limit();
    if (!window || window.limit !== n) window = new AttemptWindow(clock, n, HOUR);
    return window;
  };
  return {
    /** 0 when the address may create one more now, else the milliseconds until it may. */
    waitMs: (address: string) => current().waitMs(address),
    /** Counts one creation (a booking or a remote ticket that was made). */
    count: (address: string) => current().fail(address),
  };
}

/** Wrong staff override PINs per kiosk: 5 in 15 minutes, then that kiosk waits (the others do not). */
export const PIN_ATTEMPTS = { limit: 5, windowMs: 15 * 60_000 };

export interface CitizenServices {
  keyer: CitizenKeyer;
  bookings: BookingView;
  perAddress: ReturnType<typeof createPerAddressHourly>;
  pinAttempts: AttemptWindow;
}

export function createCitizenServices(deps: Deps, view: TicketView, dataDir: string): CitizenServices {
  return {
    keyer: createCitizenKeyer(loadCitizenSecret(dataDir)),
    bookings: createBookingView(deps, view),
    perAddress: createPerAddressHourly(deps.clock, () => deps.settings.get().booking.perAddressPerHour),
    pinAttempts: new AttemptWindow(deps.clock, PIN_ATTEMPTS.limit, PIN_ATTEMPTS.windowMs),
  };
}
