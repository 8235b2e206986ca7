import type { FeedAck, FeedItem } from '../../server/src/contract/province.feed.ts';

/**
 * A center's sender reduced to the protocol: POST /api/province/feed with the center's token, batches of at most
 * `max` items from `fromSeq`, the oldest pending item's time, resending from the hub's ackSeq on a gap (409).
 */
export async function pushBatch(
  hubUrl: string,
  token: string,
  items: FeedItem[],
  opts: { sentAt: number; oldestPendingAt: number | null },
): Promise<{ status: number; ack: FeedAck | null }> {
  const res = await fetch(`${hubUrl}/api/province/feed`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      center: { sentAt: opts.sentAt, oldestPendingAt: opts.oldestPendingAt },
      fromSeq: items[0]?.seq ?? 1,
      items,
    }),
  });
  const body = (await res.json().catch(() => null)) as (FeedAck & { ackSeq?: number }) | null;
  return { status: res.status, ack: res.ok ? body : null };
}

/** Everything in `items` pushed in order (the whole backlog, as a center catching up after an outage). */
export async function pushAll(hubUrl: string, token: string, items: FeedItem[], now: () => number, max = 1000) {
  for (let i = 0; i < items.length; i += max) {
    const batch = items.slice(i, i + max);
    const next = items[i + max];
    const r = await pushBatch(hubUrl, token, batch, { sentAt: now(), oldestPendingAt: next ? next.at : null });
    if (r.status !== 200) throw new Error(`feed answered ${r.status}`);
  }
}

/** The hub's admin creates a center and gets its token (contract: POST /api/province/centers). */
export async function createCenter(hubUrl: string, adminToken: string, code: string, name: string) {
  const res = await fetch(`${hubUrl}/api/province/centers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  if (res.status !== 201) throw new Error(`create center ${code}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; code: string; name: string; token: string };
}

export async function hubLogin(hubUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${hubUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`hub login: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
