import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('configuration export and import', () => {
  it('exports the seed shape and imports it back without duplicates', async () => {
    const exp = await t.call('GET', '/api/config/export', undefined, t.adminToken);
    expect(exp.status).toBe(200);
    expect(exp.body.areas.find((a: any) => a.code === 'LLTP')).toMatchObject({
      department: 'STP',
      numberStart: 1001,
      numberEnd: 1999,
    });
    const { center: _c, ...doc } = exp.body;
    const again = await t.call('POST', '/api/config/import', doc, t.adminToken);
    expect(again.body.created).toEqual({ departments: 0, areas: 0, counters: 0, procedures: 0 });
    // Rows that would not change are left alone and counted as such (issue 11, defect 19).
    expect(again.body.updated).toEqual({ departments: 0, areas: 0, counters: 0, procedures: 0 });
    expect(again.body.unchanged.areas).toBe(doc.areas.length);
    expect(again.body.changes).toEqual([]);
  });

  it('imports new rows, and rejects a bad file changing nothing', async () => {
    const ok = await t.call(
      'POST',
      '/api/config/import',
      {
        departments: [{ code: 'SVH', name: 'Sở Văn hoá, Thể thao và Du lịch' }],
        areas: [
          {
            code: 'VHTT',
            department: 'SVH',
            name: 'Văn hoá, thể thao',
            numberStart: 20001,
            numberEnd: 20999,
            dailyLimit: 100,
            targetWaitMinutes: 15,
          },
        ],
        counters: [{ number: 40, name: 'Quầy 40 – Văn hoá', areas: ['VHTT'] }],
      },
      t.adminToken,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.created).toEqual({ departments: 1, areas: 1, counters: 1, procedures: 0 });
    const before = (await t.areas()).length;
    const bad = await t.call(
      'POST',
      '/api/config/import',
      {
        departments: [{ code: 'NEW', name: 'Mới' }],
        areas: [
          { code: 'X1', department: 'NEW', name: 'X', numberStart: 30001, numberEnd: 30010 },
          { code: 'X2', department: 'NOPE', name: 'Y', numberStart: 31001, numberEnd: 31010 },
        ],
      },
      t.adminToken,
    );
    expect(bad.status).toBe(404);
    expect(bad.body.error.message).toMatch(/dòng 2.*NOPE/);
    expect((await t.areas()).length).toBe(before);
    expect(
      (await t.call('GET', '/api/departments', undefined, t.adminToken)).body.some((d: any) => d.code === 'NEW'),
    ).toBe(false);
    expect((await t.call('POST', '/api/config/import', { areas: 'x' }, t.adminToken)).status).toBe(422);
  });
});

describe('reports as files', () => {
  it('exports XLSX with Vietnamese headers', async () => {
    const res = await t.server.app.request('/api/reports/summary?groupBy=area&format=xlsx', {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('Đã phục vụ');
    expect(sheet).toContain('Lý lịch tư pháp');
    expect(sheet).toContain('Tổng cộng');
  });
});

describe('backups', () => {
  it('runs on demand and lists the newest first; clerks may not', async () => {
    const clerk = await t.createClerk('bk');
    expect((await t.call('POST', '/api/backups', undefined, clerk.token)).status).toBe(403);
    const made = await t.call('POST', '/api/backups', undefined, t.adminToken);
    expect(made.status).toBe(201);
    expect(made.body.bytes).toBeGreaterThan(10_000);
    const list = await t.call('GET', '/api/backups', undefined, t.adminToken);
    expect(list.body.lastBackup.file).toBe(made.body.file);
  });
});

describe('the nightly tick', () => {
  it("expires yesterday's waiting tickets and backs up once a night", async () => {
    const clock = t.clock as import('../core/clock.ts').ManualClock;
    const kiosk = await t.createDevice('kiosk');
    const area = (await t.areas()).find((a) => a.code === 'YTE');
    const tk = (await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token)).body;
    const count = async () =>
      (await t.call('GET', '/api/backups', undefined, t.adminToken)).body.backups.length as number;
    const before = await count();
    clock.set('2026-11-26T22:05:00+07:00');
    t.server.tick();
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before + 1);
    t.server.tick();
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before + 1);
    // The logger tells it once, at info, with the business day as a field.
    const told = t.logs.filter((e) => e.level === 'info' && e.msg.startsWith('Đã sao lưu tự động'));
    expect(told.map((e) => e.fields?.day)).toEqual(['2026-11-26']);
    clock.set('2026-11-27T07:00:00+07:00');
    t.server.tick();
    expect((await t.call('GET', `/api/tickets/${tk.id}`)).body.status).toBe('expired');
    const report = await t.call('GET', '/api/reports/summary?from=2026-11-26&groupBy=area', undefined, t.adminToken);
    expect(report.body.rows.find((r: any) => r.key === 'YTE').expired).toBe(1);
  });
});
