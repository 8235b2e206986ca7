import { afterEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';
import { startFakeHub, type FakeHub } from './fake.hub.testing.ts';

/** Issue 14 on a real center: the link's configuration and state routes, and the province catalogue coming down. */

const open: { t?: TestServer; hub?: FakeHub }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.t?.close();
    await o.hub?.close();
  }
});
async function setup(env: Record<string, string> = {}) {
  const hub = await startFakeHub();
  const t = await startTestServer({ env });
  open.push({ t, hub });
  return { t, hub };
}
const cycle = (t: TestServer) => t.server.services.province.sender.cycle();
async function drain(t: TestServer) {
  for (let i = 0; i < 100; i++) if ((await cycle(t)) !== 'more') return;
}
const HEADER = [
  'Mã thủ tục',
  'Tên thủ tục',
  'Mã lĩnh vực',
  'Thời hạn giải quyết',
  'Phí, lệ phí',
  'Thành phần hồ sơ',
  'Từ khoá',
];
async function importCsv(t: TestServer, rows: string[][]) {
  const csv = [HEADER, ...rows].map((r) => r.join(',')).join('\n');
  const res = await t.server.app.request('/api/procedures/import', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${t.adminToken}` },
    body: csv,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('GET/PUT /api/province/link', () => {
  it('off until configured; admin sets URL and token (write-only); leaders read the state, never the token', async () => {
    const { t, hub } = await setup();
    const off = await t.call('GET', '/api/province/link', undefined, t.adminToken);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ configured: false, url: null, tokenSet: false, state: 'off', pending: 0 });
    const sup = await t.createClerk('giamsat', 'supervisor');
    const clerk = await t.createClerk('canbo');
    expect((await t.call('GET', '/api/province/link', undefined, clerk.token)).status).toBe(403);
    expect((await t.call('PUT', '/api/province/link', { url: hub.url }, sup.token)).status).toBe(403);
    expect((await t.call('PUT', '/api/province/link', { url: 'ftp://x' }, t.adminToken)).body.error.code).toBe(
      'province.link_invalid',
    );
    expect((await t.call('PUT', '/api/province/link', { url: hub.url, extra: 1 }, t.adminToken)).status).toBe(422);
    const put = await t.call('PUT', '/api/province/link', { url: hub.url, token: hub.token }, t.adminToken);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ configured: true, url: hub.url, tokenSet: true });
    expect(JSON.stringify(put.body)).not.toContain(hub.token);
    await drain(t);
    const seen = await t.call('GET', '/api/province/link', undefined, sup.token);
    expect(seen.body).toMatchObject({ configured: true, state: 'ok', pending: 0, lagSec: 0, lastError: null });
    expect(seen.body.lastAckAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.stringify(seen.body)).not.toContain(hub.token);
    // The demo center's whole state went up once (its counters, the labels).
    expect(hub.state.counters.size).toBeGreaterThan(0);
    expect(hub.state.catalogs).toBe(1);
    // Neither the settings nor the config export carry the token.
    const exported = await t.call('GET', '/api/config/export', undefined, t.adminToken);
    expect(JSON.stringify(exported.body)).not.toContain(hub.token);
    expect(JSON.stringify((await t.call('GET', '/api/audit', undefined, t.adminToken)).body)).not.toContain(hub.token);
  });

  it('the same link "in its settings": PATCH /api/settings {province: {url, token}}; a bad one changes nothing', async () => {
    const { t, hub } = await setup();
    const before = (await t.call('GET', '/api/settings', undefined, t.adminToken)).body;
    const bad = await t.call(
      'PATCH',
      '/api/settings',
      { kioskIdleSeconds: 45, province: { url: hub.url, nope: 1 } },
      t.adminToken,
    );
    expect(bad.status).toBe(422);
    expect((await t.call('GET', '/api/settings', undefined, t.adminToken)).body).toEqual(before);
    expect((await t.call('GET', '/api/province/link', undefined, t.adminToken)).body.configured).toBe(false);
    const ok = await t.call('PATCH', '/api/settings', { province: { url: hub.url, token: hub.token } }, t.adminToken);
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toContain(hub.token);
    await drain(t);
    const link = (await t.call('GET', '/api/province/link', undefined, t.adminToken)).body;
    expect(link).toMatchObject({ configured: true, url: hub.url, tokenSet: true, state: 'ok' });
  });

  it('PROVINCE_URL / PROVINCE_TOKEN win over the stored settings', async () => {
    const hub = await startFakeHub({ token: 'from-env' });
    const t = await startTestServer({ env: { PROVINCE_URL: hub.url + '/', PROVINCE_TOKEN: 'from-env' } });
    open.push({ t, hub });
    await t.call('PUT', '/api/province/link', { url: 'http://elsewhere.invalid', token: 'other' }, t.adminToken);
    const r = await t.call('GET', '/api/province/link', undefined, t.adminToken);
    expect(r.body).toMatchObject({ configured: true, url: hub.url, fromEnv: { url: true, token: true } });
    await drain(t);
    expect((await t.call('GET', '/api/province/link', undefined, t.adminToken)).body.state).toBe('ok');
  });
});

describe('the province catalogue, down', () => {
  it('applies rows whose area the center has as "from the province", keeps its own, withdraws those that left', async () => {
    const { t, hub } = await setup();
    const own = (await t.call('GET', '/api/procedures?limit=1', undefined, t.adminToken)).body[0];
    hub.state.catalogVersion = 3;
    hub.state.catalogRows = [
      {
        code: 'T-TINH-001',
        name: 'Thủ tục của tỉnh',
        areaCode: 'LLTP',
        timeLimit: '5 ngày',
        fee: '',
        documents: [],
        keywords: [],
      },
      { code: 'T-TINH-002', name: 'Thủ tục lĩnh vực trung tâm không có', areaCode: 'KHONGCO' },
      { code: own.code, name: 'Tỉnh đặt lại tên', areaCode: own.areaCode },
      { code: 'T-TINH-003', name: 'Sẽ bị bỏ', areaCode: 'LLTP' },
    ];
    await t.call('PUT', '/api/province/link', { url: hub.url, token: hub.token }, t.adminToken);
    await drain(t);
    const list = (await t.call('GET', '/api/procedures?limit=200&all=true', undefined, t.adminToken)).body as any[];
    const byCode = new Map(list.map((p) => [p.code, p]));
    expect(byCode.get('T-TINH-001')).toMatchObject({ source: 'province', active: true, timeLimit: '5 ngày' });
    expect(byCode.has('T-TINH-002')).toBe(false);
    expect(byCode.get(own.code)).toMatchObject({ name: own.name }); // the center's own stays
    expect(byCode.get(own.code).source).toBeUndefined();
    // The center's own edits cannot change a province procedure: 409, nothing changed.
    const p1 = byCode.get('T-TINH-001');
    const put = await t.call(
      'PUT',
      `/api/procedures/${p1.id}`,
      { code: 'T-TINH-001', name: 'Sửa', areaId: p1.areaId },
      t.adminToken,
    );
    expect(put.status).toBe(409);
    expect(put.body.error.code).toBe('procedure.from_province');
    expect((await t.call('DELETE', `/api/procedures/${p1.id}`, undefined, t.adminToken)).status).toBe(409);
    const imp = await importCsv(t, [['T-TINH-001', 'Sửa qua tệp', 'LLTP', '', '', '', '']]);
    expect(imp.status).toBe(409);
    expect((await t.call('GET', `/api/procedures/${p1.id}`)).body.name).toBe('Thủ tục của tỉnh');
    // The province drops T-TINH-003: withdrawn at the next answer (a heartbeat brings the new version).
    hub.state.catalogVersion = 4;
    hub.state.catalogRows = hub.state.catalogRows.filter((r: any) => r.code !== 'T-TINH-003');
    (t.clock as ManualClock).advance(15_000);
    await drain(t);
    const gone = (await t.call('GET', '/api/procedures?limit=200&all=true', undefined, t.adminToken)).body as any[];
    const row = (code: string) =>
      t.server.db.prepare('SELECT active, source FROM procedures WHERE code = ?').get(code) as { active: number };
    expect(row('T-TINH-003')).toEqual({ active: 0, source: 'province' }); // withdrawn, not deleted
    expect(gone.some((p) => p.code === 'T-TINH-003' && p.active)).toBe(false);
    expect(gone.find((p) => p.code === 'T-TINH-001')).toMatchObject({ active: true, source: 'province' });
    expect(t.server.services.province.outbox.state().catalogVersion).toBe('4');
  });
});
