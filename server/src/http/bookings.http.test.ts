import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, bookingCenter, IDS } from '../testing/booking.testing.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** Contract "Citizens, bookings and remote numbers": settings, slots, bookings and the staff list, over HTTP. */
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const DAY = '2026-11-26';
const count = (table: string) => (t.server.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('booking off', () => {
  it('answers 404 booking.disabled on slots, bookings, remote tickets and the areas list', async () => {
    const lltp = (await t.areas()).find((a) => a.code === 'LLTP')!;
    for (const [m, p, b] of [
      ['GET', `/api/public/booking/slots?areaId=${lltp.id}&date=${DAY}`],
      ['GET', '/api/public/booking/areas'],
      ['POST', '/api/public/bookings', { areaId: lltp.id, start: at(DAY, '09:00'), citizenId: IDS.adult }],
      ['POST', '/api/public/tickets', { areaId: lltp.id, citizenId: IDS.adult }],
    ] as const) {
      const r = await t.call(m, p, b);
      expect([p, r.status, r.body.error?.code]).toEqual([p, 404, 'booking.disabled']);
    }
    expect(count('bookings') + count('tickets')).toBe(0);
  });
});

describe('settings and areas', () => {
  it("has the contract's defaults; nested patches keep the other fields; the PIN is write-only", async () => {
    const s0 = (await t.call('GET', '/api/settings', undefined, t.adminToken)).body;
    expect(s0.booking).toEqual({
      enabled: false,
      daysAhead: 6,
      slotMinutes: 30,
      checkInEarlyMinutes: 30,
      checkInLateMinutes: 15,
      remoteTickets: false,
      perAddressPerHour: 10,
      onlineSharePercent: 100,
    });
    expect(s0.citizenLimits).toEqual({ perDay: 2, perAreaPerDay: 1, requireCardAtKiosk: false, overridePinSet: false });
    expect(s0.elderlyAge).toBe(60);
    await t.call('PATCH', '/api/settings', { booking: { daysAhead: 3 } }, t.adminToken);
    const r = await t.call('PATCH', '/api/settings', { booking: { enabled: true } }, t.adminToken);
    expect(r.body.booking).toMatchObject({ enabled: true, daysAhead: 3 });
    const pin = await t.call('PATCH', '/api/settings', { citizenLimits: { overridePin: '4321' } }, t.adminToken);
    expect(pin.status).toBe(200);
    expect(pin.body.citizenLimits).toEqual({
      perDay: 2,
      perAreaPerDay: 1,
      requireCardAtKiosk: false,
      overridePinSet: true,
    });
    expect(JSON.stringify(pin.body)).not.toContain('4321');
    const audit = (await t.call('GET', '/api/audit', undefined, t.adminToken)).body;
    expect(JSON.stringify(audit)).not.toContain('4321');
    for (const bad of ['12', '123456789', 'abcd', 1234])
      expect(
        (await t.call('PATCH', '/api/settings', { citizenLimits: { overridePin: bad } }, t.adminToken)).status,
      ).toBe(422);
    expect((await t.call('PATCH', '/api/settings', { booking: { slotMinutes: 1 } }, t.adminToken)).status).toBe(422);
    const clerk = await t.createClerk('notadmin');
    expect((await t.call('PATCH', '/api/settings', { booking: { enabled: false } }, clerk.token)).status).toBe(403);
  });

  it('PATCH /api/areas/:id sets any subset of fields and the booking capacity; PUT keeps the capacity', async () => {
    const lltp = (await t.areas()).find((a) => a.code === 'LLTP')!;
    const r = await t.call(
      'PATCH',
      `/api/areas/${lltp.id}`,
      { bookingSlotCapacity: 4, name: 'LLTP mới' },
      t.adminToken,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ bookingSlotCapacity: 4, name: 'LLTP mới', numberStart: lltp.numberStart });
    const put = await t.call(
      'PUT',
      `/api/areas/${lltp.id}`,
      { code: 'LLTP', departmentId: lltp.departmentId, name: 'LLTP', numberStart: 1001, numberEnd: 1999 },
      t.adminToken,
    );
    expect(put.body.bookingSlotCapacity).toBe(4);
    for (const bad of [{ bookingSlotCapacity: -1 }, { bookingSlotCapacity: 1.5 }, { numberEnd: 1 }, { nope: 1 }])
      expect((await t.call('PATCH', `/api/areas/${lltp.id}`, bad, t.adminToken)).status).toBe(422);
    expect((await t.call('PATCH', '/api/areas/nope', { bookingSlotCapacity: 1 }, t.adminToken)).status).toBe(404);
    const clerk = await t.createClerk('clerkpatch');
    expect((await t.call('PATCH', `/api/areas/${lltp.id}`, { bookingSlotCapacity: 9 }, clerk.token)).status).toBe(403);
  });
});

