import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

describe('queue over HTTP (in-process)', () => {
  it('issues, calls, finishes and reports a ticket', async () => {
    const kiosk = await t.createDevice('kiosk');
    const clerk = await t.createClerk('lan');
    const [lltp] = (await t.areas()).filter((a) => a.code === 'LLTP');
    const counter1 = (await t.counters()).find((c) => c.number === 1);

    const issued = await t.call('POST', '/api/tickets', { areaId: lltp.id, idempotencyKey: 'k1' }, kiosk.token);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      number: '1001',
      areaId: lltp.id,
      status: 'waiting',
      priority: false,
      waitingAhead: 0,
      print: { status: 'none' },
    });
    expect(issued.body.trackUrl).toBe(`http://hcc.test/t/${issued.body.id}`);
    expect(issued.body.id.length).toBeGreaterThanOrEqual(16);
    expect(issued.body.issuedAt).toMatch(/\+07:00$/);

    const again = await t.call('POST', '/api/tickets', { areaId: lltp.id, idempotencyKey: 'k1' }, kiosk.token);
    expect([200, 201]).toContain(again.status);
    expect(again.body.id).toBe(issued.body.id);

    const second = await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token);
    expect(second.body).toMatchObject({ number: '1002', waitingAhead: 1 });

    expect((await t.call('POST', `/api/counters/${counter1.id}/open`, undefined, clerk.token)).status).toBe(200);
    const called = await t.call('POST', `/api/counters/${counter1.id}/call-next`, undefined, clerk.token);
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({
      id: issued.body.id,
      status: 'called',
      counter: { id: counter1.id, number: 1 },
    });

    const got = await t.call('GET', `/api/tickets/${issued.body.id}`);
    expect(got.body).toMatchObject({ status: 'called', counter: { number: 1 } });

    const finished = await t.call('POST', `/api/counters/${counter1.id}/finish`, undefined, clerk.token);
    expect(finished.body.ticket.status).toBe('done');

    const report = await t.call('GET', '/api/reports/summary?groupBy=area', undefined, t.adminToken);
    expect(report.status).toBe(200);
    const row = report.body.rows.find((r: any) => r.key === 'LLTP');
    expect(row).toMatchObject({ issued: 2, served: 1, noShow: 0 });
    expect(report.body.totals).toMatchObject({ key: 'total', issued: 2, served: 1 });
    const byCounter = await t.call('GET', '/api/reports/summary?groupBy=counter', undefined, t.adminToken);
    expect(byCounter.body.rows.find((r: any) => r.key === '1')).toMatchObject({ issued: 1, served: 1 }); // called 1, served 1
    expect(byCounter.body.totals).toMatchObject({ issued: 2, served: 1 }); // the total counts tickets issued
  });

  it('answers errors in the contract shape', async () => {
    const kiosk = await t.createDevice('kiosk');
    expect((await t.call('GET', '/api/areas')).status).toBe(401);
    const bad = await t.call('POST', '/api/tickets', undefined, kiosk.token, '{"areaId":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.malformed_json');
    const unknown = await t.call('POST', '/api/tickets', { areaId: 'nope' }, kiosk.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/lĩnh vực/);
    const big = await t.call(
      'POST',
      '/api/tickets',
      undefined,
      kiosk.token,
      JSON.stringify({ areaId: 'x'.repeat(200_000) }),
    );
    expect(big.status).toBe(413);
    const forbidden = await t.call(
      'POST',
      '/api/users',
      { username: 'x1', password: 'password-1', displayName: 'X', role: 'clerk' },
      kiosk.token,
    );
    expect(forbidden.status).toBe(403);
  });
});
