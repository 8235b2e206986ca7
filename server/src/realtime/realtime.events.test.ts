import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';
import { socketClients } from './realtime.testing.ts';

/** Every socket handler answers a storage fault instead of throwing (issue 11, defect 2, socket half). */
let t: TestServer;
const c = socketClients(() => t.url);
const undo: (() => void)[] = [];

beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
  await t.call('PATCH', '/api/settings', { printerTimeoutMs: 500 }, t.adminToken);
});
afterEach(async () => {
  for (const u of undo.splice(0)) u();
  await c.closeAll(t.server);
});
afterAll(async () => {
  await t.close();
});

/** Makes one store method throw the error SQLite gives for a full disk, until the test ends. */
function diskFull<T extends object>(repo: T, method: keyof T & string): void {
  const real = repo[method];
  (repo as Record<string, unknown>)[method] = () => {
    throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  };
  undo.push(() => {
    (repo as Record<string, unknown>)[method] = real;
  });
}

/** A real read-only database for this connection: every write fails with SQLITE_READONLY. */
function readOnly(): void {
  t.server.db.pragma('query_only = ON');
  undo.push(() => t.server.db.pragma('query_only = OFF'));
}

async function agentWithJob() {
  const area = (await t.areas())[0];
  const kiosk = await t.createDevice('kiosk', { printer: 'agent' });
  const dev = await t.createDevice('printer', { kioskId: kiosk.id });
  const agent = await c.connect({ token: dev.token });
  const job = new Promise<{ jobId: string }>((r) => agent.socket.once('print:job', r));
  const issued = t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
  return { agent, jobId: (await job).jobId, issued };
}

const jobStatus = (id: string) =>
  (t.server.db.prepare('SELECT status FROM print_jobs WHERE id = ?').get(id) as { status: string }).status;
const totalChanges = () => (t.server.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('socket handlers under storage faults', () => {
  it('print:result on a full disk answers server.storage_unavailable (ack) or nothing, changes nothing, and the server stays up', async () => {
    const { agent, jobId, issued } = await agentWithJob();
    expect((await issued).status).toBe(201);
    const before = jobStatus(jobId);
    diskFull(t.server.services.deps.store.printJobs, 'setStatus');
    const ack = await agent.socket.timeout(5000).emitWithAck('print:result', { jobId, status: 'printed' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'server.storage_unavailable' } });
    agent.socket.emit('print:result', { jobId, status: 'printed' }); // no ack: nothing comes back, nothing breaks
    await c.roundTrip(agent.socket);
    expect(agent.socket.connected).toBe(true);
    expect(jobStatus(jobId)).toBe(before);
    expect((await t.call('GET', '/api/state', undefined, t.adminToken)).status).toBe(200);

    // Once the disk has room again the agent's resend is recorded.
    for (const u of undo.splice(0)) u();
    expect(await agent.socket.timeout(5000).emitWithAck('print:result', { jobId, status: 'printed' })).toEqual({
      ok: true,
    });
    expect(jobStatus(jobId)).toBe('printed');
  });

  it('print:result against a read-only database: error ack, nothing written, health told at once', async () => {
    const { agent, jobId, issued } = await agentWithJob();
    await issued;
    expect((await t.call('GET', '/api/health')).status).toBe(200); // its answer is now cached for a moment
    readOnly();
    const changes = totalChanges();
    const ack = await agent.socket
      .timeout(5000)
      .emitWithAck('print:result', { jobId, status: 'failed', code: 'printer.paper_out', message: 'Máy in hết giấy.' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'server.storage_unavailable' } });
    expect(totalChanges()).toBe(changes);
    expect(agent.socket.connected).toBe(true);
    // The fault the socket met reaches the health check as an HTTP request's would: no stale "ok".
    expect((await t.call('GET', '/api/health')).body).toMatchObject({ ok: false, reason: 'read_only' });
  });

  it('print:agent-ready while the store cannot be read answers an error and keeps the socket', async () => {
    const { agent, issued } = await agentWithJob();
    await issued;
    diskFull(t.server.services.deps.store.printJobs, 'pendingForKiosk');
    expect(await agent.socket.timeout(5000).emitWithAck('print:agent-ready', {})).toMatchObject({
      ok: false,
      error: { code: 'server.storage_unavailable' },
    });
    expect(agent.socket.connected).toBe(true);
  });

  it('an invalid print:result is answered request.invalid and changes nothing', async () => {
    const { agent, jobId, issued } = await agentWithJob();
    await issued;
    const changes = totalChanges();
    for (const bad of [
      null,
      42,
      'x',
      [],
      { jobId },
      { jobId, status: 'burnt' },
      { jobId: 'x'.repeat(101), status: 'printed' },
    ]) {
      expect(await agent.socket.timeout(5000).emitWithAck('print:result', bad)).toMatchObject({
        ok: false,
        error: { code: 'request.invalid' },
      });
    }
    expect(totalChanges()).toBe(changes);
  });

  it('a handshake or snapshot that meets a storage fault is refused or closed, then works once the fault is gone', async () => {
    const kiosk = await t.createDevice('kiosk');
    const ticket = (await t.call('POST', '/api/tickets', { areaId: (await t.areas())[0].id }, kiosk.token)).body;
    diskFull(t.server.services.deps.store.tickets, 'get');
    expect((await c.refused({ ticketId: ticket.id })).data?.code).toBe('server.storage_unavailable');
    for (const u of undo.splice(0)) u();

    diskFull(t.server.services.deps.store.catalog, 'counters');
    const display = await t.createDevice('display');
    const r = await c.attempt({ token: display.token });
    expect(r.ok).toBe(false); // connected, but closed at once: the screen reconnects and tries again
    for (const u of undo.splice(0)) u();
    await c.connect({ token: display.token });
    await c.connect({ ticketId: ticket.id });
  });

  it('an event that reaches a socket without a handler for it is answered, or ignored', async () => {
    const display = await c.connect({ token: (await t.createDevice('display')).token });
    expect(
      await display.socket.timeout(5000).emitWithAck('print:result', { jobId: 'x', status: 'printed' }),
    ).toMatchObject({ ok: false, error: { code: 'request.not_found' } });
    display.socket.emit('error', { boom: true }); // "error" is not a reserved name: a client may send it
    await c.roundTrip(display.socket);
    expect(display.socket.connected).toBe(true);
  });
});
