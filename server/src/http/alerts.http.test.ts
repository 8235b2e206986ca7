import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

describe('GET /api/alerts (control room)', () => {
  it('names a ticket no open counter can call, and does not blame the idle counter that cannot call it', async () => {
    const kiosk = await t.createDevice('kiosk');
    const clerk = await t.createClerk('lan');
    const boss = await t.createClerk('lanhdao', 'supervisor');
    const [c1, c2] = (await t.counters()).filter((c) => c.number <= 2).sort((a, b) => a.number - b.number);
    const lltp = (await t.areas()).find((a) => a.code === 'LLTP');
    const tk = (await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token)).body;
    await t.call('POST', `/api/counters/${c1.id}/open`, undefined, clerk.token);
    await t.call('POST', `/api/counters/${c1.id}/call-next`, undefined, clerk.token);
    await t.call('POST', `/api/counters/${c1.id}/transfer`, { counterId: c2.id, force: true }, clerk.token);

    const r = await t.call('GET', '/api/alerts', undefined, boss.token);
    expect(r.status).toBe(200);
    expect(r.body.alerts).toEqual([
      {
        kind: 'stranded',
        key: `stranded:counter:${c2.id}`,
        severity: 'high',
        text: `Số ${tk.number} (LLTP – ${lltp.name}) chờ riêng quầy 2 nhưng quầy đang đóng: không quầy nào khác gọi được.`,
      },
    ]);
    expect((await t.call('GET', '/api/alerts', undefined, clerk.token)).status).toBe(403);
    expect((await t.call('GET', '/api/alerts')).status).toBe(401);
  });
});
