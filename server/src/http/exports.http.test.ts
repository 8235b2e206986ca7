import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../admin/src/transfer/csv.parse.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Defect 10 (issue 11): a clerk named `-1+1+cmd|' /C calc'!A0` reached the report CSV raw (the "-digit"
 * exemption), and XLSX cells were never checked. "Exports are inert": no cell the system writes starts with
 * = + - @ tab or CR unless it is a plain number.
 */
const NAMES = ["-1+1+cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","Bấm")', '+1+1', '@SUM(1+1)', '-2+3'];
const TRIGGER = /^[=+\-@\t\r]/;
/** Written out here, not imported: the test states the contract's rule on its own. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const dangerous = (cell: string) => TRIGGER.test(cell) && !PLAIN_NUMBER.test(cell);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  for (const [i, displayName] of NAMES.entries()) {
    const r = await t.call(
      'POST',
      '/api/users',
      { username: i === 0 ? '-calc' : `attacker${i}`, password: 'password-123', displayName, role: 'clerk' },
      t.adminToken,
    );
    expect(r.status).toBe(201);
  }
  const dept = (await t.call('GET', '/api/departments', undefined, t.adminToken)).body[0];
  const area = await t.call(
    'POST',
    '/api/areas',
    { code: 'EVIL', departmentId: dept.id, name: '=1+1', numberStart: 50001, numberEnd: 50999 },
    t.adminToken,
  );
  expect(area.status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('exports are inert', () => {
  it.each(['clerk', 'area'])(
    'the report CSV (groupBy=%s) has no cell that starts a formula, and the names are still there',
    async (groupBy) => {
      const res = await t.server.app.request(`/api/reports/summary?groupBy=${groupBy}&format=csv`, {
        headers: { authorization: `Bearer ${t.adminToken}` },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      const cells = parseCsv(text).flat();
      expect(cells.filter(dangerous)).toEqual([]);
      if (groupBy === 'clerk') for (const n of NAMES) expect(cells).toContain(`'${n}`);
      else expect(cells).toContain("'=1+1");
    },
  );

  it('the report XLSX has no string cell that starts a formula', async () => {
    const res = await t.server.app.request('/api/reports/summary?groupBy=clerk&format=xlsx', {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    const sheet = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['xl/worksheets/sheet1.xml']!);
    const texts = [...sheet.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) =>
      m[1]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter(dangerous)).toEqual([]);
    expect(texts).toContain(`'${NAMES[0]}`);
  });
});
