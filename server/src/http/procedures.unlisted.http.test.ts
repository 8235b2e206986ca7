import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * A procedure of an inactive area or department is not listed to the public or the kiosks (lists and search),
 * since nobody would serve the ticket; the admin still sees it, marked `unlisted`, to move or withdraw it.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const ids = (r: { body: { id: string }[] }) => r.body.map((p) => p.id);
async function areaByCode(code: string) {
  return (await t.call('GET', '/api/areas?all=1', undefined, t.adminToken)).body.find((a: any) => a.code === code);
}
async function putArea(code: string, active: boolean) {
  const a = await areaByCode(code);
  const body = {
    code: a.code,
    departmentId: a.departmentId,
    name: a.name,
    numberStart: a.numberStart,
    numberEnd: a.numberEnd,
    active,
  };
  const r = await t.call('PUT', `/api/areas/${a.id}`, body, t.adminToken);
  expect(r.status).toBe(200);
  return a.id as string;
}

describe('procedures of inactive areas and departments', () => {
  it('an inactive area: not listed, not found, not in its own filter; the admin sees them marked', async () => {
    const kiosk = await t.createDevice('kiosk');
    const before = await t.call('GET', '/api/procedures?q=ho%20chieu&limit=200', undefined, kiosk.token);
    const xnc = (await areaByCode('XNC')).id as string;
    const inXnc = before.body.filter((p: any) => p.areaId === xnc);
    expect(inXnc.length).toBeGreaterThan(0);
    const areaBefore = await t.call('GET', `/api/procedures?areaId=${xnc}&limit=200`);
    await putArea('XNC', false);

    for (const token of [undefined, kiosk.token]) {
      const listed = await t.call('GET', '/api/procedures?limit=200', undefined, token);
      expect(listed.body.some((p: any) => p.areaId === xnc)).toBe(false);
      const found = await t.call('GET', '/api/procedures?q=ho%20chieu&limit=200', undefined, token);
      expect(found.body.some((p: any) => p.areaId === xnc)).toBe(false);
      expect((await t.call('GET', `/api/procedures?q=${inXnc[0].code}`, undefined, token)).body).toEqual([]);
      expect((await t.call('GET', `/api/procedures?areaId=${xnc}`, undefined, token)).body).toEqual([]);
      // Still readable by id (past tickets keep their procedure), without the admin's mark.
      const one = await t.call('GET', `/api/procedures/${inXnc[0].id}`, undefined, token);
      expect(one.status).toBe(200);
      expect(one.body.unlisted).toBeUndefined();
    }
    // A clerk or supervisor is not the admin: the public view.
    const clerk = await t.createClerk('unlisted-clerk');
    const byClerk = await t.call('GET', `/api/procedures?areaId=${xnc}`, undefined, clerk.token);
    expect(byClerk.body).toEqual([]);

    const admin = await t.call('GET', `/api/procedures?areaId=${xnc}&limit=200`, undefined, t.adminToken);
    expect(ids(admin)).toEqual(ids(areaBefore)); // all of them, in the same order
    expect(admin.body.every((p: any) => p.unlisted === 'area_inactive')).toBe(true);
    const adminSearch = await t.call('GET', `/api/procedures?q=${inXnc[0].code}`, undefined, t.adminToken);
    expect(adminSearch.body[0]).toMatchObject({ id: inXnc[0].id, unlisted: 'area_inactive' });
    expect((await t.call('GET', `/api/procedures/${inXnc[0].id}`, undefined, t.adminToken)).body.unlisted).toBe(
      'area_inactive',
    );

    await putArea('XNC', true);
    const back = await t.call('GET', '/api/procedures?q=ho%20chieu&limit=200', undefined, kiosk.token);
    expect(ids(back)).toEqual(ids(before));
    expect(back.body.some((p: any) => 'unlisted' in p)).toBe(false);
  });

  it('an inactive department hides the procedures of all its areas, the same way', async () => {
    const lltp = await areaByCode('LLTP');
    const dept = (await t.call('GET', '/api/departments?all=1', undefined, t.adminToken)).body.find(
      (d: any) => d.id === lltp.departmentId,
    );
    const areasOfDept = (await t.call('GET', '/api/areas?all=1', undefined, t.adminToken)).body
      .filter((a: any) => a.departmentId === dept.id)
      .map((a: any) => a.id);
    const set = (active: boolean) =>
      t.call('PUT', `/api/departments/${dept.id}`, { code: dept.code, name: dept.name, active }, t.adminToken);
    expect((await set(false)).status).toBe(200);
    try {
      const listed = await t.call('GET', '/api/procedures?limit=200');
      expect(listed.body.some((p: any) => areasOfDept.includes(p.areaId))).toBe(false);
      expect((await t.call('GET', '/api/procedures?q=ly%20lich%20tu%20phap')).body).toEqual([]);
      const admin = await t.call('GET', `/api/procedures?areaId=${lltp.id}&limit=200`, undefined, t.adminToken);
      expect(admin.body.length).toBeGreaterThan(0);
      expect(admin.body.every((p: any) => p.unlisted === 'department_inactive')).toBe(true);
    } finally {
      expect((await set(true)).status).toBe(200);
    }
    expect((await t.call('GET', '/api/procedures?q=ly%20lich%20tu%20phap')).body.length).toBeGreaterThan(0);
  });
});
