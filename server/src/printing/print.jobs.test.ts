import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { socketClients } from '../realtime/realtime.testing.ts';
import { PRINT_RESEND_AFTER_MS } from './print.service.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Issue #11, defect 15: after a printer outage the queued jobs were all resent on every print:agent-ready,
 * long after their tickets were served. A job expires (never sent) once its ticket no longer waits, the
 * business day turns, or it waited past the window; a job is sent to an agent once, again only unanswered.
 */
const clock = new ManualClock(Date.parse('2026-11-26T08:00:00+07:00'));
let t: TestServer;
const c = socketClients(() => t.url);
const areaId = async (code: string) => (await t.areas()).find((a) => a.code === code)!.id as string;

beforeAll(async () => {
  t = await startTestServer({ clock, listen: true });
  await t.call('PATCH', '/api/settings', { printerTimeoutMs: 300 }, t.adminToken);
});
afterEach(async () => {
  await c.closeAll(t.server);
});
afterAll(async () => {
  await t.close();
});

async function kioskWithAgent() {
  const kiosk = await t.createDevice('kiosk', { printer: 'agent' });
  const agentDevice = await t.createDevice('printer', { kioskId: kiosk.id });
  const issue = async (code: string) => {
    const r = await t.call('POST', '/api/tickets', { areaId: await areaId(code) }, kiosk.token);
    expect(r.body.print.status).toBe('queued'); // no agent connected: the job waits
    return r.body as { id: string; number: string };
  };
  return { kiosk, agentDevice, issue };
}

const jobsOf = (ticketId: string) =>
  t.server.db.prepare('SELECT id, status, code FROM print_jobs WHERE ticket_id = ? ORDER BY rowid').all(ticketId) as {
    id: string;
    status: string;
    code: string | null;
  }[];
const sentJobs = (events: [string, any][]) =>
  events.filter(([n]) => n === 'print:job').map(([, p]) => p.jobId as string);

describe('print jobs after an outage', () => {
  it('an agent back after an outage gets only live jobs, each once', async () => {
    const { agentDevice, issue } = await kioskWithAgent();
    const clerk = await t.createClerk('hoa');
    const dkkd = (await t.counters()).find((x) => x.number === 3)!; // serves DKKD
    expect((await t.call('POST', `/api/counters/${dkkd.id}/open`, undefined, clerk.token)).status).toBe(200);
    const served = await issue('DKKD');
    const old = await issue('LLTP');
    expect((await t.call('POST', `/api/counters/${dkkd.id}/call-next`, undefined, clerk.token)).body.ticket.id).toBe(
      served.id,
    );
    clock.advance(9 * 60_000);
    const fresh = await issue('LLTP');
    clock.advance(2 * 60_000); // old's job has waited 11 min, fresh's 2 min

    const agent = await c.connect({ token: agentDevice.token });
    await c.roundTrip(agent.socket);
    agent.socket.emit('print:agent-ready', { printer: { online: true } });
    agent.socket.emit('print:agent-ready', { printer: { online: true } });
    await c.roundTrip(agent.socket);
    const freshJob = jobsOf(fresh.id)[0]!.id;
    expect(sentJobs(agent.events)).toEqual([freshJob]);
    expect([jobsOf(served.id)[0], jobsOf(old.id)[0]]).toMatchObject([
      { status: 'expired', code: 'print.expired' },
      { status: 'expired', code: 'print.expired' },
    ]);
    expect((await t.call('GET', `/api/tickets/${old.id}`, undefined, t.adminToken)).body.print).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/Không in nữa/),
    });

    // Unanswered, the job goes again after a while, or to the agent's next connection; once answered never again.
    clock.advance(PRINT_RESEND_AFTER_MS + 1000);
    agent.socket.emit('print:agent-ready', {});
    await c.roundTrip(agent.socket);
    expect(sentJobs(agent.events)).toEqual([freshJob, freshJob]);
    agent.socket.close();
    const again = await c.connect({ token: agentDevice.token });
    await c.roundTrip(again.socket);
    expect(sentJobs(again.events)).toEqual([freshJob]);
    again.socket.emit('print:result', { jobId: freshJob, status: 'printed' });
    again.socket.emit('print:agent-ready', {});
    await c.roundTrip(again.socket);
    expect(sentJobs(again.events)).toEqual([freshJob]);
    expect(jobsOf(fresh.id)[0]!.status).toBe('printed');
  });

  it('a job of yesterday is never printed today, even before the day close ran', async () => {
    const { kiosk, issue } = await kioskWithAgent();
    clock.set('2026-11-26T23:57:00+07:00');
    const late = await issue('HTCT');
    clock.set('2026-11-27T00:01:00+07:00'); // 4 min later, the ticket still "waiting" until the day close runs
    expect(t.server.services.printing.pendingFor(kiosk.id)).toEqual([]);
    expect(jobsOf(late.id)[0]).toMatchObject({ status: 'expired', code: 'print.expired' });
  });

  it('the day-close tick expires stale jobs even while no agent connects', async () => {
    const { issue } = await kioskWithAgent();
    const waiting = await issue('LLTP');
    expect(jobsOf(waiting.id)[0]!.status).toBe('queued');
    clock.advance(10 * 60_000 + 1000);
    t.server.tick();
    expect(jobsOf(waiting.id)[0]!.status).toBe('expired');
    expect((await t.call('GET', `/api/tickets/${waiting.id}`, undefined, t.adminToken)).body.status).toBe('waiting'); // the ticket itself is untouched
  });
});
