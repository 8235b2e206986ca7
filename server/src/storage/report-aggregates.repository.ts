import type { Db } from './db.ts';
import type { JournalRepository, RatingsRepository, TicketsRepository } from '../core/store.port.ts';
import { emptyTotals, type GroupTotals } from '../core/reports/report.aggregate.ts';
import {
  addEvent,
  addRating,
  addTicket,
  DeltaSet,
  SUM_FIELDS,
  TICKET_STATE_COLUMNS,
  type AggKind,
  type EventState,
  type RatingState,
  type TicketKeys,
  type TicketState,
} from './report-aggregates.contribution.ts';
import { addToHistogram, HistogramSum, joinPair, splitPair } from './report.histogram.ts';

/**
 * The maintained daily aggregates (migration 0008): written in the transaction of every ticket, event and rating
 * write that goes through the store (the `watch*` wrappers, installed by createStore), rebuilt from the tickets of
 * a day when that day is stale (report_days.writes ≠ applied), read by the reports for fresh days.
 */
export function createReportAggregates(db: Db) {
  // Every kind: a day's rows are found through the primary key (kind, day, …), no index by day alone.
  const KINDS = "('area', 'counter', 'clerk', 'quarter', 'day', 'procedure', 'channel')";
  // The sum columns, in the order of SUM_FIELDS.
  const ALL = [
    'issued',
    'expired',
    'served',
    'no_show',
    'transferred',
    'wait_ms',
    'wait_n',
    'targeted',
    'within',
    'svc_ms',
    'svc_n',
  ];
  const params = SUM_FIELDS.map((f) => `@${f}`).join(', ');
  const upsertSums = db.prepare(`INSERT INTO report_aggregates (day, kind, key, ${ALL.join(', ')})
    VALUES (@day, @kind, @key, ${params})
    ON CONFLICT (kind, day, key) DO UPDATE SET ${ALL.map((c, i) => `${c} = ${c} + @${SUM_FIELDS[i]}`).join(', ')}`);
  const upsertAll = db.prepare(`INSERT INTO report_aggregates (day, kind, key, ${ALL.join(', ')}, hist)
    VALUES (@day, @kind, @key, ${params}, @hist)
    ON CONFLICT (kind, day, key) DO UPDATE SET ${ALL.map((c, i) => `${c} = ${c} + @${SUM_FIELDS[i]}`).join(', ')},
      hist = @hist`);
  const histOf = db.prepare<[string, string, string], { hist: Buffer | null }>(
    'SELECT hist FROM report_aggregates WHERE kind = ? AND day = ? AND key = ?',
  );
  const upsertRating = db.prepare(`INSERT INTO report_ratings (day, kind, key, level, n) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (kind, day, key, level) DO UPDATE SET n = n + excluded.n`);
  const target = db.prepare<[string], { t: number | null }>('SELECT target_wait_min AS t FROM areas WHERE id = ?');
  const ticketState = db.prepare<[string], TicketState>(`SELECT ${TICKET_STATE_COLUMNS} FROM tickets WHERE id = ?`);
  const dayOf = db.prepare<[string], { writes: number; applied: number }>(
    'SELECT writes, applied FROM report_days WHERE day = ?',
  );
  const setApplied = db.prepare('UPDATE report_days SET applied = writes - ? WHERE day = ?');
  const calls = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'called' AND counter_id = ?",
  );
  const callsBy = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'called' AND actor_id = ?",
  );

  /** Target wait in seconds as the reference reads it: a missing or zero target means none. */
  const targetSec = (areaId: string) => {
    const t = target.get(areaId)?.t;
    return t ? t * 60 : null;
  };

  const upsertRecent =
    db.prepare(`INSERT INTO report_hist_recent (day, kind, key, metric, sec, n) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (kind, day, key, metric, sec) DO UPDATE SET n = n + excluded.n`);

  /**
   * Writes deltas: sums and ratings in place; histogram changes as rows of report_hist_recent (`direct`: straight into
   * the blobs, for a rebuild, which starts from none).
   */
  function apply(set: DeltaSet, direct = false): void {
    for (const { day, kind, key, d } of set.groups.values()) {
      const sums = Object.fromEntries(SUM_FIELDS.map((f) => [f, d[f]]));
      if (direct && (d.waits.size > 0 || d.services.size > 0)) {
        const [waits, services] = splitPair(histOf.get(kind, day, key)?.hist ?? null);
        const hist = joinPair(
          d.waits.size > 0 ? addToHistogram(waits, d.waits) : waits,
          d.services.size > 0 ? addToHistogram(services, d.services) : services,
        );
        upsertAll.run({ day, kind, key, ...sums, hist });
      } else {
        if (SUM_FIELDS.some((f) => d[f] !== 0)) upsertSums.run({ day, kind, key, ...sums });
        for (const [sec, n] of d.waits) upsertRecent.run(day, kind, key, 0, sec, n);
        for (const [sec, n] of d.services) upsertRecent.run(day, kind, key, 1, sec, n);
      }
      for (const [level, n] of d.ratings) upsertRating.run(day, kind, key, level, n);
    }
  }

  const recentOfDay = db.prepare<[string], { kind: AggKind; key: string; metric: number; sec: number; n: number }>(
    `SELECT kind, key, metric, sec, n FROM report_hist_recent WHERE kind IN ${KINDS} AND day = ? AND n <> 0`,
  );
  const clearRecent = db.prepare(`DELETE FROM report_hist_recent WHERE kind IN ${KINDS} AND day = ?`);
  const recentDays = db.prepare<[], { day: string }>('SELECT DISTINCT day FROM report_hist_recent ORDER BY day DESC');

  /** Folds a day's recent histogram rows into its blobs (one write transaction). */
  function compactDay(day: string): void {
    db.transaction(() => {
      const set = new DeltaSet();
      for (const r of recentOfDay.iterate(day)) {
        const d = set.at(day, r.kind, r.key);
        (r.metric === 0 ? d.waits : d.services).set(r.sec, r.n);
      }
      clearRecent.run(day);
      apply(set, true);
    }).immediate();
  }

  /** Folds every day but the newest one that still has recent rows (today's keeps growing); returns the days. */
  function compactPast(limit = Number.MAX_SAFE_INTEGER): string[] {
    const days = recentDays
      .all()
      .map((r) => r.day)
      .slice(1, 1 + limit);
    for (const d of days) compactDay(d);
    return days;
  }

  /**
   * Runs one write and its aggregate deltas atomically (a savepoint inside the caller's transaction), then marks
   * what the triggers counted for the day as applied — keeping any lag the day already had, so a stale day stays
   * stale until it is rebuilt.
   */
  function tracked<T>(day: string, write: () => T, deltas: (result: T) => DeltaSet | null): T {
    return db.transaction(() => {
      const before = dayOf.get(day);
      const lag = before ? before.writes - before.applied : 0;
      const result = write();
      const set = deltas(result);
      if (set) apply(set);
      setApplied.run(lag, day);
      return result;
    })();
  }

  function watchTickets(repo: TicketsRepository): TicketsRepository {
    return {
      ...repo,
      insert: (t) =>
        tracked(
          t.businessDay,
          () => repo.insert(t),
          () => {
            const now = ticketState.get(t.id);
            if (!now) return null;
            const set = new DeltaSet();
            addTicket(set, now, 1, targetSec(now.issued_area_id));
            return set;
          },
        ),
      update: (id, patch) => {
        const old = ticketState.get(id);
        if (!old) return repo.update(id, patch);
        return tracked(
          old.business_day,
          () => {
            repo.update(id, patch);
          },
          () => {
            const now = ticketState.get(id)!;
            const set = new DeltaSet();
            addTicket(set, old, -1, targetSec(old.issued_area_id));
            addTicket(set, now, 1, targetSec(now.issued_area_id));
            return set;
          },
        );
      },
    };
  }

  const ticketKeys = db.prepare<[string], TicketKeys & { business_day: string }>(
    'SELECT issued_at, procedure_id, channel, business_day FROM tickets WHERE id = ?',
  );
  function watchJournal(repo: JournalRepository): JournalRepository {
    return {
      ...repo,
      event: (e) => {
        if (e.type !== 'called' && e.type !== 'transferred') return repo.event(e);
        return tracked(
          e.businessDay,
          () => repo.event(e),
          () => {
            const t = ticketKeys.get(e.ticketId);
            if (!t) return null;
            const state: EventState = {
              type: e.type,
              business_day: e.businessDay,
              counter_id: e.counterId ?? null,
              actor_id: e.actorId ?? null,
              area_id: e.areaId ?? null,
            };
            const set = new DeltaSet();
            addEvent(set, state, t, {
              counter: state.counter_id !== null && calls.get(e.ticketId, state.counter_id)!.n === 1,
              clerk: state.actor_id !== null && callsBy.get(e.ticketId, state.actor_id)!.n === 1,
            });
            return set;
          },
        );
      },
    };
  }

  function watchRatings(repo: RatingsRepository): RatingsRepository {
    return {
      ...repo,
      insert: (r) => {
        const t = ticketKeys.get(r.ticketId);
        if (!t) return repo.insert(r);
        return tracked(
          t.business_day,
          () => repo.insert(r),
          () => {
            const set = new DeltaSet();
            addRating(set, { level: r.level, counter_id: r.counterId, clerk_id: r.clerkId, area_id: r.areaId }, t);
            return set;
          },
        );
      },
    };
  }

  const dayTickets = db.prepare<[string], TicketState & { id: string }>(
    `SELECT id, ${TICKET_STATE_COLUMNS} FROM tickets WHERE business_day = ?`,
  );
  const dayEvents = db.prepare<
    [string],
    EventState & TicketKeys & { ticket_id: string }
  >(`SELECT e.type, e.business_day, e.counter_id, e.actor_id, e.area_id, e.ticket_id, t.issued_at, t.procedure_id, t.channel
    FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.business_day = ? AND e.type IN ('called', 'transferred')`);
  const dayRatings = db.prepare<
    [string],
    RatingState & TicketKeys & { business_day: string }
  >(`SELECT r.level, r.counter_id, r.clerk_id, r.area_id, t.issued_at, t.procedure_id, t.channel, t.business_day
    FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE t.business_day = ?`);
  const clearDay = [
    db.prepare(`DELETE FROM report_aggregates WHERE kind IN ${KINDS} AND day = ?`),
    db.prepare(`DELETE FROM report_ratings WHERE kind IN ${KINDS} AND day = ?`),
    db.prepare(`DELETE FROM report_hist_recent WHERE kind IN ${KINDS} AND day = ?`),
  ];
  const markBuilt = db.prepare(
    'INSERT INTO report_days (day, writes, applied) VALUES (?, 0, 0) ON CONFLICT (day) DO UPDATE SET applied = writes',
  );
  const stale = db.prepare<[number], { day: string }>(
    'SELECT day FROM report_days WHERE writes <> applied ORDER BY day DESC LIMIT ?',
  );
  // Days with tickets the triggers never saw (a database from before them, a restored copy): made known, stale.
  const unknownDays = db.prepare(`INSERT INTO report_days (day, writes, applied)
    SELECT DISTINCT business_day, 1, 0 FROM area_days WHERE business_day NOT IN (SELECT day FROM report_days)`);

  /** Recomputes one day from its tickets, events and ratings, in one write transaction. */
  function rebuildDay(day: string): void {
    db.transaction(() => {
      for (const s of clearDay) s.run(day);
      const set = new DeltaSet();
      const targets = new Map<string, number | null>();
      for (const t of dayTickets.iterate(day)) {
        if (!targets.has(t.issued_area_id)) targets.set(t.issued_area_id, targetSec(t.issued_area_id));
        addTicket(set, t, 1, targets.get(t.issued_area_id)!);
      }
      // A counter (a clerk) "issues" a ticket once however often it called it: the first call seen counts.
      const seen = new Set<string>();
      const first = (kind: string, ticketId: string, by: string | null) => {
        if (by === null) return false;
        const k = `${kind}\u0000${ticketId}\u0000${by}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      };
      for (const e of dayEvents.iterate(day)) {
        const called = e.type === 'called';
        addEvent(set, e, e, {
          counter: called && first('c', e.ticket_id, e.counter_id),
          clerk: called && first('u', e.ticket_id, e.actor_id),
        });
      }
      for (const r of dayRatings.iterate(day)) addRating(set, r, r);
      apply(set, true);
      markBuilt.run(day);
    }).immediate();
  }

  /** Rebuilds up to `limit` stale days (newest first: today's report matters most); returns the days rebuilt. */
  function rebuildStale(limit = Number.MAX_SAFE_INTEGER): string[] {
    unknownDays.run();
    const days = stale.all(limit).map((r) => r.day);
    for (const d of days) rebuildDay(d);
    return days;
  }

  /** Rebuilds every day with tickets (`npm run reports:rebuild`); one transaction per day, so a server may run. */
  function rebuildAll(onDay?: (day: string) => void): string[] {
    unknownDays.run();
    const days = db.prepare('SELECT day FROM report_days ORDER BY day').pluck().all() as string[];
    for (const d of days) {
      rebuildDay(d);
      onDay?.(d);
    }
    return days;
  }

  const dayStates = db.prepare<[string, string], { day: string; fresh: number }>(
    'SELECT day, writes = applied AS fresh FROM report_days WHERE day BETWEEN ? AND ? ORDER BY day',
  );
  const rowsOf = db.prepare<
    [string, string, string],
    Record<string, number> & { key: string }
  >(`SELECT a.key, ${ALL.map((c) => `SUM(a.${c}) AS ${c}`).join(', ')}
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

  return {
    watchTickets,
    watchJournal,
    watchRatings,
    rebuildDay,
    rebuildStale,
    rebuildAll,
    compactDay,
    compactPast,
    read,
  };
}

export type ReportAggregates = ReturnType<typeof createReportAggregates>;
