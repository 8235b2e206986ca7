import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@client/api.client';
import { createAdminApi } from '../admin.api.ts';
import { parseCsv } from '../transfer/csv.parse.ts';
import { PROCEDURE_COLUMNS } from '@contract/procedure.columns';
import { procedureRows, type ProcedureRow } from './procedure.diff.ts';

const demo = JSON.parse(
  readFileSync(new URL('../../../server/src/seed/demo-procedures.json', import.meta.url), 'utf8'),
) as Omit<ProcedureRow, 'row'>[];

describe('the sample file admin/public/mau-thu-tuc.csv', () => {
  const text = readFileSync(new URL('../../public/mau-thu-tuc.csv', import.meta.url), 'utf8');
  it("has the contract's column headers and 5 rows that are the demo catalogue's own (real) procedures", () => {
    expect(parseCsv(text)[0]).toEqual(Object.values(PROCEDURE_COLUMNS));
    const rows = procedureRows({ name: 'mau-thu-tuc.csv', rows: parseCsv(text) });
    expect(rows).toHaveLength(5);
    for (const { row: _row, ...r } of rows) {
      const d = demo.find((p) => p.code === r.code);
      expect(d, r.code).toBeDefined();
      expect(r).toEqual({ ...d });
    }
    expect(new Set(rows.map((r) => r.areaCode)).size).toBe(5);
  });
});

describe('createAdminApi().importProcedures', () => {
  it("sends the file's bytes with its content type to ?dryRun=1 and hands back the row errors of a 422", async () => {
    const seen: { url: string; type: string | null; body: Uint8Array }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({
        url,
        type: new Headers(init.headers).get('content-type'),
        body: new Uint8Array(await new Response(init.body).arrayBuffer()),
      });
      return new Response(
        JSON.stringify({
          error: {
            code: 'import.invalid',
            message: 'Tệp nhập có dòng không hợp lệ.',
            details: [{ row: 2, message: 'x' }],
          },
        }),
        { status: 422, headers: { 'content-type': 'application/json' } },
      );
    }) as unknown as typeof fetch;
    const api = createAdminApi(() => 'tok', fetchImpl);
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0xff]);
    const err = await api
      .importProcedures(new Blob([bytes]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
        dryRun: true,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([(err as ApiError).status, (err as ApiError).code, (err as ApiError).details]).toEqual([
      422,
      'import.invalid',
      [{ row: 2, message: 'x' }],
    ]);
    expect(seen).toEqual([
      {
        url: '/api/procedures/import?dryRun=1',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: bytes,
      },
    ]);
  });
});
