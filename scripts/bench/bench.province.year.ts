import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { fmt, summary } from './bench.stats.ts';

/**
 * A year of the whole province written straight into the hub's fact tables (one INSERT … SELECT each, with the
 * same ids, areas, counters and clerks as the centers' catalogues pushed before), then ANALYZE as autovacuum
 * would: what the hub holds after a year of feeds, without pushing millions of items through HTTP first.
 */
export async function fillProvinceYear(db: pg.Client, year: number, perCenterDay: number) {
  const t0 = performance.now();
  const days = `SELECT to_char(d, 'YYYY-MM-DD') AS day,
      (extract(epoch FROM ((d::timestamp + interval '7 hours 30 minutes') AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000)::bigint AS open
    FROM generate_series(date '${year}-01-01', date '${year}-12-31', interval '1 day') d
    WHERE extract(isodow FROM d) < 6`;
  await db.query(`INSERT INTO hub_tickets (center_id, id, rev, number, channel, priority, issued_area_id, area_id,
      counter_id, clerk_id, procedure_id, status, business_day, issued_at, first_called_at, called_at, finished_at, transfers)
    SELECT c.id, 'Y' || d.day || '-' || n, 4, n::text, 'kiosk', false, x.area, x.area, x.k, x.u, x.p, x.st, d.day,
      x.iss, CASE WHEN x.st = 'expired' THEN NULL ELSE x.iss + x.wait END,
      CASE WHEN x.st = 'expired' THEN NULL ELSE x.iss + x.wait END,
      CASE WHEN x.st = 'expired' THEN NULL ELSE x.iss + x.wait + 60000 + (x.h / 13) % 900000 END, 0
    FROM centers c CROSS JOIN (${days}) d CROSS JOIN generate_series(1, ${perCenterDay}) n
    CROSS JOIN LATERAL (
      SELECT h, (ARRAY['a-HT', 'a-DD', 'a-CT'])[1 + h % 3] AS area, 'k' || (1 + (h / 3) % 3) AS k,
        'u' || (1 + (h / 3) % 3) AS u, 'p' || (1 + (h / 7) % 4) AS p,
        CASE WHEN h % 100 < 6 THEN 'no_show' WHEN h % 100 < 7 THEN 'expired' ELSE 'done' END AS st,
        d.open + h % 30000000 AS iss, (h / 11) % 2400000 AS wait
      FROM (SELECT abs(hashtext(c.id || d.day || n))::bigint AS h) z) x`);
  await db.query(`INSERT INTO hub_events (center_id, id, type, ticket_id, counter_id, actor_id, area_id, procedure_id,
      business_day, issued_at, at)
    SELECT center_id, id || '-e', 'called', id, counter_id, clerk_id, area_id, procedure_id, business_day, issued_at, called_at
    FROM hub_tickets WHERE id LIKE 'Y%' AND called_at IS NOT NULL`);
  await db.query(`INSERT INTO hub_ratings (center_id, id, ticket_id, level, area_id, counter_id, clerk_id, procedure_id,
      business_day, issued_at, at)
    SELECT center_id, id || '-r', id,
      CASE WHEN finished_at % 10 < 7 THEN 'very_satisfied' WHEN finished_at % 10 < 9 THEN 'satisfied' ELSE 'unsatisfied' END,
      area_id, counter_id, clerk_id, procedure_id, business_day, issued_at, finished_at + 15000
    FROM hub_tickets WHERE id LIKE 'Y%' AND status = 'done' AND issued_at % 5 < 2`);
  await db.query('ANALYZE');
  const count = async (t: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM ${t} WHERE business_day LIKE '${year}-%'`)).rows[0].n);
  const nDays = Number((await db.query(`SELECT count(*) AS n FROM (${days}) d`)).rows[0].n);
  return {
    tickets: await count('hub_tickets'),
    events: await count('hub_events'),
    ratings: await count('hub_ratings'),
    days: nDays,
    sec: (performance.now() - t0) / 1000,
  };
}

/**
 * The year report over HTTP for each grouping (JSON, then CSV), beside its floor measured just before: one SQL
 * pass over the facts. `how` names the path the hub takes (the report SQL while centers are not rebuilt, else
 * the daily aggregates).
 */
export async function timeYearReports(
  db: pg.Client,
  url: string,
  token: string,
  year: number,
  add: (k: string, v: string) => void,
  how: string,
) {
  const from = `${year}-01-01`,
    to = `${year}-12-31`;
  const timed = async (f: () => Promise<unknown>, n = 2) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await f();
      ms.push(performance.now() - s);
    }
    return ms;
  };
  const floor = await timed(() =>
    db.query(
      `SELECT center_id, count(*), count(*) FILTER (WHERE status = 'done'), avg(called_at - issued_at),
         avg(finished_at - called_at) FROM hub_tickets WHERE business_day BETWEEN $1 AND $2 GROUP BY center_id`,
      [from, to],
    ),
  );
  const f = summary(floor);
  add(
    `  floor: one SQL pass over the year of hub_tickets (counts and averages per center, pg client)`,
    `${fmt(floor[0]!, 0)} ms, again ${fmt(floor[1]!, 0)} ms (p50 ${fmt(f.p50, 0)})`,
  );
  for (const groupBy of ['center', 'area', 'procedure', 'clerk']) {
    let n = 0;
    const ms = await timed(async () => {
      const r = await fetch(`${url}/api/province/reports/summary?from=${from}&to=${to}&groupBy=${groupBy}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (r.status !== 200) throw new Error(`year report by ${groupBy}: ${r.status} ${await r.text()}`);
      n = ((await r.json()) as { rows: unknown[] }).rows.length;
    });
    add(
      `year report by ${groupBy} (${n} rows), ${how}`,
      `${fmt(ms[0]!, 0)} ms, again ${fmt(ms[1]!, 0)} ms = ${fmt(Math.min(...ms) / f.p50, 2)}× the floor`,
    );
  }
  const csv = await timed(async () => {
    const r = await fetch(`${url}/api/province/reports/summary?from=${from}&to=${to}&groupBy=clerk&format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await r.arrayBuffer();
  }, 1);
  add(`year report by clerk as CSV, ${how}`, `${fmt(csv[0]!, 0)} ms = ${fmt(csv[0]! / f.p50, 2)}× the floor`);
}
