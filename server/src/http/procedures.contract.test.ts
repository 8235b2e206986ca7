import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * The contract's "Procedures" section (../shared/design/API.md), sentence by sentence, through HTTP. A rule
 * already proven elsewhere is named here with the test that proves it, not repeated:
 *   P  = server/src/http/procedures.http.test.ts
 *   PT = server/src/http/procedures.tickets.http.test.ts
 *   PX = server/src/http/procedures.xlsx.http.test.ts
 *   S  = server/src/core/procedures/procedure.search.test.ts (the demo catalogue's real queries, in memory)
 * The search rules are checked on procedures made here with words no demo procedure has, so each assertion can
 * only pass for the rule it names.
 */
let t: TestServer;
let lltp: { id: string; code: string; name: string; departmentName: string };
const made: Record<string, any> = {};

const search = async (q: string, extra = '') =>
  (await t.call('GET', `/api/procedures?q=${encodeURIComponent(q)}${extra}`)).body as any[];
const codes = (list: any[]) => list.map((p) => p.code);
async function create(key: string, body: Record<string, unknown>) {
  const r = await t.call('POST', '/api/procedures', { areaId: lltp.id, ...body }, t.adminToken);
  expect(r.status).toBe(201);
  made[key] = r.body;
}

beforeAll(async () => {
  t = await startTestServer();
  lltp = (await t.areas()).find((a) => a.code === 'LLTP');
  // In this order: the catalogue's own order is search's last tie-break, so a rule must beat it to pass.
  await create('zorblax', {
    code: '9.900001',
    name: 'Cấp giấy phép Zorblax quốc tế',
    keywords: ['quibbleton'],
    timeLimit: '05 ngày làm việc',
    fee: '100.000 đồng',
    documents: ['Đơn đề nghị'],
  });
  await create('plumbusLong', { code: '9.900002', name: 'Đăng ký Plumbus bổ sung' });
  await create('plumbus', { code: '9.900003', name: 'Đăng ký Plumbus' });
  await create('glorboName', { code: '9.900004', name: 'Thủ tục Glorbo mở rộng cho doanh nghiệp' });
  await create('glorboKeyword', { code: '9.900005', name: 'Thủ tục khác hẳn', keywords: ['glorbo'] });
  await create('codeAsKeyword', { code: '9.900006', name: 'Thủ tục liên quan Wubba', keywords: ['9.900007'] });
  await create('exactCode', { code: '9.900007', name: 'Thủ tục Wubba chính' });
});
afterAll(async () => {
  await t.close();
});

describe('"Each procedure belongs to one area. Procedure information is public."', () => {
  it('a procedure names its one area and department; it cannot be made without one', async () => {
    expect(made.zorblax).toMatchObject({
      areaId: lltp.id,
      areaCode: 'LLTP',
      areaName: lltp.name,
      departmentName: lltp.departmentName,
    });
    const { areaId: _a, ...noArea } = { code: '9.900099', name: 'Không lĩnh vực', areaId: '' };
    expect((await t.call('POST', '/api/procedures', noArea, t.adminToken)).status).toBe(422);
    // Unknown area → 404: P "creates (201), refuses a taken code (409), …".
  });

  it('anyone reads the list, the search and one procedure: no token, a kiosk, a display', async () => {
    const kiosk = await t.createDevice('kiosk');
    const display = await t.createDevice('display');
    for (const token of [undefined, kiosk.token, display.token]) {
      expect((await t.call('GET', '/api/procedures?q=zorblax', undefined, token)).body[0].id).toBe(made.zorblax.id);
      expect((await t.call('GET', `/api/procedures/${made.zorblax.id}`, undefined, token)).status).toBe(200);
    }
  });
});

describe('GET /api/procedures and /:id', () => {
  it('the answer has the contract fields, documents and keywords as lists of strings', async () => {
    const [p] = await search('9.900001');
    for (const f of ['id', 'code', 'name', 'areaId', 'areaCode', 'areaName', 'departmentName', 'timeLimit', 'fee'])
      expect(typeof p[f]).toBe('string');
    expect(p).toMatchObject({ timeLimit: '05 ngày làm việc', fee: '100.000 đồng', documents: ['Đơn đề nghị'] });
    expect(p.keywords).toEqual(['quibbleton']);
    // Default 20, one procedure by id, unknown → 404: P "lists the demo catalogue …", "GET /api/procedures/:id …".
  });

  it('the parameters as the contract writes them, empty (`?q=&areaId=&limit=`): the default listing', async () => {
    const r = await t.call('GET', '/api/procedures?q=&areaId=&limit=');
    expect(r.status).toBe(200);
    expect(r.body).toEqual((await t.call('GET', '/api/procedures')).body);
    expect(r.body).toHaveLength(20);
    expect(codes(await search('zorblax', '&areaId=&limit=&offset='))).toEqual(['9.900001']);
  });

  it('`limit` at most 200: a larger one is cut, on a catalogue of more than 200', async () => {
    const rows = [['Mã thủ tục', 'Tên thủ tục', 'Mã lĩnh vực']];
    for (let i = 0; i < 20; i++) rows.push([`9.91${String(i).padStart(4, '0')}`, `Thủ tục đệm số ${i}`, 'HTCT']);
    const body = rows.map((r) => r.join(',')).join('\n');
    const imp = await t.server.app.request('/api/procedures/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${t.adminToken}` },
      body,
    });
    expect(imp.status).toBe(200);
    expect((await t.call('GET', '/api/procedures?limit=200')).body).toHaveLength(200); // 181 + 7 + 20 = 208 in force
    expect((await t.call('GET', '/api/procedures?limit=201')).body).toHaveLength(200);
    expect((await t.call('GET', '/api/procedures?limit=100000')).body).toHaveLength(200);
    expect(await search('thu tuc dem', '&limit=500')).toHaveLength(20);
  });

  it('without `q`: the active procedures by area (in the areas’ order), then by name', async () => {
    const areaOrder = (await t.areas()).map((a) => a.id);
    const list = (await t.call('GET', '/api/procedures?limit=200')).body as any[];
    const rank = list.map((p) => areaOrder.indexOf(p.areaId));
    expect(rank.every((r) => r >= 0)).toBe(true);
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    for (const areaId of new Set(list.map((p) => p.areaId))) {
      const names = list.filter((p) => p.areaId === areaId).map((p) => p.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    }
    expect(list.every((p) => p.active)).toBe(true);
    // Withdrawn ones are neither listed nor found: P "creates (201), …, withdraws (not listed, not searched …)".
  });
});

describe('POST, PUT, DELETE /api/procedures (admin)', () => {
  it('only an admin writes: no token 401, a clerk, a supervisor or a kiosk 403', async () => {
    const clerk = await t.createClerk('contract-clerk');
    const kiosk = await t.createDevice('kiosk');
    const body = { code: '9.900050', name: 'Thử quyền', areaId: lltp.id };
    for (const [token, status] of [
      [undefined, 401],
      [clerk.token, 403],
      [kiosk.token, 403],
    ] as const) {
      expect((await t.call('POST', '/api/procedures', body, token)).status).toBe(status);
      expect((await t.call('PUT', `/api/procedures/${made.plumbus.id}`, body, token)).status).toBe(status);
      expect((await t.call('DELETE', `/api/procedures/${made.plumbus.id}`, undefined, token)).status).toBe(status);
    }
    expect((await t.call('GET', `/api/procedures/${made.plumbus.id}`)).body).toMatchObject({
      code: '9.900003',
      active: true,
    });
  });

  it('PUT replaces: a field left out is cleared, not kept', async () => {
    const id = made.zorblax.id;
    const { code, name, areaId, keywords } = made.zorblax;
    const r = await t.call('PUT', `/api/procedures/${id}`, { code, name, areaId, keywords }, t.adminToken);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ timeLimit: '', fee: '', documents: [], keywords: ['quibbleton'] });
    const { id: _id, areaCode: _c, areaName: _n, departmentName: _d, active: _a, ...back } = made.zorblax;
    expect((await t.call('PUT', `/api/procedures/${id}`, back, t.adminToken)).body).toMatchObject({
      fee: '100.000 đồng',
    });
  });

  it('a withdrawn procedure keeps its code: creating it again is 409 procedure.code_taken', async () => {
    await create('withdrawn', { code: '9.900060', name: 'Thủ tục sẽ ngừng' });
    expect((await t.call('DELETE', `/api/procedures/${made.withdrawn.id}`, undefined, t.adminToken)).status).toBe(200);
    const again = await t.call(
      'POST',
      '/api/procedures',
      { code: '9.900060', name: 'Lại', areaId: lltp.id },
      t.adminToken,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('procedure.code_taken');
    // Past tickets keep their procedure after a withdrawal: PT "issues in the procedure's area; …".
  });
});

