import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Defect 9 (issue 11): an import refused for its settings (invalid time zone → 422) kept its departments and
 * renames, and the import schema, a second copy of the route schemas, had lost the area code pattern and the
 * dailyLimit / targetWaitMinutes bounds. All or nothing, with the routes' own rules.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

/** Everything an import may touch, row by row. */
function dump(): Record<string, unknown[]> {
  const db = t.server.db;
  const tables = ['settings', 'departments', 'areas', 'counters', 'counter_areas', 'audit_log'];
  return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
}

const good = {
  departments: [
    { code: 'STP', name: 'Sở Tư pháp (đổi tên)' },
    { code: 'SVH', name: 'Sở Văn hoá' },
  ],
  areas: [
    {
      code: 'LLTP',
      department: 'STP',
      name: 'Lý lịch tư pháp (đổi tên)',
      numberStart: 1001,
      numberEnd: 1999,
      dailyLimit: 300,
      targetWaitMinutes: 20,
    },
    { code: 'VHTT', department: 'SVH', name: 'Văn hoá', numberStart: 20001, numberEnd: 20999 },
  ],
  counters: [
    { number: 2, name: 'Quầy 2 – đổi tên', areas: ['VHTT'] },
    { number: 40, name: 'Quầy 40', areas: ['VHTT'] },
  ],
};

describe('configuration import: all or nothing', () => {
  it.each([
    ['an invalid time zone', { ...good, center: { timeZone: 'Mars/Olympus_Mons' } }, 'settings.invalid'],
    ['an unknown settings key', { ...good, center: { nope: 1 } }, 'settings.invalid'],
    [
      'an area code POST /api/areas refuses',
      {
        ...good,
        areas: [
          ...good.areas,
          { code: 'BAD CODE!', department: 'STP', name: 'X', numberStart: 30001, numberEnd: 30002 },
        ],
      },
      'request.invalid',
    ],
    [
      'a daily limit above the bound',
      {
        ...good,
        areas: [
          ...good.areas,
          { code: 'BIG', department: 'STP', name: 'X', numberStart: 30001, numberEnd: 30002, dailyLimit: 100001 },
        ],
      },
      'request.invalid',
    ],
    [
      'a target wait above a day',
      {
        ...good,
        areas: [
          ...good.areas,
          { code: 'SLOW', department: 'STP', name: 'X', numberStart: 30001, numberEnd: 30002, targetWaitMinutes: 1441 },
        ],
      },
      'request.invalid',
    ],
    [
      'a block that ends before it starts',
      {
        ...good,
        areas: [...good.areas, { code: 'REV', department: 'STP', name: 'X', numberStart: 30009, numberEnd: 30001 }],
      },
      'request.invalid',
    ],
    [
      'a block overlapping another area',
      {
        ...good,
        areas: [...good.areas, { code: 'OVL', department: 'STP', name: 'X', numberStart: 1500, numberEnd: 1600 }],
      },
      'area.block_overlap',
    ],
    [
      'a counter serving an unknown area',
      { ...good, counters: [...good.counters, { number: 41, name: 'Quầy 41', areas: ['NOPE'] }] },
      'area.not_found',
    ],
    [
      'an area code given twice',
      { ...good, areas: [...good.areas, { ...good.areas[1]!, name: 'Lần hai' }] },
      'request.invalid',
    ],
  ])('%s: refused, and not one row changed', async (_what, doc, code) => {
    const before = dump();
    const r = await t.call('POST', '/api/config/import', doc, t.adminToken);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.code).toBe(code);
    expect(dump()).toEqual(before);
    expect(t.server.services.settings.get().timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('what POST /api/areas refuses, the import refuses too (one definition of an area)', async () => {
    const dept = (await t.call('GET', '/api/departments', undefined, t.adminToken)).body.find(
      (d: any) => d.code === 'STP',
    );
    for (const bad of [
      { code: 'BAD CODE!' },
      { dailyLimit: 100001 },
      { targetWaitMinutes: 1441 },
      { numberStart: 30009, numberEnd: 30001 },
      { name: '' },
    ]) {
      const row = { code: 'ZZ', name: 'Thử', numberStart: 30001, numberEnd: 30002, ...bad };
      const route = await t.call('POST', '/api/areas', { departmentId: dept.id, ...row }, t.adminToken);
      const imp = await t.call('POST', '/api/config/import', { areas: [{ department: 'STP', ...row }] }, t.adminToken);
      expect([route.status, imp.status], JSON.stringify(bad)).toEqual([422, 422]);
    }
  });

  it('a dry run answers what would change, field by field, and changes nothing', async () => {
    const before = dump();
    const dry = await t.call(
      'POST',
      '/api/config/import?dryRun=1',
      { ...good, center: { name: 'Trung tâm mới' } },
      t.adminToken,
    );
    expect(dry.status).toBe(200);
    expect(dump()).toEqual(before);
    expect(dry.body).toMatchObject({
      dryRun: true,
      created: { departments: 1, areas: 1, counters: 1 },
      updated: { departments: 1, areas: 1, counters: 1 },
    });
    const change = (entity: string, key: string) =>
      dry.body.changes.find((c: any) => c.entity === entity && c.key === key);
    expect(change('counter', '2')).toEqual({
      entity: 'counter',
      key: '2',
      action: 'update',
      fields: [
        { field: 'name', before: 'Quầy 2 – Tư pháp', after: 'Quầy 2 – đổi tên' },
        { field: 'areas', before: ['HTCT', 'LLTP'], after: ['VHTT'] },
      ],
    });
    expect(change('area', 'LLTP').fields).toEqual([
      { field: 'name', before: 'Lý lịch tư pháp', after: 'Lý lịch tư pháp (đổi tên)' },
    ]);
    expect(change('settings', 'center').fields).toEqual([
      { field: 'name', before: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An', after: 'Trung tâm mới' },
    ]);
    expect(change('area', 'VHTT')).toMatchObject({ action: 'create' });
  });

  it('a good import applies everything at once, settings included, and says what it changed', async () => {
    const r = await t.call('POST', '/api/config/import', { ...good, center: { shortName: 'TTPVHCC' } }, t.adminToken);
    expect(r.status).toBe(200);
    expect(r.body.dryRun).toBe(false);
    expect(t.server.services.settings.get().shortName).toBe('TTPVHCC');
    const c2 = (await t.counters()).find((c) => c.number === 2);
    expect(c2.name).toBe('Quầy 2 – đổi tên');
    const again = await t.call(
      'POST',
      '/api/config/import',
      { ...good, center: { shortName: 'TTPVHCC' } },
      t.adminToken,
    );
    expect(again.body.changes).toEqual([]);
  });
});
