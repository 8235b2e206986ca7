import type { ManualClock } from '../core/clock.ts';
import type { TestServer } from './server.testing.ts';

/** Valid test IDs (province 001/040/079, born 1985 / 1960 / 2003); never real people's numbers. */
export const IDS = {
  adult: '001085012345',
  elderly: '040060000111',
  young: '079203001234',
  other: '001090054321',
};
export const QR_ELDERLY = `${IDS.elderly}|186543210|Nguyễn Văn Thọ|15031960|Nam|Xóm 3, xã Nghi Phú, TP Vinh, Nghệ An|20042021`;

/**
 * A demo center with bookings on (LLTP: 2 places a slot, HTCT: 1), a kiosk and a clerk at counter 1 (LLTP +
 * HTCT). The clock is the test server's ManualClock, on Thursday 2026-11-26 08:00 (+07:00).
 */
export async function bookingCenter(t: TestServer, settings: Record<string, unknown> = {}) {
  const admin = t.adminToken;
  const { booking, ...others } = settings;
  const body = { ...others, booking: { enabled: true, remoteTickets: true, ...((booking as object) ?? {}) } };
  const patch = await t.call('PATCH', '/api/settings', body, admin);
  if (patch.status !== 200) throw new Error(`settings: ${patch.status} ${JSON.stringify(patch.body)}`);
  const areas = await t.areas();
  const area = (code: string) => areas.find((a) => a.code === code)!;
  await t.call('PATCH', `/api/areas/${area('LLTP').id}`, { bookingSlotCapacity: 2 }, admin);
  await t.call('PATCH', `/api/areas/${area('HTCT').id}`, { bookingSlotCapacity: 1 }, admin);
  const kiosk = await t.createDevice('kiosk');
  const clerk = await t.createClerk(`clerk${Math.random().toString(36).slice(2, 8)}`);
  const counter = (await t.counters()).find((c) => c.number === 1)!;
  const clock = t.clock as ManualClock;
  return { admin, area, kiosk, clerk, counter, clock };
}

/** The ISO start of a local time on a day in Vietnam (+07:00). */
export const at = (day: string, hhmm: string) => `${day}T${hhmm}:00.000+07:00`;
