import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** The clerk's actions over HTTP: what the clerk saw (expectedTicketId) and transfers nobody could call. */
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

async function counterAt(n: number) {
  return (await t.counters()).find((c) => c.number === n);
}
async function areaOf(code: string) {
  return (await t.areas()).find((a) => a.code === code);
}

describe('a fast double press (expectedTicketId)', () => {
  it('two call-next with the same view: the second is 409 and 1001 is still current', async () => {
    const kiosk = await t.createDevice('kiosk');
    const clerk = await t.createClerk('lan');
    const lltp = await areaOf('LLTP');
    const c1 = await counterAt(1);
    const first = (await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token)).body;
    await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token);
    await t.call('POST', `/api/counters/${c1.id}/open`, undefined, clerk.token);
    const a = await t.call('POST', `/api/counters/${c1.id}/call-next`, { expectedTicketId: null }, clerk.token);
    expect(a.body.ticket).toMatchObject({ id: first.id, number: '1001', status: 'called' });
    const b = await t.call('POST', `/api/counters/${c1.id}/call-next`, { expectedTicketId: null }, clerk.token);
    expect(b.status).toBe(409);
    expect(b.body.error).toMatchObject({
      code: 'counter.stale_view',
      message: 'Màn hình quầy đã cũ: số hiện tại đã thay đổi. Vui lòng xem lại.',
    });
    expect((await counterAt(1)).currentTicket).toMatchObject({ number: '1001', status: 'called' });
    expect((await t.call('GET', `/api/tickets/${first.id}`)).body.status).toBe('called');
    const finish = await t.call(
      'POST',
      `/api/counters/${c1.id}/finish`,
      { expectedTicketId: 'not-this-one' },
      clerk.token,
    );
    expect(finish.body.error.code).toBe('counter.stale_view');
    expect(
      (await t.call('POST', `/api/counters/${c1.id}/recall`, { expectedTicketId: first.id }, clerk.token)).body.ticket
        .recalls,
    ).toBe(1);
    // The contract's body-less call still works, and a malformed view is a 422.
    expect(
      (await t.call('POST', `/api/counters/${c1.id}/call-next`, { expectedTicketId: 5 }, clerk.token)).status,
    ).toBe(422);
    expect(
      (await t.call('POST', `/api/counters/${c1.id}/no-show`, { expectedTicketId: first.id, extra: 1 }, clerk.token))
        .status,
    ).toBe(422);
    expect((await t.call('POST', `/api/counters/${c1.id}/call-next`, undefined, clerk.token)).body.ticket.number).toBe(
      '1002',
    );
  });
});

describe('citizens stranded where no counter will call them', () => {
  it('GET /api/areas greys out an area no counter serves and POST /api/tickets refuses it with 409 area.no_counter', async () => {
    const kiosk = await t.createDevice('kiosk');
    const dept = (await areaOf('LLTP')).departmentId;
    const created = await t.call(
      'POST',
      '/api/areas',
      { code: 'MOI', departmentId: dept, name: 'Lĩnh vực mới', numberStart: 90001, numberEnd: 90999 },
      t.adminToken,
    );
    expect(created.body).toMatchObject({ available: false, unavailableReason: 'no_counter' });
    expect(
      (await t.call('GET', '/api/areas', undefined, kiosk.token)).body.find((a: any) => a.code === 'MOI'),
    ).toMatchObject({ available: false, unavailableReason: 'no_counter' });
    const refused = await t.call('POST', '/api/tickets', { areaId: created.body.id }, kiosk.token);
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: 'area.no_counter', message: 'Chưa có quầy phục vụ lĩnh vực này.' } },
    });
    expect(
      await t.call('POST', '/api/counters', { number: 50, name: 'Quầy 50', areaIds: [created.body.id] }, t.adminToken),
    ).toMatchObject({ status: 201 });
    expect((await t.call('POST', '/api/tickets', { areaId: created.body.id }, kiosk.token)).body.number).toBe('90001');
  });

  it('a transfer to a closed counter is 409 counter.closed unless force; the phone sees the counter; an area with no open counter warns', async () => {
    const kiosk = await t.createDevice('kiosk');
    const clerk = await t.createClerk('lan');
    const lltp = await areaOf('LLTP');
    const [c1, c2] = [await counterAt(1), await counterAt(2)];
    const tk = (await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token)).body;
    await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token);
    await t.call('POST', `/api/counters/${c1.id}/open`, undefined, clerk.token);
    await t.call('POST', `/api/counters/${c1.id}/call-next`, { expectedTicketId: null }, clerk.token);
    const refused = await t.call(
      'POST',
      `/api/counters/${c1.id}/transfer`,
      { counterId: c2.id, expectedTicketId: tk.id },
      clerk.token,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'counter.closed', details: { number: 2 } });
    expect(refused.body.error.message).toContain('Quầy số 2 đang đóng');
    expect((await t.call('GET', `/api/tickets/${tk.id}`)).body).toMatchObject({ status: 'called', transfers: 0 });
    const forced = await t.call(
      'POST',
      `/api/counters/${c1.id}/transfer`,
      { counterId: c2.id, expectedTicketId: tk.id, force: true },
      clerk.token,
    );
    expect(forced.status).toBe(200);
    expect(forced.body.ticket).toMatchObject({ id: tk.id, status: 'waiting', transfers: 1 });
    expect(forced.body.warning).toMatchObject({ code: 'transfer.counter_closed' });
    // Anonymous, as the citizen's phone asks: it names the counter the ticket now waits for.
    expect((await t.call('GET', `/api/tickets/${tk.id}`)).body.waitingFor).toEqual({
      counterNumber: 2,
      counterName: c2.name,
    });

    const next = (await t.call('POST', `/api/counters/${c1.id}/call-next`, { expectedTicketId: null }, clerk.token))
      .body.ticket;
    const dkkd = await areaOf('DKKD');
    const moved = await t.call(
      'POST',
      `/api/counters/${c1.id}/transfer`,
      { areaId: dkkd.id, expectedTicketId: next.id },
      clerk.token,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ areaId: dkkd.id, status: 'waiting', waitingFor: null });
    expect(moved.body.warning).toMatchObject({ code: 'transfer.no_open_counter' });
    expect(moved.body.warning.message).toContain(dkkd.name);
  });
});
