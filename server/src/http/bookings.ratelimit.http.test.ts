import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, bookingCenter } from '../testing/booking.testing.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Abuse (issue 13): each address creates at most booking.perAddressPerHour bookings and remote tickets an hour,
 * over real sockets from distinct loopback addresses (the peer address, never a header), so a script that tries
 * to book out a day from one machine gets a fraction of it and the rest stays for everyone else.
 */
let t: TestServer;
let port = 0;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  port = Number(new URL(t.url).port);
});
afterAll(async () => {
  await t.close();
});

function post(localAddress: string, path: string, body: unknown) {
  return new Promise<{ status: number; body: any; retryAfter: string | undefined }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, localAddress, method: 'POST', path, headers: { 'content-type': 'application/json' } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (data += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(data),
            retryAfter: res.headers['retry-after'] as string,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
/** Distinct valid IDs (province 001, born 1985): a script would have a list of them. */
const idNo = (i: number) => `001085${String(100000 + i).slice(-6)}`;

describe('per-address limits on bookings and remote tickets', () => {
  it('a script booking out a day from one address gets perAddressPerHour places; other addresses still book', async () => {
    const b = await bookingCenter(t);
    const lltp = b.area('LLTP').id;
    const day = '2026-11-27'; // Friday: 15 slots × 2 places = 30
    const slots = (await t.call('GET', `/api/public/booking/slots?areaId=${lltp}&date=${day}`)).body.slots;
    expect(slots.length * 2).toBe(30);
    const results: number[] = [];
    for (let i = 0; i < 30; i++)
      results.push(
        (
          await post('127.0.0.2', '/api/public/bookings', {
            areaId: lltp,
            start: slots[i % 15].start,
            citizenId: idNo(i),
          })
        ).status,
      );
    expect(results.filter((s) => s === 201)).toHaveLength(10);
    expect(results.slice(10).every((s) => s === 429)).toBe(true);
    const refused = await post('127.0.0.2', '/api/public/tickets', { areaId: lltp, citizenId: idNo(99) });
    expect([refused.status, refused.body.error.code]).toEqual([429, 'request.rate_limited']);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    const left = (await t.call('GET', `/api/public/booking/slots?areaId=${lltp}&date=${day}`)).body.slots;
    expect(left.reduce((n: number, s: any) => n + s.available, 0)).toBe(20);
    // Another phone on the hall Wi-Fi is not held back.
    const other = await post('127.0.0.3', '/api/public/bookings', {
      areaId: lltp,
      start: at(day, '15:00'),
      citizenId: idNo(50),
    });
    expect(other.status).toBe(201);
    // Refused attempts are not counted: a citizen who meets a full slot may still book.
    await t.call('PATCH', `/api/areas/${b.area('HTCT').id}`, { bookingSlotCapacity: 1 }, t.adminToken);
    const htct = b.area('HTCT').id;
    expect(
      (await post('127.0.0.4', '/api/public/bookings', { areaId: htct, start: at(day, '09:00'), citizenId: idNo(60) }))
        .status,
    ).toBe(201);
    for (let i = 0; i < 12; i++)
      expect(
        (
          await post('127.0.0.4', '/api/public/bookings', {
            areaId: htct,
            start: at(day, '09:00'),
            citizenId: idNo(61 + i),
          })
        ).status,
      ).toBe(409);
    expect(
      (await post('127.0.0.4', '/api/public/bookings', { areaId: htct, start: at(day, '09:30'), citizenId: idNo(80) }))
        .status,
    ).toBe(201);
    // An hour later the first address may book again.
    b.clock.advance(60 * 60_000 + 1000);
    expect((await post('127.0.0.2', '/api/public/tickets', { areaId: lltp, citizenId: idNo(99) })).status).toBe(201);
  });
});
