import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../admin/src/transfer/csv.parse.ts';
import { flatRows, planImport } from '../admin/src/transfer/import.parse.ts';
import { startTestServer, type TestServer } from '../server/src/testing/server.testing.ts';

/**
 * Defect 19 (issue 11): the sample file behind "Tải tệp mẫu" (admin/public/mau-nhap-lieu.csv) was written by hand
 * and, imported into the demo center, changed which areas counters 2 and 3 serve. It is generated from the demo
 * seed by sampleCsv() below; after changing server/src/seed/demo-center.json, regenerate it with
 * `UPDATE_SAMPLE=1 npx vitest run test/sample-import.test.ts`.
 */
const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'admin/public/mau-nhap-lieu.csv');

interface Seed {
  departments: { code: string; name: string }[];
  areas: {
    code: string;
    department: string;
    name: string;
    numberStart: number;
    numberEnd: number;
    dailyLimit?: number | null;
    targetWaitMinutes?: number | null;
  }[];
  counters: { number: number; name: string; areas: string[] }[];
}

/** The demo center exactly as the seed creates it, as the flat sheet the admin import reads. */
export function sampleCsv(): string {
  const seed = JSON.parse(readFileSync(join(ROOT, 'server/src/seed/demo-center.json'), 'utf8')) as Seed;
  return toCsv(
    flatRows({
      departments: seed.departments.map((d) => ({ code: d.code, name: d.name })),
      areas: seed.areas.map((a) => ({
        code: a.code,
        department: a.department,
        name: a.name,
        numberStart: a.numberStart,
        numberEnd: a.numberEnd,
        dailyLimit: a.dailyLimit ?? null,
        targetWaitMinutes: a.targetWaitMinutes ?? null,
      })),
      counters: seed.counters,
    }),
  );
}

if (process.env.UPDATE_SAMPLE === '1') writeFileSync(SAMPLE, sampleCsv());

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('the sample import file', () => {
  it('is exactly what the demo seed generates (no hand edits, no drift)', () => {
    expect(readFileSync(SAMPLE, 'utf8')).toBe(sampleCsv());
  });

  it('imported into a fresh demo center, as the admin screen reads it, changes nothing at all', async () => {
    const catalog = {
      departments: (await t.call('GET', '/api/departments', undefined, t.adminToken)).body,
      areas: await t.areas(),
      counters: await t.counters(),
    };
    const plan = planImport([{ name: 'mau-nhap-lieu.csv', rows: parseCsv(readFileSync(SAMPLE, 'utf8')) }], {
      departments: catalog.departments.map((d: any) => d.code),
      areas: catalog.areas.map((a: any) => a.code),
      counterNames: Object.fromEntries(catalog.counters.map((c: any) => [c.number, c.name])),
      blocks: catalog.areas,
    });
    expect(plan.errors).toEqual([]);
    const dry = await t.call('POST', '/api/config/import?dryRun=1', plan.doc, t.adminToken);
    expect(dry.status).toBe(200);
    expect(dry.body.changes).toEqual([]);
    // The sample sheet carries no procedures: the catalogue is left alone (config import, docs/api.md).
    expect(dry.body.created).toEqual({ departments: 0, areas: 0, counters: 0, procedures: 0 });
    expect(dry.body.unchanged).toEqual({ departments: 10, areas: 11, counters: 12, procedures: 0 });
    const before = await t.counters();
    const real = await t.call('POST', '/api/config/import', plan.doc, t.adminToken);
    expect(real.body.changes).toEqual([]);
    expect((await t.counters()).map((c) => [c.number, c.name, c.areaIds])).toEqual(
      before.map((c) => [c.number, c.name, c.areaIds]),
    );
  });
});