describe('POST /api/procedures/import', () => {
  it('every column of the contract is read, `Từ khoá` as in its example (`sổ đỏ; GPLX`)', async () => {
    const header = 'Mã thủ tục;Tên thủ tục;Mã lĩnh vực;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Từ khoá';
    const row = '9.920001;Cấp đổi giấy Snorkel;LLTP;10 ngày làm việc;"50.000 đồng";"Tờ khai; Bản sao";"sổ đỏ; GPLX"';
    const r = await t.server.app.request('/api/procedures/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${t.adminToken}` },
      body: `${header}\r\n${row}\r\n`,
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect((await search('snorkel'))[0]).toMatchObject({
      code: '9.920001',
      areaCode: 'LLTP',
      timeLimit: '10 ngày làm việc',
      fee: '50.000 đồng',
      documents: ['Tờ khai', 'Bản sao'],
      keywords: ['sổ đỏ', 'GPLX'],
    });
    expect(codes(await search('gplx', '&limit=200'))).toContain('9.920001');
    // CSV with/without BOM, `,`/`;`, order free, extra columns ignored, one document per line: P "a CSV with `;` …".
    // Any bad row → 422 import.invalid {row, message}, nothing changed, dry run alike: P "a malformed row …".
    // Missing columns, empty, not UTF-8: P "refuses a file without the required columns …"; XLSX: P, PX.
  });
});

describe('search (`q`)', () => {
  it.each([
    ['CẤP GIẤY PHÉP ZORBLAX', 'case'],
    ['cap giay phep zorblax', 'diacritics'],
    ['Cấp Giấy Phép Zorblax Quốc Tế', 'both'],
  ])('ignores case and diacritics: %s (%s)', async (q) => {
    expect((await search(q))[0].code).toBe('9.900001');
  });

  it('đ = d, both ways', async () => {
    expect(codes(await search('dang ky plumbus'))).toContain('9.900003');
    expect(codes(await search('đăng ký plumbus'))).toEqual(codes(await search('dang ky plumbus')));
  });

  it('every query word must match the start of a word of the name, the code or the keywords', async () => {
    expect(codes(await search('zorb'))).toEqual(['9.900001']); // start of a name word
    expect(codes(await search('zorblax quoc'))).toEqual(['9.900001']);
    expect(codes(await search('quibb'))).toEqual(['9.900001']); // start of a keyword
    expect(codes(await search('900001'))).toEqual(['9.900001']); // a part of the code
    expect(await search('blax')).toEqual([]); // the middle of a word is not a start
    expect(codes(await search('orblax'))).toEqual(['9.900001']); // … unless one letter is missing (5+ letters)
    expect(await search('zorblax xyzzyq')).toEqual([]); // one word that matches nothing: nothing
  });

  it('forgives one wrong, missing or extra letter in a query word of five letters or more', async () => {
    for (const q of ['zorbiax', 'zorlax', 'zorbllax', 'quibbletin', 'cap giay phep zorbiax'])
      expect(codes(await search(q))[0]).toBe('9.900001');
    expect(codes(await search('zirbiax'))).not.toContain('9.900001'); // two letters: not forgiven
    expect(codes(await search('zirb'))).not.toContain('9.900001'); // four letters: not forgiven
  });

  it('ranks a whole-name match above a partial one, and a keyword match above a partial one', async () => {
    // "Đăng ký Plumbus bổ sung" was made first; the whole name "Đăng ký Plumbus" still comes first.
    expect(codes(await search('dang ky plumbus')).slice(0, 2)).toEqual(['9.900003', '9.900002']);
    // "glorbo" is a word of the first procedure's name, and the whole keyword of the second.
    expect(codes(await search('glorbo')).slice(0, 2)).toEqual(['9.900005', '9.900004']);
  });

  it('an exact code finds that procedure first, above one that has the code as a keyword', async () => {
    expect(codes(await search('9.900007'))[0]).toBe('9.900007');
    expect(codes(await search(' 9.900007 '))[0]).toBe('9.900007');
    // The demo's real codes and queries (khai sinh, so do, bang lai, ho chieu, …): S and P "searches: …".
  });

  it('`areaId` filters the search and the list', async () => {
    const htct = (await t.areas()).find((a) => a.code === 'HTCT')!.id;
    expect(await search('zorblax', `&areaId=${htct}`)).toEqual([]);
    expect(codes(await search('zorblax', `&areaId=${lltp.id}`))).toEqual(['9.900001']);
  });
});

describe('tickets, reports and the demo catalogue', () => {
  // `procedureId` with or without `areaId`, the area is the procedure's, both and different → 422;
  // answers and events carry `procedure: {id, code, name} | null`: PT "issues in the procedure's area; …" and
  // "areaId and procedureId together must agree (422); …". groupBy=procedure (key = code, "" without one): PT.
  it('the demo center ships at least 150 procedures, at least 5 in every demo area', async () => {
    const fresh = await startTestServer();
    try {
      const areas = await fresh.areas();
      let total = 0;
      for (const a of areas) {
        const n = (await fresh.call('GET', `/api/procedures?areaId=${a.id}&limit=200`)).body.length;
        expect(n, a.code).toBeGreaterThanOrEqual(5);
        total += n;
      }
      expect(total).toBeGreaterThanOrEqual(150);
    } finally {
      await fresh.close();
    }
  });
});
