import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { socketClients } from '../realtime/realtime.testing.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** Tickets carry the procedure the citizen came for: issue → events → call → reports (contract: "Procedures"). */
let t: TestServer;
const c = socketClients(() => t.url);
beforeAll(async () => {
  t = await startTestServer({ listen: true });
});
afterEach(async () => {
  await c.closeAll(t.server);
});
afterAll(async () => {
  await t.close();
});

const find = async (q: string) => (await t.call('GET', `/api/procedures?q=${encodeURIComponent(q)}&limit=1`)).body[0];
const ticketCount = () => (t.server.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;

describe('POST /api/tickets with procedureId', () => {
  it("issues in the procedure's area; events, the call, the console and the public form carry {id, code, name}", async () => {
    const birth = await find('1.001193');
    const kiosk = await t.createDevice('kiosk');
    const clerk = await t.createClerk('q1proc');
    const counter = (await t.counters()).find((x) => x.areaIds.includes(birth.areaId))!;
    await t.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk.token);
    const staff = await c.connect({ token: clerk.token });
    const issuedEvent = new Promise<any>((r) => staff.socket.on('ticket:issued', (p) => r(p)));

    const r = await t.call('POST', '/api/tickets', { procedureId: birth.id }, kiosk.token);
    expect(r.status).toBe(201);
    const ref = { id: birth.id, code: '1.001193', name: 'Đăng ký khai sinh' };
    expect(r.body).toMatchObject({ areaId: birth.areaId, areaCode: 'HTCT', procedure: ref });
    expect((await issuedEvent).ticket.procedure).toEqual(ref);

    // The public form (anyone holding the id) carries it too: procedure information is public.
    expect((await t.call('GET', `/api/tickets/${r.body.id}`)).body.procedure).toEqual(ref);
    const queue = await t.call('GET', `/api/counters/${counter.id}/queue`, undefined, clerk.token);
    expect(queue.body.waiting.find((x: any) => x.id === r.body.id).procedure).toEqual(ref);

    const called = await t.call('POST', `/api/counters/${counter.id}/call-next`, {}, clerk.token);
    expect(called.body.ticket).toMatchObject({ id: r.body.id, procedure: ref });

    // A ticket by area alone has none.
    const plain = await t.call('POST', '/api/tickets', { areaId: birth.areaId }, kiosk.token);
    expect(plain.body.procedure).toBeNull();

    // Withdrawn later: the ticket keeps its procedure.
    await t.call('DELETE', `/api/procedures/${birth.id}`, undefined, t.adminToken);
    expect((await t.call('GET', `/api/tickets/${r.body.id}`)).body.procedure).toEqual(ref);
    await t.call('PUT', `/api/procedures/${birth.id}`, { ...pick(birth) }, t.adminToken); // back for the next tests
  });

  it('areaId and procedureId together must agree (422); unknown → 404, withdrawn → 422; nothing issued', async () => {
    const birth = await find('1.001193');
    const gplx = await find('GPLX');
    const kiosk = await t.createDevice('kiosk');
    const both = await t.call('POST', '/api/tickets', { procedureId: birth.id, areaId: birth.areaId }, kiosk.token);
    expect(both.status).toBe(201);
    expect(both.body.procedure.id).toBe(birth.id);
    const before = ticketCount();
    const clash = await t.call('POST', '/api/tickets', { procedureId: birth.id, areaId: gplx.areaId }, kiosk.token);
    expect(clash.status).toBe(422);
    expect(clash.body.error.code).toBe('procedure.area_mismatch');
    const unknown = await t.call('POST', '/api/tickets', { procedureId: 'nope' }, kiosk.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('procedure.not_found');
    expect((await t.call('POST', '/api/tickets', {}, kiosk.token)).status).toBe(422);
    expect((await t.call('POST', '/api/tickets', { procedureId: 42 }, kiosk.token)).status).toBe(422);
    await t.call('DELETE', `/api/procedures/${gplx.id}`, undefined, t.adminToken);
    const withdrawn = await t.call('POST', '/api/tickets', { procedureId: gplx.id }, kiosk.token);
    expect(withdrawn.status).toBe(422);
    expect(withdrawn.body.error.code).toBe('procedure.withdrawn');
    expect(ticketCount()).toBe(before);
    await t.call('PUT', `/api/procedures/${gplx.id}`, pick(gplx), t.adminToken);
  });
});

describe('GET /api/reports/summary?groupBy=procedure', () => {
  it('one row per procedure code; "" for tickets asked for by area', async () => {
    const marriage = await find('1.000894');
    const kiosk = await t.createDevice('kiosk');
    for (let i = 0; i < 3; i++) await t.call('POST', '/api/tickets', { procedureId: marriage.id }, kiosk.token);
    await t.call('POST', '/api/tickets', { areaId: marriage.areaId }, kiosk.token);
    const r = await t.call('GET', '/api/reports/summary?groupBy=procedure', undefined, t.adminToken);
    expect(r.status).toBe(200);
    expect(r.body.groupBy).toBe('procedure');
    const row = (key: string) => r.body.rows.find((x: any) => x.key === key);
    expect(row('1.000894')).toMatchObject({ label: 'Đăng ký kết hôn', issued: 3 });
    expect(row('').issued).toBeGreaterThanOrEqual(1);
    expect(r.body.totals.issued).toBe(r.body.rows.reduce((s: number, x: any) => s + x.issued, 0));
    expect(r.body.totals.issued).toBe(ticketCount());
    const file = await t.server.app.request('/api/reports/summary?groupBy=procedure&format=csv', {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('Đăng ký kết hôn');
  });
});

/** A procedure DTO back as a PUT body. */
function pick(p: any) {
  const { code, name, areaId, timeLimit, fee, documents, keywords } = p;
  return { code, name, areaId, timeLimit, fee, documents, keywords };
}
