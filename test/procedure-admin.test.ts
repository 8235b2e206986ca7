import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../server/src/client/api.client.ts';
import { createAdminApi, type AdminApi } from '../admin/src/admin.api.ts';
import { startTestServer, type TestServer } from '../server/src/testing/server.testing.ts';

/**
 * Issue 12: the admin's procedure calls (admin/src/admin.api.ts) against the real server of the demo center, and
 * the sample file behind "Tải tệp mẫu" (admin/public/mau-thu-tuc.csv) as the server's import reads it.
 */
const SAMPLE = readFileSync(join(import.meta.dirname, '../admin/public/mau-thu-tuc.csv'));

let t: TestServer;
let api: AdminApi;
beforeAll(async () => {
  t = await startTestServer();
  const viaApp = ((input: RequestInfo | URL, init?: RequestInit) =>
    t.server.app.request(String(input), init)) as typeof fetch;
  api = createAdminApi(() => t.adminToken, viaApp);
});
afterAll(async () => {
  await t.close();
});

describe('admin procedure calls against the server', () => {
  it('the sample file passes the dry run, and the dry run changes nothing', async () => {
    const before = await api.procedures({ limit: 200 });
    const r = await api.importProcedures(new Blob([SAMPLE]), 'text/csv; charset=utf-8', { dryRun: true });
    expect(r.created + r.updated + r.unchanged).toBe(5);
    expect(await api.procedures({ limit: 200 })).toEqual(before);
  });

  it('a file with a bad row answers 422 import.invalid with that row, and nothing changes', async () => {
    const bad = `${SAMPLE.toString('utf8')}"9.999999","Thủ tục thử","KHONGCO","","","",""\r\n`;
    const err = await api
      .importProcedures(new Blob([bad]), 'text/csv; charset=utf-8', { dryRun: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('import.invalid');
    expect((err as ApiError).details).toEqual([expect.objectContaining({ row: 7 })]);
    expect(await api.procedures({ q: '9.999999' })).not.toContainEqual(expect.objectContaining({ code: '9.999999' }));
  });

  it('creates, finds, edits and withdraws a procedure', async () => {
    const [area] = await t.areas();
    const input = {
      code: '9.000001',
      name: 'Thủ tục kiểm thử quản trị',
      areaId: area.id as string,
      timeLimit: '05 ngày làm việc',
      fee: '',
      documents: ['Tờ khai', 'Bản chụp căn cước'],
      keywords: ['kiem thu'],
    };
    const created = await api.saveProcedure(input);
    expect((await api.procedures({ q: 'kiem thu quan tri' }))[0]?.code).toBe('9.000001');
    await api.saveProcedure({ ...input, name: 'Thủ tục kiểm thử đã sửa' }, created.id);
    const found = await api.procedures({ q: '9.000001', areaId: area.id });
    expect(found[0]).toMatchObject({
      code: '9.000001',
      name: 'Thủ tục kiểm thử đã sửa',
      documents: ['Tờ khai', 'Bản chụp căn cước'],
    });
    await api.withdrawProcedure(created.id);
    expect((await api.procedures({ q: '9.000001' })).map((p) => p.code)).not.toContain('9.000001');
  });
});
