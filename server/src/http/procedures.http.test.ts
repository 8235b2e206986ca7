import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../exports/xlsx.writer.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** The procedure catalogue over HTTP (contract: "Procedures"), on the demo center and its 181 procedures. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = [
  'Mã thủ tục',
  'Tên thủ tục',
  'Mã lĩnh vực',
  'Thời hạn giải quyết',
  'Phí, lệ phí',
  'Thành phần hồ sơ',
  'Từ khoá',
];

async function upload(body: string | Uint8Array, type: string, query = '', headers: Record<string, string> = {}) {
  const res = await t.server.app.request(`/api/procedures/import${query}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${t.adminToken}`, ...headers },
    body: body as BodyInit,
  });
  return { status: res.status, body: (await res.json()) as any };
}
/** Every row of the procedures table, and the audit log: what a refused import must leave as it was. */
const dump = () => ({
  procedures: t.server.db.prepare('SELECT * FROM procedures ORDER BY rowid').all(),
  audit: t.server.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
});
const csv = (rows: string[][], sep = ',') =>
  rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n');
const areaId = async (code: string) => (await t.areas()).find((a) => a.code === code)!.id as string;

describe('GET /api/procedures: anyone', () => {
  it('lists the demo catalogue without a token: 20 by default, by area then name, at most 200', async () => {
    const r = await t.call('GET', '/api/procedures');
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(20);
    expect(Object.keys(r.body[0]).sort()).toEqual(
      [
        'active',
        'areaCode',
        'areaId',
        'areaName',
        'code',
        'departmentName',
        'documents',
        'fee',
        'id',
        'keywords',
        'name',
        'timeLimit',
      ].sort(),
    );
    expect(r.body[0].areaCode).toBe('LLTP'); // the first demo area
    const names = r.body.filter((p: any) => p.areaCode === 'LLTP').map((p: any) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    expect((await t.call('GET', '/api/procedures?limit=500')).body).toHaveLength(181); // cut to 200, the demo has 181
    expect((await t.call('GET', '/api/procedures?limit=3')).body).toHaveLength(3);
    // offset (an extension for admin screens): pages meet end to end.
    const all = (await t.call('GET', '/api/procedures?limit=200')).body.map((p: any) => p.id);
    const page2 = (await t.call('GET', '/api/procedures?limit=100&offset=100')).body.map((p: any) => p.id);
    expect(page2).toEqual(all.slice(100, 200));
    const hits = (await t.call('GET', '/api/procedures?q=so%20do&limit=200')).body.map((p: any) => p.id);
    const page = (await t.call('GET', '/api/procedures?q=so%20do&limit=5&offset=5')).body.map((p: any) => p.id);
    expect(page).toEqual(hits.slice(5, 10));
  });

  it('searches: best first, diacritics and typos forgiven, filtered by area', async () => {
    const r = await t.call('GET', `/api/procedures?q=${encodeURIComponent('khai sinhh')}`);
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', areaCode: 'HTCT' });
    expect(r.body[0].documents.length).toBeGreaterThan(0);
    const xnc = await areaId('XNC');
    const inArea = await t.call('GET', `/api/procedures?q=ho%20chieu&areaId=${xnc}&limit=200`);
    expect(inArea.body.length).toBeGreaterThan(0);
    expect(inArea.body.every((p: any) => p.areaId === xnc)).toBe(true);
    expect((await t.call('GET', '/api/procedures?q=2.000488')).body[0].code).toBe('2.000488');
  });

  it.each([['limit=0'], ['limit=-1'], ['limit=abc'], ['limit=1e400'], ['offset=-1'], [`q=${'a'.repeat(201)}`]])(
    'refuses %s with 422, never a 5xx',
    async (qs) => {
      expect((await t.call('GET', `/api/procedures?${qs}`)).status).toBe(422);
    },
  );

  it('hostile queries answer 200 and an empty or real list', async () => {
    for (const q of [
      '%',
      "' OR 1=1 --",
      '\u0000',
      '🙂🙂',
      '....',
      'a b c d e f g h i j k l m n o p q r s t u v w x y z',
    ])
      expect((await t.call('GET', `/api/procedures?q=${encodeURIComponent(q)}`)).status).toBe(200);
  });

  it('GET /api/procedures/:id: one procedure; unknown → 404 procedure.not_found', async () => {
    const [p] = (await t.call('GET', '/api/procedures?q=GPLX&limit=1')).body;
    expect((await t.call('GET', `/api/procedures/${p.id}`)).body).toEqual(p);
    const none = await t.call('GET', '/api/procedures/nope');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('procedure.not_found');
  });
});

describe('POST / PUT / DELETE /api/procedures: admin', () => {
  it('creates (201), refuses a taken code (409), replaces, withdraws (not listed, not searched, still readable)', async () => {
    const lltp = await areaId('LLTP');
    const input = { code: '9.000001', name: 'Thủ tục thử nghiệm Zyxel', areaId: lltp, keywords: ['zyxel thử'] };
    const clerk = await t.createClerk('q1clerk');
    expect((await t.call('POST', '/api/procedures', input)).status).toBe(401);
    expect((await t.call('POST', '/api/procedures', input, clerk.token)).status).toBe(403);
    const made = await t.call('POST', '/api/procedures', input, t.adminToken);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code: '9.000001', timeLimit: '', fee: '', documents: [], active: true });
    const taken = await t.call('POST', '/api/procedures', { ...input, name: 'Khác' }, t.adminToken);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('procedure.code_taken');
    expect((await t.call('GET', '/api/procedures?q=zyxel')).body.map((p: any) => p.id)).toEqual([made.body.id]);

    const put = await t.call('PUT', `/api/procedures/${made.body.id}`, { ...input, fee: '50.000 đồng' }, t.adminToken);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ fee: '50.000 đồng', keywords: ['zyxel thử'] });
    const clash = await t.call('PUT', `/api/procedures/${made.body.id}`, { ...input, code: '2.000488' }, t.adminToken);
    expect(clash.status).toBe(409);
    expect((await t.call('PUT', '/api/procedures/nope', input, t.adminToken)).status).toBe(404);
    expect(
      (await t.call('POST', '/api/procedures', { ...input, code: '9.2', areaId: 'nope' }, t.adminToken)).status,
    ).toBe(404);

    const gone = await t.call('DELETE', `/api/procedures/${made.body.id}`, undefined, t.adminToken);
    expect(gone.status).toBe(200);
    expect(gone.body.active).toBe(false);
    expect((await t.call('GET', '/api/procedures?q=zyxel')).body).toEqual([]);
    expect((await t.call('GET', '/api/procedures?limit=200')).body.some((p: any) => p.id === made.body.id)).toBe(false);
    expect((await t.call('GET', `/api/procedures/${made.body.id}`)).body.active).toBe(false);
    expect((await t.call('DELETE', '/api/procedures/nope', undefined, t.adminToken)).status).toBe(404);
  });

  it.each([
    [{}],
    [{ code: '', name: 'x', areaId: 'a' }],
    [{ code: 'has space', name: 'x', areaId: 'a' }],
    [{ code: '9.1', name: 'x', areaId: 'a', documents: 'not a list' }],
    [{ code: '9.1', name: 'x', areaId: 'a', extra: 1 }],
    [{ code: '9.1', name: 'x'.repeat(1001), areaId: 'a' }],
  ])('refuses a bad body with 422: %j', async (body) => {
    expect((await t.call('POST', '/api/procedures', body, t.adminToken)).status).toBe(422);
  });
});

