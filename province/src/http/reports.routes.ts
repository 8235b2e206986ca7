import { Hono } from 'hono';
import { z } from 'zod';
import { reportTable, reportToCsv } from '../../../server/src/core/reports/report.aggregate.ts';
import { readImportTable } from '../../../server/src/core/procedures/procedure.import.ts';
import { businessDay } from '../../../server/src/core/time/zoned-time.ts';
import { writeXlsx } from '../../../server/src/exports/xlsx.writer.ts';
import { readTable } from '../../../server/src/http/procedures.routes.ts';
import { parseWith } from '../../../server/src/http/validation.ts';
import { importCatalog } from '../catalog/catalog.import.ts';
import { centersRepo } from '../centers/centers.repo.ts';
import { hubLevels, hubSummary } from '../reports/hub.report.ts';
import { requireHubUser, type HubEnv, type HubServices } from './hub.http.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();
export const hubReportQuery = z.object({
  from: day,
  to: day,
  groupBy: z.enum(['center', 'area', 'procedure', 'clerk']).default('center'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** Province reports (the center's rows and writers) and the province catalogue import. */
export function reportRoutes(s: HubServices) {
  const app = new Hono<HubEnv>();
  app.get('/reports/summary', async (c) => {
    requireHubUser(c);
    const q = parseWith(hubReportQuery, c.req.query());
    const from = q.from ?? businessDay(s.clock.now(), s.timeZone);
    const report = await hubSummary(s.db, { from, to: q.to ?? from, groupBy: q.groupBy });
    const levels = hubLevels(await centersRepo.list(s.db));
    const name = `bao-cao-tinh-${q.groupBy}-${report.from}_${report.to}`;
    if (q.format === 'xlsx') {
      const bytes = writeXlsx([
        {
          name: `Báo cáo ${report.from} – ${report.to}`,
          rows: reportTable([...report.rows, report.totals], levels, 'vi'),
        },
      ]);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}.xlsx"`,
      });
    }
    if (q.format === 'csv')
      return c.body(reportToCsv(report.rows, levels), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
      });
    return c.json(report);
  });
  app.post('/procedures/import', async (c) => {
    requireHubUser(c, ['admin']);
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    const rows = readImportTable(await readTable(c));
    return c.json(await importCatalog(s.db, rows, dryRun, s.clock.now()));
  });
  return app;
}
