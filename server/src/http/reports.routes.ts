import { Hono } from 'hono';
import { reportQuery } from '../contract/inputs.schema.ts';
import { reportExportTable, reportToCsv } from '../core/reports/report.export.ts';
import { writeXlsx } from '../exports/xlsx.writer.ts';
import { LEADERS, requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { parseWith } from './validation.ts';

export function reportRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.get('/summary', async (c) => {
    requireActor(c, { roles: LEADERS });
    const q = parseWith(reportQuery, c.req.query());
    const report = await s.reports.run(q);
    if (q.format === 'xlsx') {
      const levels = s.settings.get().ratingLevels;
      const table = reportExportTable([...report.rows, report.totals], levels);
      const bytes = writeXlsx([
        {
          name: `Báo cáo ${report.from} – ${report.to}`,
          rows: table.rows,
          formats: table.units.map((u) => (u === 'minutes' ? 'minutes' : u === 'share' ? 'percent' : null)),
        },
      ]);
      // fflate's zip is a plain (not shared) ArrayBuffer: the narrower type hono's body asks for.
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="bao-cao-${q.groupBy}-${report.from}_${report.to}.xlsx"`,
      });
    }
    if (q.format === 'csv') {
      const csv = reportToCsv(report.rows, s.settings.get().ratingLevels);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="bao-cao-${q.groupBy}-${report.from}_${report.to}.csv"`,
      });
    }
    return reply(c, 'GET /api/reports/summary', report);
  });
  return app;
}
