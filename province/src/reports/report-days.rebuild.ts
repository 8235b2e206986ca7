import type { HubDb, Queryable } from '../storage/hub.db.ts';
import {
  addCall,
  addRating,
  addTicket,
  addTransfer,
  addTransferProcedure,
  CallDays,
  DaySet,
  HUB_EVENT_COLUMNS,
  HUB_RATING_COLUMNS,
  HUB_TICKET_COLUMNS,
  type HubEventState,
  type HubRatingState,
  type HubTicketState,
} from './report-days.contribution.ts';
import { areaTargets, recordMultiDay, writeDaySet } from './report-days.write.ts';

/**
 * The version of the daily aggregates this code writes (centers.report_days_version, migration 0002). A center
 * whose rows are of another version is read through the report SQL until it is rebuilt. Raise it (with a migration
 * that sets the column's default to it) when the aggregates' definition changes.
 */
export const REPORT_DAYS_VERSION = 1;

/**
 * One center's aggregates from its facts, with the same contributions the feed applies write by write: the rows
 * a rebuilt center holds are the rows it held after its batches. Runs inside the caller's transaction.
 */
export async function rebuildCenterDays(q: Queryable, centerId: string): Promise<void> {
  await q.query('DELETE FROM hub_report_days WHERE center_id = $1', [centerId]);
  await q.query('DELETE FROM hub_clerk_multi_day WHERE center_id = $1', [centerId]);
  // Every month of the center was summed from the rows just deleted: none is valid any more (migration 0003).
  await q.query('DELETE FROM hub_report_month_state WHERE center_id = $1', [centerId]);
  await q.query('DELETE FROM hub_report_months WHERE center_id = $1', [centerId]);
  const targets = await areaTargets(q, centerId);
  const set = new DaySet();
  const tickets = new Map<string, HubTicketState>();
  for (const t of await q.query<HubTicketState>(`SELECT ${HUB_TICKET_COLUMNS} FROM hub_tickets WHERE center_id = $1`, [
    centerId,
  ])) {
    tickets.set(t.id, t);
    addTicket(set, t, 1, targets.get(t.issued_area_id) ?? null);
  }
  const calls = new CallDays();
  for (const e of await q.query<HubEventState>(`SELECT ${HUB_EVENT_COLUMNS} FROM hub_events WHERE center_id = $1`, [
    centerId,
  ])) {
    if (e.type === 'transferred') {
      addTransfer(set, e);
      addTransferProcedure(set, e, tickets.get(e.ticket_id) ?? null, 1);
    } else if (e.type === 'called') addCall(set, e, calls.add(e));
  }
  for (const r of await q.query<HubRatingState>(`SELECT ${HUB_RATING_COLUMNS} FROM hub_ratings WHERE center_id = $1`, [
    centerId,
  ])) {
    const t = tickets.get(r.ticket_id);
    if (t) addRating(set, r, t, 1);
  }
  await writeDaySet(q, centerId, set, true);
  await recordMultiDay(q, centerId, calls.multiDay());
  await q.query('UPDATE centers SET report_days_version = $2 WHERE id = $1', [centerId, REPORT_DAYS_VERSION]);
}

/** Centers whose aggregates are missing or of another version (read through the report SQL meanwhile). */
export async function staleCenterIds(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>('SELECT id FROM centers WHERE report_days_version <> $1 ORDER BY code', [
    REPORT_DAYS_VERSION,
  ]);
  return rows.map((r) => r.id);
}

/**
 * Rebuilds the stale centers (or every center with `all`), one transaction each with the center's row locked, so
 * its feed batches wait for it and the hub keeps answering everything else. Returns the centers rebuilt.
 */
export async function rebuildReportDays(
  db: HubDb,
  opts: { all?: boolean; stopped?: () => boolean } = {},
): Promise<number> {
  const ids = opts.all
    ? (await db.query<{ id: string }>('SELECT id FROM centers ORDER BY code')).map((r) => r.id)
    : await staleCenterIds(db);
  let n = 0;
  for (const id of ids) {
    if (opts.stopped?.()) break;
    await db.tx(async (q) => {
      const [row] = await q.query<{ v: number }>(
        'SELECT report_days_version AS v FROM centers WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row || (!opts.all && Number(row.v) === REPORT_DAYS_VERSION)) return;
      await rebuildCenterDays(q, id);
      n++;
    });
  }
  return n;
}
