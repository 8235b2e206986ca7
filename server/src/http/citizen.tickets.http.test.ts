import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../storage/backup.ts';
import { at, bookingCenter, IDS, QR_ELDERLY } from '../testing/booking.testing.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Contract "Citizens, bookings and remote numbers": the ticket side over HTTP on a real server: limits across
 * channels, kiosk check-in by code and by card, the waiting order, the card requirement, remote numbers, hostile
 * bodies, restarts.
 */
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const DAY = '2026-11-26';
const count = (table: string) => (t.server.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('limits across channels', () => {
  it('perDay and perAreaPerDay count tickets of every channel plus open bookings; a cancel gives the place back', async () => {
    const b = await bookingCenter(t);
    const [lltp, htct, dkkd] = [b.area('LLTP').id, b.area('HTCT').id, b.area('DKKD').id];
    const booked = await t.call('POST', '/api/public/bookings', {
      areaId: htct,
      start: at(DAY, '15:00'),
      citizenId: IDS.adult,
    });
    expect(booked.status).toBe(201);
    // Same area again, any channel: 1 per area.
    const again = await t.call('POST', '/api/public/tickets', { areaId: htct, citizenId: IDS.adult });
    expect([again.status, again.body.error.code]).toEqual([409, 'citizen.limit_reached']);
    const kioskSame = await t.call('POST', '/api/tickets', { areaId: htct, citizenId: IDS.adult }, b.kiosk.token);
    expect(kioskSame.status).toBe(409);
    // Another area by the remote channel: 2 a day in total.
    const remote = await t.call('POST', '/api/public/tickets', { areaId: lltp, citizenId: IDS.adult });
    expect(remote.status).toBe(201);
    expect(remote.body).toMatchObject({
      channel: 'remote',
      areaId: lltp,
      status: 'waiting',
      print: { status: 'none' },
    });
    expect(remote.body.trackUrl).toContain(`/t/${remote.body.id}`);
    const third = await t.call(
      'POST',
      '/api/tickets',
      { areaId: dkkd, citizenQr: `${IDS.adult}||A|01011985|Nam|B|01012020` },
      b.kiosk.token,
    );
    expect([third.status, third.body.error.code]).toEqual([409, 'citizen.limit_reached']);
    const staff = await t.call('POST', '/api/tickets', { areaId: dkkd, citizenId: IDS.adult }, b.clerk.token);
    expect(staff.status).toBe(409);
    // Cancel the booking: one more is allowed, and a ticket without the card is not counted at all.
    await t.call('DELETE', `/api/public/bookings/${booked.body.code}`);
    const kiosk = await t.call('POST', '/api/tickets', { areaId: dkkd, citizenId: IDS.adult }, b.kiosk.token);
    expect(kiosk.body).toMatchObject({ channel: 'kiosk', areaId: dkkd });
    expect((await t.call('POST', '/api/tickets', { areaId: dkkd }, b.kiosk.token)).status).toBe(201);
    // Another citizen is not affected; a retried key never counts twice.
    const k1 = await t.call(
      'POST',
      '/api/tickets',
      { areaId: dkkd, citizenId: IDS.other, idempotencyKey: 'k1' },
      b.kiosk.token,
    );
    const k2 = await t.call(
      'POST',
      '/api/tickets',
      { areaId: dkkd, citizenId: IDS.other, idempotencyKey: 'k1' },
      b.kiosk.token,
    );
    expect([k1.status, k2.status, k2.body.id]).toEqual([201, 200, k1.body.id]);
    // The next business day starts afresh.
    b.clock.set('2026-11-27T08:00:00+07:00');
    expect((await t.call('POST', '/api/public/tickets', { areaId: htct, citizenId: IDS.adult })).status).toBe(201);
  });

  it('a booking counts on its own day only; future days have their own limits', async () => {
    const b = await bookingCenter(t);
    const htct = b.area('HTCT').id;
    const tomorrow = await t.call('POST', '/api/public/bookings', {
      areaId: htct,
      start: at('2026-11-27', '09:00'),
      citizenId: IDS.adult,
    });
    expect(tomorrow.status).toBe(201);
    const twice = await t.call('POST', '/api/public/bookings', {
      areaId: htct,
      start: at('2026-11-27', '10:00'),
      citizenId: IDS.adult,
    });
    expect(twice.body.error.code).toBe('citizen.limit_reached');
    expect((await t.call('POST', '/api/public/tickets', { areaId: htct, citizenId: IDS.adult })).status).toBe(201);
  });

  it('elderly citizens (elderlyAge) get priority from the QR date or the year in the number', async () => {
    const b = await bookingCenter(t);
    const lltp = b.area('LLTP').id;
    const qr = await t.call('POST', '/api/tickets', { areaId: lltp, citizenQr: QR_ELDERLY }, b.kiosk.token);
    expect(qr.body).toMatchObject({ priority: true, channel: 'kiosk' });
    const young = await t.call('POST', '/api/tickets', { areaId: lltp, citizenId: IDS.young }, b.kiosk.token);
    expect(young.body.priority).toBe(false);
    await t.call('PATCH', '/api/settings', { elderlyAge: 40 }, t.adminToken);
    const adult = await t.call('POST', '/api/public/tickets', { areaId: lltp, citizenId: IDS.adult });
    expect(adult.body.priority).toBe(true); // born 1985: 41 this year
    const bad = await t.call('POST', '/api/tickets', { areaId: lltp, citizenQr: '003060000111|x' }, b.kiosk.token);
    expect([bad.status, bad.body.error.code]).toEqual([422, 'citizen.invalid_id']);
    const both = await t.call(
      'POST',
      '/api/tickets',
      { areaId: lltp, citizenQr: QR_ELDERLY, citizenId: IDS.adult },
      b.kiosk.token,
    );
    expect(both.status).toBe(422);
  });
});

describe('kiosk check-in', () => {
  it('by code: appointment in the booking area/procedure; same code → same ticket; too early / too late / unknown', async () => {
    const b = await bookingCenter(t);
    const proc = (await t.call('GET', '/api/procedures?q=1.001193&limit=1')).body[0];
    const mk = async (hhmm: string, id: string) =>
      (await t.call('POST', '/api/public/bookings', { procedureId: proc.id, start: at(DAY, hhmm), citizenId: id })).body
        .code;
    const c9 = await mk('09:00', IDS.adult);
    const c10 = await mk('10:00', IDS.young);
    const early = await t.call('POST', '/api/tickets', { bookingCode: c9 }, b.kiosk.token);
    expect([early.status, early.body.error.code]).toEqual([409, 'booking.too_early']); // 08:00, window from 08:30
    b.clock.set('2026-11-26T08:31:00+07:00');
    const r = await t.call('POST', '/api/tickets', { bookingCode: c9.toLowerCase() }, b.kiosk.token);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ channel: 'appointment', areaId: proc.areaId, procedure: { id: proc.id } });
    const same = await t.call('POST', '/api/tickets', { bookingCode: c9 }, b.kiosk.token);
    expect([same.status, same.body.id]).toEqual([200, r.body.id]);
    const looked = (await t.call('GET', `/api/public/bookings/${c9}`)).body;
    expect(looked).toMatchObject({ status: 'checked_in', ticket: { id: r.body.id, number: r.body.number } });
    b.clock.set('2026-11-26T10:16:00+07:00');
    const late = await t.call('POST', '/api/tickets', { bookingCode: c10 }, b.kiosk.token);
    expect([late.status, late.body.error.code]).toEqual([409, 'booking.too_late']);
    expect((await t.call('GET', `/api/public/bookings/${c10}`)).body.status).toBe('missed');
    const unknown = await t.call('POST', '/api/tickets', { bookingCode: 'ZZZZ-ZZZZ' }, b.kiosk.token);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'booking.not_found']);
    expect((await t.call('DELETE', `/api/public/bookings/${c10}`)).status).toBe(409);
  });

  it('by ID card: the citizen booking of that area inside its window is checked in instead of a new ticket', async () => {
    const b = await bookingCenter(t);
    const htct = b.area('HTCT').id;
    const code = (
      await t.call('POST', '/api/public/bookings', {
        areaId: htct,
        start: at(DAY, '08:30'),
        citizenQr: undefined,
        citizenId: IDS.elderly,
      })
    ).body.code;
    const r = await t.call('POST', '/api/tickets', { areaId: htct, citizenQr: QR_ELDERLY }, b.kiosk.token);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ channel: 'appointment', priority: true, areaId: htct });
    expect((await t.call('GET', `/api/public/bookings/${code}`)).body.ticket.id).toBe(r.body.id);
  });

  it('a checked-in appointment waits by its slot start, priority still first', async () => {
    const b = await bookingCenter(t);
    const htct = b.area('HTCT').id;
    const code = (
      await t.call('POST', '/api/public/bookings', { areaId: htct, start: at(DAY, '09:00'), citizenId: IDS.adult })
    ).body.code;
    b.clock.set('2026-11-26T08:40:00+07:00');
    const w1 = await t.call('POST', '/api/tickets', { areaId: htct }, b.kiosk.token); // 08:40, before the slot
    b.clock.set('2026-11-26T09:05:00+07:00');
    const w2 = await t.call('POST', '/api/tickets', { areaId: htct }, b.kiosk.token); // 09:05, after the slot start
    const p = await t.call('POST', '/api/tickets', { areaId: htct, priority: true }, b.kiosk.token);
    b.clock.set('2026-11-26T09:10:00+07:00');
    const appt = await t.call('POST', '/api/tickets', { bookingCode: code }, b.kiosk.token);
    expect(appt.body).toMatchObject({ channel: 'appointment', waitingAhead: 2 }); // w1 and p, not w2
    expect((await t.call('GET', `/api/tickets/${w2.body.id}`)).body.waitingAhead).toBe(3);
    await t.call('POST', `/api/counters/${b.counter.id}/open`, undefined, b.clerk.token);
    const order: string[] = [];
    for (let i = 0; i < 4; i++)
      order.push((await t.call('POST', `/api/counters/${b.counter.id}/call-next`, {}, b.clerk.token)).body.ticket.id);
    expect(order).toEqual([p.body.id, w1.body.id, appt.body.id, w2.body.id]);
  });

  it('requireCardAtKiosk: no card → 422 citizen.card_required; the staff PIN overrides; a wrong PIN → 403, then 429', async () => {
    const b = await bookingCenter(t, { citizenLimits: { requireCardAtKiosk: true, overridePin: '2468' } });
    const lltp = b.area('LLTP').id;
    const none = await t.call('POST', '/api/tickets', { areaId: lltp }, b.kiosk.token);
    expect([none.status, none.body.error.code]).toEqual([422, 'citizen.card_required']);
    expect((await t.call('GET', '/api/config/public')).body.booking.requireCardAtKiosk).toBe(true);
    expect((await t.call('POST', '/api/tickets', { areaId: lltp, citizenId: IDS.adult }, b.kiosk.token)).status).toBe(
      201,
    );
    expect((await t.call('POST', '/api/tickets', { areaId: lltp, overridePin: '2468' }, b.kiosk.token)).status).toBe(
      201,
    );
    const byStaff = await t.call('POST', '/api/tickets', { areaId: lltp }, b.clerk.token); // staff: no card needed
    expect([byStaff.status, byStaff.body.channel]).toEqual([201, 'staff']);
    const before = count('tickets');
    for (let i = 0; i < 5; i++) {
      const w = await t.call('POST', '/api/tickets', { areaId: lltp, overridePin: '0000' }, b.kiosk.token);
      expect([w.status, w.body.error.code]).toEqual([403, 'citizen.override_denied']);
    }
    const throttled = await t.call('POST', '/api/tickets', { areaId: lltp, overridePin: '2468' }, b.kiosk.token);
    expect(throttled.status).toBe(429);
    const other = await t.createDevice('kiosk');
    expect((await t.call('POST', '/api/tickets', { areaId: lltp, overridePin: '2468' }, other.token)).status).toBe(201);
    expect(count('tickets')).toBe(before + 1);
    b.clock.advance(16 * 60_000);
    expect((await t.call('POST', '/api/tickets', { areaId: lltp, overridePin: '2468' }, b.kiosk.token)).status).toBe(
      201,
    );
  });
});

