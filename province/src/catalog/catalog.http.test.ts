import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../server/src/exports/xlsx.writer.ts';
import { startPgCluster, type PgCluster } from '../testing/pg.cluster.testing.ts';
import { startTestHub, type Backend, type TestHub } from '../testing/hub.testing.ts';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  await cluster?.destroy();
});

const HEADER = [
  'Mã thủ tục',
  'Tên thủ tục',
  'Mã lĩnh vực',
  'Thời hạn giải quyết',
  'Phí, lệ phí',
  'Thành phần hồ sơ',
  'Từ khoá',
];
const ROWS = [
  ['1.001', 'Đăng ký khai sinh', 'HT', '1 ngày', 'Miễn phí', 'Tờ khai\nGiấy chứng sinh', 'khai sinh'],
  ['1.002', 'Đăng ký kết hôn', 'HT', '3 ngày', '', 'Tờ khai', ''],
  ['2.001', 'Cấp phiếu lý lịch tư pháp', 'LLTP', '10 ngày', '200.000 đồng', '', 'lý lịch'],
];
const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

describe.each<Backend>(['pglite', 'pg'])('province catalogue on %s', (backend) => {
  let t: TestHub;
  let admin: string;
  beforeAll(async () => {
    t = await startTestHub(backend, cluster);
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });
  const upload = async (body: string | Uint8Array, query = '', type = 'text/csv', token = admin) => {
    const res = await fetch(`${t.url}/api/province/procedures/import${query}`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
      body: body as BodyInit,
    });
    return { status: res.status, json: (await res.json()) as any };
  };

  it('imports all or nothing, versions only real changes, and serves the rows to centers', async () => {
    const center = (await t.call('POST', '/api/province/centers', { code: 'CAT1', name: 'Xã' }, admin)).json;
    const dry = await upload(csv([HEADER, ...ROWS]), '?dryRun=1');
    expect(dry).toMatchObject({ status: 200, json: { created: 3, dryRun: true, version: 0 } });
    expect((await t.call('GET', '/api/province/catalog', undefined, center.token)).json).toEqual({
      version: 0,
      procedures: [],
    });
    expect(await upload(csv([HEADER, ...ROWS]))).toMatchObject({ status: 200, json: { created: 3, version: 1 } });
    const cat = (await t.call('GET', '/api/province/catalog?since=0', undefined, center.token)).json;
    expect(cat.version).toBe(1);
    expect(cat.procedures[0]).toEqual({
      code: '1.001',
      name: 'Đăng ký khai sinh',
      areaCode: 'HT',
      timeLimit: '1 ngày',
      fee: 'Miễn phí',
      documents: ['Tờ khai', 'Giấy chứng sinh'],
      keywords: ['khai sinh'],
    });
    expect((await t.call('GET', '/api/province/catalog?since=1', undefined, center.token)).json).toEqual({
      version: 1,
      unchanged: true,
    });
    // The same file again changes nothing and keeps the version; the feed answer carries it.
    expect(await upload(csv([HEADER, ...ROWS]))).toMatchObject({ json: { created: 0, unchanged: 3, version: 1 } });
    const ack = await t.call(
      'POST',
      '/api/province/feed',
      { center: { sentAt: 1, oldestPendingAt: null }, fromSeq: 1, items: [] },
      center.token,
    );
    expect(ack.json).toEqual({ ackSeq: 0, catalogVersion: 1 });
    // A row at fault: 422 with every row named, nothing written.
    const bad = await upload(csv([HEADER, ROWS[0]!, ['', 'Không mã', 'HT', '', '', '', '']]));
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: any) => d.row)).toEqual([3]);
    const twice = await upload(csv([HEADER, ROWS[0]!, ROWS[1]!, ROWS[0]!]));
    expect(twice).toMatchObject({ status: 422, json: { error: { code: 'import.invalid' } } });
    expect(twice.json.error.details.map((d: any) => d.row)).toEqual([4]);
    expect((await t.call('GET', '/api/province/catalog', undefined, admin)).json.version).toBe(1);
    // XLSX, one procedure left out and one changed: a new version without the one left out.
    const xlsx = writeXlsx([
      { name: 'TTHC', rows: [HEADER, ROWS[0]!, [...ROWS[2]!.slice(0, 3), '15 ngày', '', '', '']] },
    ]);
    const r = await upload(xlsx, '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r).toMatchObject({ status: 200, json: { updated: 1, unchanged: 1, removed: 1, version: 2 } });
    expect(
      (await t.call('GET', '/api/province/catalog', undefined, admin)).json.procedures.map((p: any) => p.code),
    ).toEqual(['1.001', '2.001']);
  });

  it('lets only a hub admin import; strangers cannot read the catalogue', async () => {
    await t.call(
      'POST',
      '/api/users',
      { username: 'gs', password: 'password-123', displayName: 'GS', role: 'supervisor' },
      admin,
    );
    const sup = (await t.call('POST', '/api/auth/login', { username: 'gs', password: 'password-123' })).json.token;
    expect((await upload(csv([HEADER, ...ROWS]), '', 'text/csv', sup)).status).toBe(403);
    expect((await upload(csv([HEADER, ...ROWS]), '', 'text/csv', 'nobody')).status).toBe(401);
    expect((await t.call('GET', '/api/province/catalog')).status).toBe(401);
    expect((await upload(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), '', 'application/octet-stream')).status).toBe(
      422,
    );
  });
});
