import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketClients } from '../server/src/realtime/realtime.testing.ts';
import { fixtures, startServerProcess, type ServerProcess } from './support/server-process.ts';

/**
 * The real built server in its own process (issue 11, defect 1): a malformed session cookie once threw a
 * URIError in the handshake and the process exited. The process guard fails this test if it exits unasked.
 */
let srv: ServerProcess;
const c = socketClients(() => srv.url);

beforeAll(async () => {
  srv = await startServerProcess();
});
afterAll(async () => {
  await c.closeAll();
  await srv.close();
});

describe('the server process survives hostile sockets', () => {
  it('malformed cookies, odd auth and junk events leave it serving', async () => {
    const fx = await fixtures(srv.url);
    for (const cookie of ['hcc_session=%', 'hcc_session=%E0%A4%A', `hcc_session=${'%'.repeat(3000)}`]) {
      expect((await c.refused({}, { Cookie: cookie, Origin: srv.url })).data?.code).toBe('auth.invalid_token');
    }
    expect((await c.refused({ token: { $ne: null } })).data?.code).toBe('auth.invalid_token');
    const display = await c.connect({ token: (await fx.device('display')).token });
    display.socket.emit('error', { x: 1 });
    display.socket.emit('print:result', { jobId: { $gt: '' }, status: 'printed' });
    await c.roundTrip(display.socket);
    expect(srv.pid()).toBeDefined();
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    expect(srv.output()).not.toMatch(/URIError/);
  });
});
