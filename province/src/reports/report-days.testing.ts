import { expect } from 'vitest';
import type { FeedItem } from '../../../server/src/contract/province.feed.ts';
import { applyFeedBatch } from '../feed/feed.apply.ts';
import type { HubDb } from '../storage/hub.db.ts';
import { rng, type Item } from '../testing/hub.history.testing.ts';
import type { CenterTotals } from './report.sql.ts';

/** Tests only (report-days.test.ts): pushing histories and single facts through the feed, comparing totals. */
/** Pushes every center's history, interleaved, in random batches, with the resends a real link produces. */
export async function pushAll(db: HubDb, histories: Map<string, Item[]>, seed: number, check?: () => Promise<void>) {
  const r = rng(seed);
  const state = [...histories].map(([id, items]) => ({ id, items: [...items], sent: [] as FeedItem[], ack: 0 }));
  let round = 0;
  while (state.some((s) => s.items.length)) {
    for (const s of state) {
      if (!s.items.length) continue;
      const chunk = s.items.splice(0, 1 + r.int(40));
      const numbered = chunk.map((it, i) => ({ ...it, seq: s.ack + 1 + i }) as FeedItem);
      const batch = { center: { sentAt: 0, oldestPendingAt: null }, fromSeq: s.ack + 1, items: numbered };
      s.ack = (await applyFeedBatch(db, s.id, batch, 0)).ackSeq;
      s.sent.push(...numbered);
      if (r.chance(0.15)) expect((await applyFeedBatch(db, s.id, batch, 0)).ackSeq).toBe(s.ack); // sent twice
      if (r.chance(0.05) && s.sent.length > 3) {
        // Overlapping: starts three items back, so only its tail is new.
        const back = s.sent.slice(-3);
        const tail = s.items.splice(0, 2).map((it, i) => ({ ...it, seq: s.ack + 1 + i }) as FeedItem);
        s.ack = (
          await applyFeedBatch(db, s.id, { ...batch, fromSeq: back[0]!.seq, items: [...back, ...tail] }, 0)
        ).ackSeq;
        s.sent.push(...tail);
      }
      // After a restore (feed_gap) a center renumbers and sends again what the hub already holds.
      if (r.chance(0.03)) s.items.unshift(...s.sent.slice(-30).map(({ seq: _seq, ...it }) => it as Item));
    }
    if (check && ++round % 7 === 0) await check();
  }
}

/** Totals as plain sorted data: the histograms themselves, not only the medians read from them. */
export const plain = (t: CenterTotals) =>
  [...t]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, m]) => [
      c,
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, g]) => [k, { ...g, waits: [...g.waits].sort((a, b) => a[0] - b[0]), services: [...g.services] }]),
    ]);

/** Pushes items through the feed as the center sends them (numbered after what the hub acknowledged). */
export async function push(db: HubDb, centerId: string, items: Item[]) {
  const [c] = await db.query<{ ack_seq: number }>('SELECT ack_seq FROM centers WHERE id = $1', [centerId]);
  const fromSeq = Number(c!.ack_seq) + 1;
  const numbered = items.map((it, i) => ({ ...it, seq: fromSeq + i }) as FeedItem);
  await applyFeedBatch(db, centerId, { center: { sentAt: 0, oldestPendingAt: null }, fromSeq, items: numbered }, 0);
}

/** The first ticket of `day` that was served: the one the stages below revise. */
export const servedOn = async (db: HubDb, centerId: string, day: string) =>
  (
    await db.query(
      `SELECT * FROM hub_tickets WHERE center_id = $1 AND business_day = $2 AND status = 'done' ORDER BY id LIMIT 1`,
      [centerId, day],
    )
  )[0]!;

/** A later revision of that ticket: done → no-show (and another procedure with `procedureId`). */
export async function revise(db: HubDb, centerId: string, day: string, procedureId?: string) {
  const t = await servedOn(db, centerId, day);
  const data = {
    id: String(t.id),
    rev: Number(t.rev) + 1,
    number: t.number as string,
    issuedAreaId: String(t.issued_area_id),
    areaId: String(t.area_id),
    counterId: t.counter_id as string | null,
    clerkId: t.clerk_id as string | null,
    procedureId: procedureId ?? (t.procedure_id as string | null),
    status: 'no_show',
    businessDay: day,
    issuedAt: Number(t.issued_at),
    firstCalledAt: t.first_called_at === null ? null : Number(t.first_called_at),
    calledAt: t.called_at === null ? null : Number(t.called_at),
    finishedAt: null,
    transfers: Number(t.transfers),
  };
  await push(db, centerId, [{ at: data.issuedAt, kind: 'ticket', data }]);
}

export const monthStates = async (db: HubDb) =>
  (await db.query('SELECT center_id, month FROM hub_report_month_state ORDER BY center_id, month')).map(
    (r) => `${String(r.center_id)} ${String(r.month)}`,
  );