describe('slots and bookings', () => {
  it('lists slots of slotMinutes inside the issuing hours from now on, with the online share of the capacity', async () => {
    const b = await bookingCenter(t, { booking: { onlineSharePercent: 50 } });
    await t.call('PATCH', `/api/areas/${b.area('LLTP').id}`, { bookingSlotCapacity: 4 }, t.adminToken);
    const r = await t.call('GET', `/api/public/booking/slots?areaId=${b.area('LLTP').id}&date=${DAY}`);
    expect(r.status).toBe(200);
    // Thursday: 07:00–11:30 and 13:30–16:30; it is 08:00, so the first slot is 08:30.
    expect(r.body.slots.map((s: any) => s.start.slice(11, 16))).toEqual([
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
    ]);
    expect(r.body.slots[0]).toEqual({
      start: '2026-11-26T08:30:00.000+07:00',
      end: '2026-11-26T09:00:00.000+07:00',
      capacity: 2,
      available: 2,
    });
    // Sunday: no hours. A holiday: none. Past daysAhead or yesterday: none.
    for (const d of ['2026-11-29', '2026-12-03', '2026-11-25'])
      expect(
        (await t.call('GET', `/api/public/booking/slots?areaId=${b.area('LLTP').id}&date=${d}`)).body.slots,
      ).toEqual([]);
    await t.call('PATCH', '/api/settings', { holidays: ['2026-11-27'] }, t.adminToken);
    expect(
      (await t.call('GET', `/api/public/booking/slots?areaId=${b.area('LLTP').id}&date=2026-11-27`)).body.slots,
    ).toEqual([]);
    expect(
      (await t.call('GET', `/api/public/booking/slots?areaId=${b.area('DKKD').id}&date=${DAY}`)).body.slots,
    ).toEqual([]); // capacity 0: not bookable
    for (const q of [`areaId=${b.area('LLTP').id}&date=26/11/2026`, `areaId=${b.area('LLTP').id}`, 'date=2026-11-26'])
      expect((await t.call('GET', `/api/public/booking/slots?${q}`)).status).toBe(422);
    expect((await t.call('GET', `/api/public/booking/slots?areaId=nope&date=${DAY}`)).status).toBe(404);
    const areas = (await t.call('GET', '/api/public/booking/areas')).body;
    expect(areas.find((a: any) => a.code === 'LLTP')).toMatchObject({ slotCapacity: 2, remoteAvailable: true });
  });

  it('books, looks up, cancels (the place is free again); codes are 8 characters without look-alikes', async () => {
    const b = await bookingCenter(t);
    const htct = b.area('HTCT').id;
    const r = await t.call('POST', '/api/public/bookings', {
      areaId: htct,
      start: at(DAY, '09:00'),
      citizenId: IDS.adult,
      phone: '0912345678',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ areaId: htct, procedure: null, start: at(DAY, '09:00'), status: 'booked' });
    expect(r.body.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}$/);
    expect(JSON.stringify(r.body)).not.toMatch(/001085012345|0912345678/);
    const slot = async () =>
      (await t.call('GET', `/api/public/booking/slots?areaId=${htct}&date=${DAY}`)).body.slots.find(
        (s: any) => s.start === at(DAY, '09:00'),
      );
    expect(await slot()).toMatchObject({ capacity: 1, available: 0 });
    const full = await t.call('POST', '/api/public/bookings', {
      areaId: htct,
      start: at(DAY, '09:00'),
      citizenId: IDS.other,
    });
    expect([full.status, full.body.error.code]).toEqual([409, 'booking.slot_full']);

    const got = await t.call('GET', `/api/public/bookings/${r.body.code.toLowerCase()}`);
    expect(got.body).toMatchObject({ code: r.body.code, status: 'booked' });
    expect(got.body.ticket).toBeUndefined();
    const del = await t.call('DELETE', `/api/public/bookings/${r.body.code}`);
    expect([del.status, del.body]).toEqual([200, { status: 'cancelled' }]);
    expect((await t.call('GET', `/api/public/bookings/${r.body.code}`)).body.status).toBe('cancelled');
    expect(await slot()).toMatchObject({ available: 1 });
    expect((await t.call('DELETE', `/api/public/bookings/${r.body.code}`)).status).toBe(200);
    for (const m of ['GET', 'DELETE'] as const) {
      const u = await t.call(m, '/api/public/bookings/ZZZZZZZZ');
      expect([u.status, u.body.error.code]).toEqual([404, 'booking.not_found']);
      expect((await t.call(m, `/api/public/bookings/${'A'.repeat(500)}`)).status).toBe(404);
    }
  });

  it('books by procedure (its area), and refuses hostile bodies with 4xx, changing nothing', async () => {
    const b = await bookingCenter(t);
    const proc = (await t.call('GET', '/api/procedures?q=1.001193&limit=1')).body[0];
    const ok = await t.call('POST', '/api/public/bookings', {
      procedureId: proc.id,
      start: at(DAY, '10:00'),
      citizenId: IDS.young,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ areaId: proc.areaId, procedure: { id: proc.id, code: '1.001193' } });
    const before = [count('bookings'), count('tickets')];
    const lltp = b.area('LLTP').id;
    const body = (over: Record<string, unknown>) => ({
      areaId: lltp,
      start: at(DAY, '09:00'),
      citizenId: IDS.adult,
      ...over,
    });
    const cases: [Record<string, unknown>, number, string?][] = [
      [body({ citizenId: 'x'.repeat(100_000) }), 413],
      [body({ citizenId: '1'.repeat(1001) }), 422],
      [body({ citizenId: '00108501234x' }), 422, 'citizen.invalid_id'],
      [body({ citizenId: '003085012345' }), 422, 'citizen.invalid_id'],
      [body({ citizenId: 12 }), 422],
      [body({ start: '2026-11-26T09:10:00+07:00' }), 422, 'booking.not_a_slot'],
      [body({ start: '2026-11-26T07:00:00+07:00' }), 422, 'booking.not_a_slot'], // already past
      [body({ start: '2026-11-26 09:00' }), 422, 'booking.not_a_slot'],
      [body({ start: 'tomorrow' }), 422, 'booking.not_a_slot'],
      [body({ start: '2026-02-30T09:00:00+07:00' }), 422, 'booking.not_a_slot'],
      [body({ start: '2026-12-10T09:00:00+07:00' }), 422, 'booking.not_a_slot'], // past daysAhead
      [body({ areaId: b.area('DKKD').id }), 422, 'booking.not_a_slot'], // capacity 0
      [body({ areaId: 'nope' }), 404],
      [body({ procedureId: proc.id }), 422, 'procedure.area_mismatch'],
      [body({ extra: 1 }), 422],
      [{ start: at(DAY, '09:00'), citizenId: IDS.adult }, 422],
    ];
    for (const [b2, status, code] of cases) {
      const r = await t.call('POST', '/api/public/bookings', b2);
      expect([r.status, code ? r.body.error?.code : undefined]).toEqual([status, code]);
    }
    expect((await t.call('POST', '/api/public/bookings', undefined, undefined, '{"areaId":')).status).toBe(400);
    expect([count('bookings'), count('tickets')]).toEqual(before);
  });
});