describe('remote tickets', () => {
  it('off → 404; on → 201 channel remote, tracked like any ticket; invalid IDs 422', async () => {
    const b = await bookingCenter(t, { booking: { remoteTickets: false } });
    const lltp = b.area('LLTP').id;
    expect((await t.call('POST', '/api/public/tickets', { areaId: lltp, citizenId: IDS.adult })).body.error.code).toBe(
      'booking.disabled',
    );
    await t.call('PATCH', '/api/settings', { booking: { remoteTickets: true } }, t.adminToken);
    const r = await t.call('POST', '/api/public/tickets', {
      areaId: lltp,
      citizenId: IDS.adult,
      idempotencyKey: 'phone-1',
    });
    expect(r.status).toBe(201);
    const again = await t.call('POST', '/api/public/tickets', {
      areaId: lltp,
      citizenId: IDS.adult,
      idempotencyKey: 'phone-1',
    });
    expect([again.status, again.body.id]).toEqual([200, r.body.id]);
    const tracked = await t.call('GET', `/api/tickets/${r.body.id}`);
    expect(tracked.body).toMatchObject({ channel: 'remote', status: 'waiting', waitingAhead: 0 });
    for (const bad of [
      { areaId: lltp, citizenId: '12345' },
      { areaId: lltp },
      { citizenId: IDS.adult },
      { areaId: lltp, citizenQr: QR_ELDERLY },
    ])
      expect((await t.call('POST', '/api/public/tickets', bad)).status).toBe(422);
  });
});

