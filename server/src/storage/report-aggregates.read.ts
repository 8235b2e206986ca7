import type { Db } from './db.ts';
import { emptyTotals, type GroupTotals } from '../core/reports/report.aggregate.ts';
import type { AggKind } from './report-aggregates.contribution.ts';
import { HistogramSum } from './report.histogram.ts';
import { SUM_COLUMNS } from './report-aggregates.write.ts';

/** The read path of the aggregates: a kind's groups over the fresh days of a range, and the stale runs left. */
export function createAggregateReader(db: Db) {
  const dayStates = db.prepare<[string, string], { day: string; fresh: number }>(
    'SELECT day, writes = applied AS fresh FROM report_days WHERE day BETWEEN ? AND ? ORDER BY day',
  );
  const rowsOf = db.prepare<
    [string, string, string],
    Record<string, number> & { key: string }
  >(`SELECT a.key, ${SUM_COLUMNS.map((c) => `SUM(a.${c}) AS ${c}`).join(', ')}
    FROM report_aggregates a JOIN report_days d ON d.day = a.day AND d.writes = d.applied
    WHERE a.kind = ? AND a.day BETWEEN ? AND ? GROUP BY a.key`);
  // Raw rows (arrays): a year of procedures is ~40 000 rows, and objects per row would cost more than the decoding.
  const histsOf = db
    .prepare<[string, string, string], [string, Buffer]>(
      `SELECT a.key, a.hist FROM report_aggregates a JOIN report_days d ON d.day = a.day AND d.writes = d.applied
    WHERE a.kind = ? AND a.day BETWEEN ? AND ? AND a.hist IS NOT NULL`,
    )
    .raw(true);
  const recentOf = db
    .prepare<[string, string, string], [string, number, number, number]>(
      `SELECT r.key, r.metric, r.sec, r.n FROM report_hist_recent r JOIN report_days d ON d.day = r.day AND d.writes = d.applied
    WHERE r.kind = ? AND r.day BETWEEN ? AND ? AND r.n <> 0`,
    )
    .raw(true);
  const ratingsOf = db.prepare<[string, string, string], { key: string; level: string; n: number }>(
    `SELECT r.key, r.level, SUM(r.n) AS n FROM report_ratings r JOIN report_days d ON d.day = r.day AND d.writes = d.applied
    WHERE r.kind = ? AND r.day BETWEEN ? AND ? GROUP BY r.key, r.level`,
  );

  /**
   * The groups of one kind over the fresh days of a range, and the runs of stale days (to be read from the tickets).
   * `group` maps an aggregate key to the report's (areas to departments, quarter hours to hours; null drops it), so
   * histograms are summed in dense arrays before they become Maps. One read transaction, so the freshness and the
   * sums are of the same moment.
   */
  function read(
    kind: AggKind,
    from: string,
    to: string,
    group: (key: string) => string | null = (k) => k,
  ): { groups: Map<string, GroupTotals>; stale: [string, string][] } {
    return db.transaction(() => {
      const runs: [string, string][] = [];
      let open: [string, string] | null = null;
      for (const s of dayStates.all(from, to)) {
        if (s.fresh) open = null;
        else if (open) open[1] = s.day;
        else runs.push((open = [s.day, s.day]));
      }
      const groups = new Map<string, GroupTotals>();
      const mapped = new Map<string, string | null>();
      const of = (key: string): GroupTotals | null => {
        let k = mapped.get(key);
        if (k === undefined) mapped.set(key, (k = group(key)));
        if (k === null) return null;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = emptyTotals()));
        return g;
      };
      for (const r of rowsOf.all(kind, from, to)) {
        const g = of(r.key);
        if (!g) continue;
        g.issued += r.issued!;
        g.expired += r.expired!;
        g.served += r.served!;
        g.noShow += r.no_show!;
        g.transferred += r.transferred!;
        g.waitMsSum += r.wait_ms!;
        g.waitN += r.wait_n!;
        g.targeted += r.targeted!;
        g.within += r.within!;
        g.svcMsSum += r.svc_ms!;
        g.svcN += r.svc_n!;
      }
      const sums = new Map<GroupTotals, { waits: HistogramSum; services: HistogramSum }>();
      for (const [key, hist] of histsOf.iterate(kind, from, to)) {
        const g = of(key);
        if (!g) continue;
        let s = sums.get(g);
        if (!s) sums.set(g, (s = { waits: new HistogramSum(), services: new HistogramSum() }));
        s.waits.addPair(hist, s.services);
      }
      for (const [key, metric, sec, n] of recentOf.iterate(kind, from, to)) {
        const g = of(key);
        if (!g) continue;
        let s = sums.get(g);
        if (!s) sums.set(g, (s = { waits: new HistogramSum(), services: new HistogramSum() }));
        (metric === 0 ? s.waits : s.services).addValue(sec, n);
      }
      for (const [g, s] of sums) {
        s.waits.into(g.waits);
        s.services.into(g.services);
      }
      for (const r of ratingsOf.all(kind, from, to)) {
        const g = r.n !== 0 ? of(r.key) : null;
        if (g) g.ratings[r.level] = (g.ratings[r.level] ?? 0) + r.n;
      }
      return { groups, stale: runs };
    })();
  }

  return { read };
}