describe('GET /api/bookings (staff)', () => {
  it('lists the day with totals and the last three digits only; leaders only', async () => {
    const b = await bookingCenter(t);
    const [lltp, htct] = [b.area('LLTP').id, b.area('HTCT').id];
    const proc = (await t.call('GET', '/api/procedures?q=1.001193&limit=1')).body[0];
    const c1 = (
      await t.call('POST', '/api/public/bookings', { areaId: lltp, start: at(DAY, '08:30'), citizenId: IDS.adult })
    ).body.code;
    const c2 = (
      await t.call('POST', '/api/public/bookings', {
        procedureId: proc.id,
        start: at(DAY, '09:00'),
        citizenId: IDS.young,
      })
    ).body.code;
    const c3 = (
      await t.call('POST', '/api/public/bookings', { areaId: lltp, start: at(DAY, '14:00'), citizenId: IDS.other })
    ).body.code;
    const c4 = (
      await t.call('POST', '/api/public/bookings', { areaId: htct, start: at(DAY, '10:00'), citizenId: IDS.elderly })
    ).body.code;
    await t.call('DELETE', `/api/public/bookings/${c3}`);
    b.clock.set('2026-11-26T08:35:00+07:00');
    const tk = await t.call('POST', '/api/tickets', { bookingCode: c1 }, b.kiosk.token);
    b.clock.set('2026-11-26T09:20:00+07:00'); // c2 missed (09:00 + 15 min), c4 due (10:00 ≤ 10:20)
    const r = await t.call('GET', `/api/bookings?date=${DAY}`, undefined, b.admin);
    expect(r.status).toBe(200);
    expect(r.body.totals).toEqual({ booked: 1, checkedIn: 1, cancelled: 1, missed: 1, due: 1 });
    const line = (code: string) => r.body.bookings.find((x: any) => x.code === code);
    expect(line(c1)).toEqual({
      code: c1,
      areaId: lltp,
      procedureId: null,
      procedureName: null,
      start: at(DAY, '08:30'),
      end: at(DAY, '09:00'),
      status: 'checked_in',
      idLast3: '345',
      ticketNumber: tk.body.number,
    });
    expect(line(c4)).toMatchObject({ status: 'booked', idLast3: '111' });
    expect(line(c2)).toMatchObject({
      status: 'missed',
      procedureId: proc.id,
      procedureName: proc.name,
      ticketNumber: null,
    });
    expect(JSON.stringify(r.body)).not.toMatch(new RegExp(Object.values(IDS).join('|')));
    expect((await t.call('GET', '/api/bookings', undefined, b.clerk.token)).status).toBe(403);
    expect((await t.call('GET', '/api/bookings')).status).toBe(401);
    expect((await t.call('GET', '/api/bookings?date=x', undefined, b.admin)).status).toBe(422);
    // The clerk's view of the ticket shows the last three digits, the public form none.
    expect((await t.call('GET', `/api/tickets/${tk.body.id}`, undefined, b.clerk.token)).body.idLast3).toBe('345');
    expect((await t.call('GET', `/api/tickets/${tk.body.id}`)).body.idLast3).toBeUndefined();
  });
});