describe('kiosk hostile bodies and restarts', () => {
  it('huge QR text, non-digits, wrong province, junk → 4xx and nothing issued', async () => {
    const b = await bookingCenter(t);
    const lltp = b.area('LLTP').id;
    const before = count('tickets');
    for (const [body, status] of [
      [{ areaId: lltp, citizenQr: `${QR_ELDERLY}|${'x'.repeat(5000)}` }, 422],
      [{ areaId: lltp, citizenQr: 'x'.repeat(200_000) }, 413],
      [{ areaId: lltp, citizenId: '0010850123ab' }, 422],
      [{ areaId: lltp, citizenId: '999085012345' }, 422],
      [{ areaId: lltp, citizenQr: '|||\u0000|||' }, 422],
      [{ areaId: lltp, citizenQr: ['001085012345'] }, 422],
      [{ areaId: lltp, bookingCode: '' }, 422],
      [{ areaId: lltp, bookingCode: 'x'.repeat(41) }, 422],
      [{ bookingCode: '<script>' }, 404],
      [{ areaId: lltp, overridePin: 'x'.repeat(21) }, 422],
    ] as const) {
      const r = await t.call('POST', '/api/tickets', body, b.kiosk.token);
      expect([JSON.stringify(body).slice(0, 60), r.status]).toEqual([JSON.stringify(body).slice(0, 60), status]);
    }
    expect(count('tickets')).toBe(before);
  });
});

