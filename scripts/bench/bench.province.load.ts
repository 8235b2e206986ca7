import { performance } from 'node:perf_hooks';
import type { FeedItem } from '../../server/src/contract/province.feed.ts';
import { pushBatch } from '../province/province.push.ts';

/**
 * Many centers' senders at once against one hub, each as a real one behaves: it pushes what has happened (at most
 * 1,000 items a batch) as soon as the previous batch is acknowledged, and waits when nothing new has happened.
 * Time is compressed: an item dated `at` happens at `t0 + (at − dayStart) / speed` (ms, this process's clock), and
 * its lag is the time from then to the hub's ack of the batch that carried it. `speed: Infinity` is a backlog: every
 * item has already happened (a province-wide outage ending), so the figure is the hub's ingestion ceiling.
 */
export interface LoadCenter {
  token: string;
  items: FeedItem[];
}

export interface LoadResult {
  items: number;
  batches: number;
  errors: string[];
  wallSec: number;
  itemsPerSec: number;
  lagMs: number[];
  batchMs: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * A center keeps its items until the hub acknowledges them and retries, as the real sender does (its outbox); this
 * one gives up only after this long without an ack, and says so. (It used to drop a center's remaining items once
 * 50 batches had been refused in all, which is the likely cause of a run at load ≈ 9 where the hub counted ~2,100
 * fewer tickets than were "sent": those were never sent.)
 */
const GIVE_UP_MS = 120_000;

export async function runCenters(
  url: string,
  centers: LoadCenter[],
  opts: { dayStart: number; speed: number; maxBatch?: number },
): Promise<LoadResult> {
  const max = opts.maxBatch ?? 1000;
  const t0 = performance.now();
  const dueAt = (it: FeedItem) => (Number.isFinite(opts.speed) ? t0 + (it.at - opts.dayStart) / opts.speed : t0);
  const simNow = () =>
    Number.isFinite(opts.speed) ? opts.dayStart + (performance.now() - t0) * opts.speed : Date.now();
  const lagMs: number[] = [];
  const batchMs: number[] = [];
  const errors: string[] = [];
  let batches = 0,
    sent = 0;
  await Promise.all(
    centers.map(async (c) => {
      let i = 0;
      let lastAck = performance.now();
      const stuck = () => {
        if (performance.now() - lastAck < GIVE_UP_MS) return false;
        errors.push(`gave up: ${c.items.length - i} items never acknowledged in ${GIVE_UP_MS / 1000} s`);
        return true;
      };
      while (i < c.items.length) {
        const now = performance.now();
        const first = c.items[i]!;
        if (dueAt(first) > now) {
          await sleep(Math.max(2, dueAt(first) - now));
          continue;
        }
        let j = i + 1;
        while (j < c.items.length && j - i < max && dueAt(c.items[j]!) <= now) j++;
        const batch = c.items.slice(i, j);
        const next = c.items[j];
        const start = performance.now();
        let r;
        try {
          r = await pushBatch(url, c.token, batch, {
            sentAt: Math.round(simNow()),
            oldestPendingAt: next && dueAt(next) <= performance.now() ? next.at : null,
          });
        } catch (e) {
          // undici's "fetch failed" hides the reason (reset, connect timeout…) in its cause.
          const cause = (e as { cause?: { code?: string; message?: string } }).cause;
          errors.push(`${String(e)}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
          if (stuck()) return;
          await sleep(200);
          continue;
        }
        const end = performance.now();
        if (r.status !== 200 || !r.ack) {
          errors.push(`HTTP ${r.status}`);
          if (stuck()) return;
          await sleep(200);
          continue;
        }
        batches++;
        lastAck = end;
        batchMs.push(end - start);
        for (const it of batch) lagMs.push(end - dueAt(it));
        sent += batch.length;
        i = j;
      }
    }),
  );
  const wallSec = (performance.now() - t0) / 1000;
  return { items: sent, batches, errors, wallSec, itemsPerSec: sent / wallSec, lagMs, batchMs };
}
