import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';
import { socketClients } from './realtime.testing.ts';

/** A rating pad that reloads gets back the question its citizen has not answered (issue 11, defect 20). */
let t: TestServer;
const c = socketClients(() => t.url);
let counters: any[];
let kiosk: { token: string };

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  await t.call('PATCH', '/api/settings', { ratingTimeoutSeconds: 30 }, t.adminToken);
  counters = await t.counters();
  kiosk = await t.createDevice('kiosk');
});
afterEach(() => c.closeAll(t.server));
afterAll(async () => {
  await t.close();
});

const clock = () => t.clock as ManualClock;

/** Serves one citizen at a counter (issue, call, finish); returns the ticket id. */
async function serve(counter: any, clerk: { token: string }): Promise<string> {
  const ticket = (await t.call('POST', '/api/tickets', { areaId: counter.areaIds[0] }, kiosk.token)).body;
  await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
  // Others may wait ahead in the same area: call until ours is current.
  for (let i = 0; i < 50; i++)
    if (
      (await t.call('POST', `/api/counters/${counter.id}/call-next`, undefined, clerk.token)).body.ticket?.id ===
      ticket.id
    )
      break;
  expect((await t.call('POST', `/api/counters/${counter.id}/finish`, undefined, clerk.token)).status).toBe(200);
  return ticket.id;
}

/** Connects a pad and returns the rating requests it got on connect (after a round trip, nothing more is coming). */
async function reload(padToken: string) {
  const s = await c.connect({ token: padToken });
  await c.roundTrip(s.socket);
  s.socket.close();
  return s.events.filter(([n]) => n === 'rating:requested').map(([, p]) => p);
}

describe('pending rating on connect', () => {
  it('a pad that connects after its counter finished a citizen gets the question, with the time left', async () => {
    const counter = counters[0];
    const pad = await t.createDevice('rating', { counterId: counter.id });
    const clerk = await t.createClerk('rate-a');
    const ticketId = await serve(counter, clerk);

    const [first, ...more] = await reload(pad.token);
    expect(more).toEqual([]);
    expect(first).toMatchObject({
      counterId: counter.id,
      ticket: { id: ticketId, status: 'done' },
      clerkName: 'Cán bộ rate-a',
      remainingSeconds: 30,
    });

    clock().advance(20_000);
    expect((await reload(pad.token))[0]).toMatchObject({ ticket: { id: ticketId }, remainingSeconds: 10 });

    clock().advance(10_001);
    expect(await reload(pad.token)).toEqual([]); // the pad would have gone back to idle by now
  });

  it('no question once the citizen rated, nor for another counter, nor for a no-show', async () => {
    const [a, b] = [counters[1], counters[2]];
    const padA = await t.createDevice('rating', { counterId: a.id });
    const padB = await t.createDevice('rating', { counterId: b.id });
    const clerk = await t.createClerk('rate-b');
    const ticketId = await serve(a, clerk);
    expect(await reload(padB.token)).toEqual([]);
    expect((await t.call('POST', '/api/ratings', { ticketId, level: 'satisfied' }, padA.token)).status).toBe(201);
    expect(await reload(padA.token)).toEqual([]);

    const other = (await t.call('POST', '/api/tickets', { areaId: a.areaIds[0] }, kiosk.token)).body;
    for (let i = 0; i < 50; i++)
      if (
        (await t.call('POST', `/api/counters/${a.id}/call-next`, undefined, clerk.token)).body.ticket?.id === other.id
      )
        break;
    expect((await t.call('POST', `/api/counters/${a.id}/no-show`, undefined, clerk.token)).status).toBe(200);
    expect(await reload(padA.token)).toEqual([]);
  });

  it('the latest finished citizen is the one asked about', async () => {
    const counter = counters[3];
    const pad = await t.createDevice('rating', { counterId: counter.id });
    const clerk = await t.createClerk('rate-c');
    await serve(counter, clerk);
    clock().advance(5000);
    const second = await serve(counter, clerk);
    const got = await reload(pad.token);
    expect(got.map((p) => p.ticket.id)).toEqual([second]);
  });
});
