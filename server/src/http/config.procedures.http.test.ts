import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * The configuration document carries the catalogue of procedures (issue 12): exported with the areas, imported all
 * or nothing by the procedure import's own rules, a dry run listing every change. A demo center's document goes
 * into an empty center and comes out the same.
 */
let demo: TestServer;
let empty: TestServer;
beforeAll(async () => {
  [demo, empty] = await Promise.all([startTestServer(), startTestServer({ seed: 'none' })]);
});
afterAll(async () => {
  await Promise.all([demo.close(), empty.close()]);
});

const FIELDS = ['code', 'name', 'areaCode', 'timeLimit', 'fee', 'documents', 'keywords'] as const;
const catalogue = async (t: TestServer) =>
  ((await t.call('GET', '/api/procedures?limit=200', undefined, t.adminToken)).body as any[]).map((p) =>
    Object.fromEntries(FIELDS.map((f) => [f, p[f]])),
  );
const dump = (t: TestServer) => ({
  procedures: t.server.db.prepare('SELECT * FROM procedures ORDER BY rowid').all(),
  departments: t.server.db.prepare('SELECT * FROM departments ORDER BY rowid').all(),
  audit: t.server.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
});
const importDoc = (t: TestServer, doc: unknown, dryRun = false) =>
  t.call('POST', `/api/config/import${dryRun ? '?dryRun=1' : ''}`, doc, t.adminToken);

describe('config export/import with procedures', () => {
  it('round trip: the demo document into an empty center (dry run first), then again unchanged', async () => {
    const exp = await demo.call('GET', '/api/config/export', undefined, demo.adminToken);
    expect(exp.status).toBe(200);
    const { center: _center, ...doc } = exp.body;
    expect(doc.procedures).toHaveLength(181);
    expect(doc.procedures.find((p: any) => p.code === '1.001193')).toMatchObject({
      name: 'Đăng ký khai sinh',
      area: 'HTCT',
      documents: expect.arrayContaining([expect.stringMatching(/^Tờ khai/)]),
    });
    expect(JSON.stringify(doc).length).toBeGreaterThan(64 * 1024); // over the small body limit other routes keep

    const before = dump(empty);
    const preview = await importDoc(empty, doc, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: { procedures: 181 } });
    const created = preview.body.changes.filter((c: any) => c.entity === 'procedure');
    expect(created).toHaveLength(181);
    expect(created.find((c: any) => c.key === '1.001193').fields).toContainEqual({
      field: 'area',
      before: null,
      after: 'HTCT',
    });
    expect(dump(empty)).toEqual(before); // the dry run changed nothing

    const done = await importDoc(empty, doc);
    expect(done.body).toMatchObject({ dryRun: false, created: { procedures: 181, areas: doc.areas.length } });
    expect(await catalogue(empty)).toEqual(await catalogue(demo));
    const back = await empty.call('GET', '/api/config/export', undefined, empty.adminToken);
    expect(back.body.procedures).toEqual(doc.procedures);

    const again = await importDoc(empty, doc);
    expect(again.body).toMatchObject({
      created: { procedures: 0 },
      updated: { procedures: 0 },
      unchanged: { procedures: 181 },
    });
    expect(again.body.changes).toEqual([]);
  });

  it('a changed fee: the dry run lists exactly that field, the import applies it; a document without procedures leaves them', async () => {
    const { center: _center, ...doc } = (await demo.call('GET', '/api/config/export', undefined, demo.adminToken)).body;
    const p = doc.procedures.find((x: any) => x.code === '2.000488');
    p.fee = '300.000 đồng/lần/người';
    const before = dump(demo);
    const preview = await importDoc(demo, doc, true);
    expect(preview.body.changes).toEqual([
      {
        entity: 'procedure',
        key: '2.000488',
        action: 'update',
        fields: [{ field: 'fee', before: expect.any(String), after: '300.000 đồng/lần/người' }],
      },
    ]);
    expect(dump(demo)).toEqual(before);
    expect((await importDoc(demo, doc)).body.updated.procedures).toBe(1);
    expect((await demo.call('GET', '/api/procedures?q=2.000488')).body[0].fee).toBe('300.000 đồng/lần/người');

    const { procedures: _p, ...withoutProcedures } = doc;
    const r = await importDoc(demo, withoutProcedures);
    expect(r.status).toBe(200);
    expect(r.body.unchanged.procedures).toBe(0);
    expect((await catalogue(demo)).length).toBe(181);
  });

  it('all or nothing: a bad procedure refuses the whole document, its new department included', async () => {
    const base = {
      departments: [{ code: 'SVH', name: 'Sở Văn hoá, Thể thao và Du lịch' }],
      areas: [{ code: 'VHTT', department: 'SVH', name: 'Văn hoá', numberStart: 10001, numberEnd: 10999 }],
      counters: [],
    };
    const good = { code: '9.700001', name: 'Cấp giấy phép biểu diễn', area: 'VHTT', documents: ['Đơn đề nghị'] };
    const before = dump(demo);
    for (const procedures of [
      [good, { ...good, name: 'Trùng mã' }], // the same code twice
      [good, { ...good, code: '9.700002', area: 'NOPE' }], // an area nobody has
    ]) {
      for (const dryRun of [true, false]) {
        const r = await importDoc(demo, { ...base, procedures }, dryRun);
        expect(r.status).toBe(422);
        expect(r.body.error.code).toBe('import.invalid');
        expect(r.body.error.details).toEqual([{ row: 2, message: expect.stringMatching(/^Thủ tục dòng 2: /) }]);
      }
    }
    // Field rules are POST /api/procedures' own: a code with a space, a name too long, an unknown field.
    for (const bad of [
      { ...good, code: 'có dấu cách' },
      { ...good, name: 'x'.repeat(1001) },
      { ...good, areaId: 'x' },
      { ...good, documents: 'not a list' },
    ]) {
      const r = await importDoc(demo, { ...base, procedures: [bad] });
      expect(r.status).toBe(422);
    }
    expect(dump(demo)).toEqual(before);
    // The same document with the good procedure only: everything in it lands, the procedure in the new area.
    const ok = await importDoc(demo, { ...base, procedures: [good] });
    expect(ok.body.created).toEqual({ departments: 1, areas: 1, counters: 0, procedures: 1 });
    expect((await demo.call('GET', '/api/procedures?q=9.700001')).body[0]).toMatchObject({
      areaCode: 'VHTT',
      documents: ['Đơn đề nghị'],
    });
  });
});
