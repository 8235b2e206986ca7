import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { AuditEntryDto, ReportDto, ReportGroupBy } from '../contract/dto.ts';
import { API_ROUTE_KEYS, type RouteRes } from '../contract/routes.ts';
import type { exportConfig, importConfig } from '../core/catalog/config.transfer.ts';
import type { GroupBy } from '../core/reports/report.aggregate.ts';
import type { summaryReport } from '../core/reports/reports.usecases.ts';
import type { BackupInfo } from '../storage/backup.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** Issue 16, point 1: the answers' types come from one route map (contract/routes.ts) the client also reads. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

/** Routes that answer a file, not JSON: not in the map. */
const FILE_ROUTES = ['GET /api/tickets/:id/ticket.png'];

describe('the route → answer map', () => {
  it('names every JSON route the server serves, and no other', () => {
    const served = new Set(
      t.server.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`)
        .filter((k) => !FILE_ROUTES.includes(k)),
    );
    expect([...served].sort()).toEqual([...API_ROUTE_KEYS].sort());
  });

  it('GET /api/audit answers camelCase entries (contract AuditEntryDto), not the table columns', async () => {
    await t.createClerk('audit-dto');
    const r = await t.call('GET', '/api/audit?limit=5', undefined, t.adminToken);
    expect(r.status).toBe(200);
    const entry = (r.body as AuditEntryDto[]).find((e) => e.action === 'user.create');
    expect(Object.keys(entry ?? {}).sort()).toEqual([
      'action',
      'actorId',
      'actorKind',
      'at',
      'data',
      'entity',
      'entityId',
      'id',
    ]);
    expect(entry).toMatchObject({ actorKind: 'user', entity: 'user', entityId: expect.any(String) });
    expectTypeOf<RouteRes<'GET /api/audit'>>().toEqualTypeOf<AuditEntryDto[]>();
  });

  it('what the handlers answer has the type the map declares', () => {
    expectTypeOf<ReturnType<typeof summaryReport>>().toEqualTypeOf<ReportDto>();
    expectTypeOf<GroupBy>().toEqualTypeOf<ReportGroupBy>();
    expectTypeOf<ReturnType<typeof exportConfig>>().toExtend<RouteRes<'GET /api/config/export'>>();
    expectTypeOf<ReturnType<typeof importConfig>>().toEqualTypeOf<RouteRes<'POST /api/config/import'>>();
    expectTypeOf<BackupInfo>().toEqualTypeOf<RouteRes<'POST /api/backups'>>();
  });
});
