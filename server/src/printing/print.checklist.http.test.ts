import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startFakePrinter, type FakePrinter } from '../../../printer/src/testing/fake-printer.testing.ts';
import { decodeEscPos, paperImage } from '../../../printer/src/testing/escpos.decoder.ts';
import type { PrintJobEvent } from '../contract/print.job.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';
import { systemClock } from '../core/clock.ts';

/**
 * The procedure's documents on the printed ticket (issue 12): only for a kiosk whose device setting
 * `printChecklist` is true, through every print path (network printer, print agent, the PNG of browser printing).
 */
let t: TestServer;
let procedure: { id: string; documents: string[] };
const printers: FakePrinter[] = [];

beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
  await t.call('PATCH', '/api/settings', { printerTimeoutMs: 1000 }, t.adminToken);
  [procedure] = (await t.call('GET', '/api/procedures?q=1.001193')).body; // Đăng ký khai sinh
});
afterAll(async () => {
  for (const p of printers) await p.close();
  await t.close();
});

/** The height in dots of what the fake printer put on paper for one ticket. */
async function paperHeight(settings: Record<string, unknown>, body: Record<string, unknown>) {
  const fp = await startFakePrinter();
  printers.push(fp);
  const kiosk = await t.createDevice('kiosk', { printer: fp.address, settings });
  const r = await t.call('POST', '/api/tickets', body, kiosk.token);
  expect(r.body.print).toMatchObject({ status: 'printed' });
  const [job] = await fp.waitForJobs(1, 3000);
  return paperImage(decodeEscPos(job!.bytes).commands).height;
}

describe('printChecklist: the documents to bring on the ticket', () => {
  it('on: the paper grows by the list; off, absent or not `true`: the same ticket as without it', async () => {
    expect(procedure.documents.length).toBeGreaterThan(2);
    const byProcedure = { procedureId: procedure.id };
    const off = await paperHeight({}, byProcedure);
    const on = await paperHeight({ printChecklist: true }, byProcedure);
    expect(on).toBeGreaterThan(off + 40 * procedure.documents.length);
    // The queue grows between these tickets (the wait estimate line may change): a line's height, not a list's.
    const near = (h: number, to: number) => expect(Math.abs(h - to)).toBeLessThan(30);
    near(await paperHeight({ printChecklist: false }, byProcedure), off);
    near(await paperHeight({ printChecklist: 'yes' }, byProcedure), off);
    // A ticket asked for by area has no procedure, so nothing to list even with the setting on.
    const areaId = (await t.areas()).find((a) => a.code === 'LLTP')!.id;
    near(await paperHeight({ printChecklist: true }, { areaId }), await paperHeight({}, { areaId }));
  });

  it("a print agent's job carries the documents when its kiosk asks for them, and null when not", async () => {
    const jobs: Record<string, PrintJobEvent['data']> = {};
    for (const [name, settings] of [
      ['on', { printChecklist: true }],
      ['off', {}],
    ] as const) {
      const kiosk = await t.createDevice('kiosk', { printer: 'agent', settings });
      const agentDevice = await t.createDevice('printer', { kioskId: kiosk.id });
      const agent = io(t.url, { auth: { token: agentDevice.token }, transports: ['websocket'] });
      agent.on('print:job', (job: PrintJobEvent) => {
        jobs[name] = job.data;
        agent.emit('print:result', { jobId: job.jobId, status: 'printed' });
      });
      await new Promise((r) => agent.once('state:snapshot', r));
      const r = await t.call('POST', '/api/tickets', { procedureId: procedure.id }, kiosk.token);
      expect(r.body.print.status).toBe('printed');
      agent.close();
    }
    expect(jobs.on!.checklist).toEqual(procedure.documents);
    expect(jobs.off!.checklist ?? null).toBeNull();
    expect(jobs.off!.procedureName).toBe(jobs.on!.procedureName);
  });

  it('the PNG of browser printing follows the setting of the kiosk that issued the ticket', async () => {
    const height = async (settings: Record<string, unknown>) => {
      const kiosk = await t.createDevice('kiosk', { printer: 'browser', settings });
      const r = await t.call('POST', '/api/tickets', { procedureId: procedure.id }, kiosk.token);
      const png = Buffer.from(await (await t.server.app.request(`/api/tickets/${r.body.id}/ticket.png`)).arrayBuffer());
      return png.readUInt32BE(20); // IHDR height
    };
    expect(await height({ printChecklist: true })).toBeGreaterThan((await height({})) + 100);
  });
});
