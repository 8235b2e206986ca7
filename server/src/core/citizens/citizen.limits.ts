/**
 * The fair-use limits per citizen and business day, across every channel (kiosk, staff, remote, appointment):
 * the tickets of the day plus the bookings still open, at most `perDay`, at most `perAreaPerDay` in one area.
 */
import { AppError } from '../../contract/errors.ts';
import type { CenterSettings } from '../../contract/settings.schema.ts';
import type { StorePort } from '../store.port.ts';
import { bookingStatus } from '../bookings/booking.slots.ts';
import { ageOn, last3, parseCitizenId, parseCitizenQr, type CitizenKeyer } from './citizen.identity.ts';

/** A citizen as the rest of the server knows one: never the number itself once this is made. */
export interface CitizenKey {
  hash: string;
  last3: string;
  birthYear: number;
  birthMonthDay: { month: number; day: number } | null;
}

/** Parses (typed number or QR text) and hashes at once; the number goes no further than this function. */
export function citizenKey(
  keyer: CitizenKeyer,
  input: { citizenId?: string | undefined; citizenQr?: string | undefined },
  today: string,
): CitizenKey | null {
  const year = Number(today.slice(0, 4));
  const text = input.citizenQr ?? input.citizenId;
  if (text === undefined) return null;
  const parsed = input.citizenQr !== undefined ? parseCitizenQr(text, year) : parseCitizenId(text, year);
  return {
    hash: keyer.hashId(parsed.id),
    last3: last3(parsed.id),
    birthYear: parsed.birthYear,
    birthMonthDay: parsed.birthMonthDay,
  };
}

export const isElderly = (c: CitizenKey, day: string, settings: Pick<CenterSettings, 'elderlyAge'>): boolean =>
  ageOn(c, day) >= settings.elderlyAge;

/**
 * What the citizen holds on a day: tickets and open bookings, in total and in one area. A booking past its late
 * window is no longer open, even before the sweep has stored it as missed.
 */
export function citizenUsage(
  store: StorePort,
  settings: Pick<CenterSettings, 'booking'>,
  now: number,
  hash: string,
  day: string,
  areaId: string,
) {
  const tickets = store.citizens.ticketsOfDay(hash, day);
  const bookings = store.bookings
    .openOfCitizen(hash, day)
    .filter((b) => bookingStatus(b, now, settings.booking.checkInLateMinutes) === 'booked');
  let total = 0;
  for (const n of tickets.values()) total += n;
  total += bookings.length;
  const inArea = (tickets.get(areaId) ?? 0) + bookings.filter((b) => b.areaId === areaId).length;
  return { total, inArea };
}

/** Refuses (409 citizen.limit_reached) one more ticket or booking in the area on that day. */
export function requireWithinLimits(
  store: StorePort,
  settings: Pick<CenterSettings, 'citizenLimits' | 'booking'>,
  now: number,
  hash: string,
  day: string,
  areaId: string,
): void {
  const { total, inArea } = citizenUsage(store, settings, now, hash, day, areaId);
  const { perDay, perAreaPerDay } = settings.citizenLimits;
  if (total >= perDay)
    throw new AppError(
      'citizen.limit_reached',
      `Mỗi công dân được lấy tối đa ${perDay} số mỗi ngày (tính cả lịch hẹn). Vui lòng liên hệ cán bộ hướng dẫn.`,
    );
  if (inArea >= perAreaPerDay)
    throw new AppError(
      'citizen.limit_reached',
      `Mỗi công dân được lấy tối đa ${perAreaPerDay} số mỗi ngày cho một lĩnh vực (tính cả lịch hẹn).`,
    );
}