describe('POST /api/procedures/import: all or nothing', () => {
  it('a CSV with `;`, a BOM, columns in another order, an extra column, quoted cells with line breaks', async () => {
    const rows = [
      ['Ghi chú', 'Từ khóa', 'Tên thủ tục', 'Mã lĩnh vực', 'Mã thủ tục', 'Thành phần hồ sơ', 'Phí, lệ phí'],
      [
        'bỏ qua',
        'bản sao; sao y',
        'Chứng thực bản sao thử',
        'HTCT',
        '9.100001',
        'Bản chính\nBản sao',
        '2.000 đồng/trang',
      ],
      ['', 'thử hai', 'Thủ tục thử hai', 'LLTP', '9.100002', 'Tờ khai; Căn cước', ''],
    ];
    const preview = await upload('\uFEFF' + csv(rows, ';'), 'text/csv; charset=utf-8', '?dryRun=1');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ created: 2, updated: 0, unchanged: 0, dryRun: true });
    expect((await t.call('GET', '/api/procedures?q=9.100001')).body).toEqual([]); // the dry run changed nothing

    const done = await upload('\uFEFF' + csv(rows, ';'), 'text/csv');
    expect(done.body).toMatchObject({ created: 2, updated: 0, unchanged: 0, dryRun: false });
    const [p] = (await t.call('GET', '/api/procedures?q=9.100001')).body;
    expect(p).toMatchObject({ name: 'Chứng thực bản sao thử', areaCode: 'HTCT', fee: '2.000 đồng/trang' });
    expect(p.documents).toEqual(['Bản chính', 'Bản sao']);
    expect(p.keywords).toEqual(['bản sao', 'sao y']);
    const [q] = (await t.call('GET', '/api/procedures?q=9.100002')).body;
    expect(q.documents).toEqual(['Tờ khai', 'Căn cước']);

    // Again with one change: matched by code.
    rows[1]![6] = '3.000 đồng/trang';
    const again = await upload(csv(rows, ','), 'text/csv');
    expect(again.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(again.body.changes).toEqual([
      {
        code: '9.100001',
        action: 'update',
        fields: [{ field: 'fee', before: '2.000 đồng/trang', after: '3.000 đồng/trang' }],
      },
    ]);
  });

  it('a malformed row: 422 import.invalid with every row at fault, and nothing changed', async () => {
    const before = dump();
    const rows = [
      HEADER,
      ['9.200001', 'Thủ tục tốt', 'LLTP', '', '', '', ''],
      ['9.200002', '', 'LLTP', '', '', '', ''], // no name
      ['9.200003', 'Lĩnh vực không có', 'NOPE', '', '', '', ''],
      ['có dấu cách', 'Mã sai', 'LLTP', '', '', '', ''],
      ['9.200001', 'Trùng mã', 'LLTP', '', '', '', ''],
    ];
    for (const query of ['', '?dryRun=1']) {
      const r = await upload(csv(rows), 'text/csv', query);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('import.invalid');
      expect(r.body.error.details.map((d: any) => d.row).sort()).toEqual([3, 5]); // shape errors first, per row
      expect(r.body.error.details[0].message).toMatch(/Tên thủ tục/);
    }
    const shapeOk = rows.filter((_, i) => i !== 2 && i !== 4);
    const r = await upload(csv(shapeOk), 'text/csv');
    expect(r.status).toBe(422);
    expect(r.body.error.details).toEqual([
      { row: 3, message: expect.stringContaining('NOPE') },
      { row: 4, message: expect.stringContaining('dòng 2') },
    ]);
    expect(dump()).toEqual(before);
  });

  it('refuses a file without the required columns, an empty body and bytes that are not UTF-8', async () => {
    const before = dump();
    const noCode = await upload(
      csv([
        ['Tên thủ tục', 'Mã lĩnh vực'],
        ['X', 'LLTP'],
      ]),
      'text/csv',
    );
    expect(noCode.status).toBe(422);
    expect(noCode.body.error.details[0]).toMatchObject({ row: 1, message: expect.stringContaining('Mã thủ tục') });
    expect((await upload('', 'text/csv')).status).toBe(422);
    expect((await upload(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'text/csv')).status).toBe(422);
    expect((await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), XLSX)).status).toBe(422);
    expect(dump()).toEqual(before);
  });

  it('a 2,000-row file (over the 64 KB body limit other routes keep) imports, then re-imports unchanged', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 2000; i++)
      rows.push([
        `8.${String(i).padStart(6, '0')}`,
        `Thủ tục số ${i} về đăng ký hồ sơ hành chính thử nghiệm cho người dân`,
        ['LLTP', 'HTCT', 'DKKD', 'XNC'][i % 4]!,
        '05 ngày làm việc',
        '50.000 đồng',
        'Tờ khai theo mẫu\nBản sao giấy tờ tùy thân\nGiấy tờ khác',
        `thử ${i}; nghiệm`,
      ]);
    const body = csv(rows);
    expect(body.length).toBeGreaterThan(64 * 1024);
    const r = await upload(body, 'text/csv');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 2000, updated: 0, unchanged: 0 });
    expect((await upload(body, 'text/csv')).body).toMatchObject({ created: 0, updated: 0, unchanged: 2000 });
    expect((await t.call('GET', '/api/procedures?q=8.001999')).body[0].name).toMatch(/số 1999/);
    // The larger limit is this route's alone.
    const big = await t.call(
      'POST',
      '/api/procedures',
      { code: '9.9', name: 'x'.repeat(70 * 1024), areaId: 'a' },
      t.adminToken,
    );
    expect(big.status).toBe(413);
  });

  it("an XLSX file made by the project's own writer", async () => {
    const file = writeXlsx([
      {
        name: 'Thủ tục',
        rows: [
          HEADER,
          [
            '9.300001',
            'Thủ tục từ bảng tính',
            'XNC',
            '08 ngày làm việc',
            '200.000 đồng',
            'Tờ khai\nẢnh 4x6',
            'bảng tính; excel',
          ],
        ],
      },
    ]);
    const r = await upload(file, XLSX);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 1 });
    const [p] = (await t.call('GET', '/api/procedures?q=bang%20tinh')).body;
    expect(p).toMatchObject({
      code: '9.300001',
      areaCode: 'XNC',
      documents: ['Tờ khai', 'Ảnh 4x6'],
      keywords: ['bảng tính', 'excel'],
    });
  });

  it('an XLSX whose directory declares gigabytes (a ZIP bomb) is refused before unpacking', async () => {
    const file = writeXlsx([{ name: 'x', rows: [HEADER, ['9.500001', 'X', 'LLTP', '', '', '', '']] }]);
    // Central directory entries (PK\x01\x02): the uncompressed size sits 24 bytes in; claim ~4 GB for each.
    for (let i = 0; i + 28 < file.length; i++)
      if (file[i] === 0x50 && file[i + 1] === 0x4b && file[i + 2] === 0x01 && file[i + 3] === 0x02)
        new DataView(file.buffer, file.byteOffset).setUint32(i + 24, 0xfffffff0, true);
    const r = await upload(file, XLSX);
    expect(r.status).toBe(422);
    expect(r.body.error.details[0].message).toMatch(/quá lớn/);
  });

  it('admins only; a cookie-only CSV upload is refused as cross-site (cookie changes must be JSON)', async () => {
    const body = csv([HEADER, ['9.400001', 'X', 'LLTP', '', '', '', '']]);
    const anon = await t.server.app.request('/api/procedures/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });
    expect(anon.status).toBe(401);
    const cookie = await t.server.app.request('/api/procedures/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: `hcc_session=${t.adminToken}`, origin: 'http://hcc.test' },
      body,
    });
    expect(cookie.status).toBe(403);
    expect(((await cookie.json()) as any).error.code).toBe('auth.cross_site');
    expect((await t.call('GET', '/api/procedures?q=9.400001')).body).toEqual([]);
  });
});
