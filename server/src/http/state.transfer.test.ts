import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Issue 17: a hall display that (re)connects draws its big box from `recentCalls`. A call at a counter the ticket
 * has since left by a transfer must not be in it ("1005 → QUẦY 1" while 1005 waits for counter 2).
 */
let t: TestServer;
afterEach(async () => {
  await t?.close();
});

describe('GET /api/state after a transfer', () => {
  it("drops the transferred ticket's call at the old counter; its new call at the new counter is listed", async () => {
    t = await startTestServer();
    const clerk = await t.createClerk('canbo1');
    const clerk2 = await t.createClerk('canbo2');
    const display = await t.createDevice('display');
    const kiosk = await t.createDevice('kiosk');
    const [c1, c2] = (await t.counters()).sort((a, b) => a.number - b.number);
    const area = c1.areaIds[0];
    await t.call('POST', `/api/counters/${c1.id}/open`, undefined, clerk.token);
    await t.call('POST', `/api/counters/${c2.id}/open`, undefined, clerk2.token);
    const a = (await t.call('POST', '/api/tickets', { areaId: area }, kiosk.token)).body;
    const b = (await t.call('POST', '/api/tickets', { areaId: area }, kiosk.token)).body;
    expect(
      (await t.call('POST', `/api/counters/${c1.id}/call`, { ticketId: a.id, expectedTicketId: null }, clerk.token))
        .status,
    ).toBe(200);
    await t.call('POST', `/api/counters/${c1.id}/finish`, { expectedTicketId: a.id }, clerk.token);
    await t.call('POST', `/api/counters/${c1.id}/call`, { ticketId: b.id, expectedTicketId: null }, clerk.token);
    const moved = await t.call(
      'POST',
      `/api/counters/${c1.id}/transfer`,
      { counterId: c2.id, expectedTicketId: b.id, force: true },
      clerk.token,
    );
    expect(moved.status).toBe(200);
    const calls = async () =>
      ((await t.call('GET', '/api/state', undefined, display.token)).body.recentCalls as any[]).map(
        (c) => `${c.ticket.number}@${c.counter.number}`,
      );
    expect(await calls()).toEqual([`${a.number}@${c1.number}`]);
    await t.call('POST', `/api/counters/${c2.id}/call`, { ticketId: b.id, expectedTicketId: null }, clerk2.token);
    expect(await calls()).toEqual([`${b.number}@${c2.number}`, `${a.number}@${c1.number}`]);
  });
});
