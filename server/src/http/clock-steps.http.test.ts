import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Issue #11, defect 12: the server's clock steps back (NTP, a person at the BIOS). The real server runs on a
 * ManualClock that the tests set backwards; "now", the business day and the queue must hold.
 */
const open: TestServer[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function center(clock: ManualClock, dataDir?: string) {
  const t = await startTestServer({ clock, ...(dataDir ? { dataDir } : {}) });
  open.push(t);
  const kiosk = await t.createDevice('kiosk');
  const lltp = (await t.areas()).find((a) => a.code === 'LLTP')!;
  const counter = (await t.counters()).find((c) => c.number === 1)!;
  const issue = async () => {
    const r = await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token);
    expect(r.status).toBe(201);
    return r.body as { id: string; number: string; businessDay: string; status: string };
  };
  return { t, kiosk, lltp, counter, issue };
}

async function clerkAt(t: TestServer, counterId: string, name: string) {
  const clerk = await t.createClerk(name);
  expect((await t.call('POST', `/api/counters/${counterId}/open`, undefined, clerk.token)).status).toBe(200);
  return async () =>
    (await t.call('POST', `/api/counters/${counterId}/call-next`, undefined, clerk.token)).body.ticket?.id as
      string | undefined;
}

describe('the server clock steps back', () => {
  it('across midnight right after the day turned: new tickets belong to today and do not expire', async () => {
    const clock = new ManualClock(Date.parse('2026-11-26T23:59:40+07:00'));
    const { t, counter, issue } = await center(clock);
    clock.set('2026-11-27T00:00:20+07:00');
    t.server.tick();
    const a = await issue();
    expect(a).toMatchObject({ businessDay: '2026-11-27', number: '1001' });
    clock.set('2026-11-26T23:58:00+07:00'); // stepped back 2 min 20 s, to yesterday
    t.server.tick();
    const b = await issue();
    expect(b).toMatchObject({ businessDay: '2026-11-27', number: '1002' });
    expect((await t.call('GET', '/api/config/public')).body.businessDay).toBe('2026-11-27');
    clock.set('2026-11-27T00:05:00+07:00'); // the machine's clock passes midnight a second time
    t.server.tick();
    expect((await t.call('GET', `/api/tickets/${b.id}`)).body.status).toBe('waiting');
    const next = await clerkAt(t, counter.id, 'lan');
    expect([await next(), await next()]).toEqual([a.id, b.id]);
  });

  it('a restart with the clock behind the saved high-water mark keeps the business day', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hcc-clock-'));
    try {
      const first = await center(new ManualClock(Date.parse('2026-11-27T00:00:30+07:00')), dataDir);
      const a = await first.issue();
      expect(a.businessDay).toBe('2026-11-27');
      await first.t.close(false);
      open.splice(open.indexOf(first.t), 1);

      const behind = new ManualClock(Date.parse('2026-11-26T23:57:00+07:00'));
      const again = await center(behind, dataDir);
      expect((await again.t.call('GET', '/api/config/public')).body.businessDay).toBe('2026-11-27');
      const b = await again.issue();
      expect(b).toMatchObject({ businessDay: '2026-11-27', number: '1002' });
      const next = await clerkAt(again.t, again.counter.id, 'minh');
      expect([await next(), await next()]).toEqual([a.id, b.id]);
      const alerts = (await again.t.call('GET', '/api/alerts', undefined, again.t.adminToken)).body.alerts.filter(
        (x: { kind: string }) => x.kind === 'clock_step',
      );
      expect(alerts.map((x: { text: string }) => x.text)).toEqual([
        'Đồng hồ máy chủ bị lùi 4 phút lúc 00:00; hệ thống giữ thứ tự vé theo trình tự cấp số.',
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the control room is told: the step shows in its alert list', async () => {
    const clock = new ManualClock(Date.parse('2026-11-26T09:12:00+07:00'));
    const { t, issue } = await center(clock);
    const clockAlerts = async () =>
      (await t.call('GET', '/api/alerts', undefined, t.adminToken)).body.alerts.filter(
        (x: { kind: string }) => x.kind === 'clock_step',
      );
    expect(await clockAlerts()).toEqual([]);
    await issue();
    clock.advance(-5 * 60_000);
    await issue();
    expect(await clockAlerts()).toMatchObject([
      {
        kind: 'clock_step',
        severity: 'medium',
        text: 'Đồng hồ máy chủ bị lùi 5 phút lúc 09:12; hệ thống giữ thứ tự vé theo trình tự cấp số.',
      },
    ]);
    const clerk = await t.createClerk('hoa');
    expect((await t.call('GET', '/api/alerts', undefined, clerk.token)).status).toBe(403);
    expect((await t.call('GET', '/api/alerts')).status).toBe(401);
  });
});