describe('across a restart', () => {
  it('the secret is kept across a restart and a restore, so the limits of the day and card check-in still work', async () => {
    const b = await bookingCenter(t);
    const htct = b.area('HTCT').id;
    const code = (
      await t.call('POST', '/api/public/bookings', { areaId: htct, start: at(DAY, '09:00'), citizenId: IDS.elderly })
    ).body.code;
    expect(
      (await t.call('POST', '/api/public/tickets', { areaId: b.area('LLTP').id, citizenId: IDS.adult })).status,
    ).toBe(201);
    const dataDir = t.dataDir;
    const backup = await t.call('POST', '/api/backups', undefined, t.adminToken);
    await t.call('POST', '/api/public/tickets', { areaId: b.area('DKKD').id, citizenId: IDS.young }); // after the backup
    await t.server.close();
    // npm run restore: the backup replaces queue.sqlite; citizen.secret stays in DATA_DIR.
    await restoreBackup(join(dataDir, 'backups', backup.body.file), join(dataDir, 'queue.sqlite'), Date.now());
    const t2 = await startTestServer({ dataDir, clock: b.clock });
    try {
      const again = await t2.call('POST', '/api/public/tickets', { areaId: b.area('LLTP').id, citizenId: IDS.adult });
      expect([again.status, again.body.error?.code]).toEqual([409, 'citizen.limit_reached']);
      b.clock.set('2026-11-26T08:45:00+07:00');
      const kiosk = await t2.createDevice('kiosk');
      const r = await t2.call('POST', '/api/tickets', { areaId: htct, citizenQr: QR_ELDERLY }, kiosk.token);
      expect(r.body).toMatchObject({ channel: 'appointment', priority: true });
      expect((await t2.call('GET', `/api/public/bookings/${code}`)).body.status).toBe('checked_in');
    } finally {
      await t2.close(true);
    }
    t = await startTestServer(); // for afterEach
  });
});
