import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedBatch, FeedItem } from '../../../server/src/contract/province.feed.ts';
import { startPgCluster, type PgCluster } from '../testing/pg.cluster.testing.ts';
import { startTestHub, type Backend, type TestHub } from '../testing/hub.testing.ts';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  await cluster?.destroy();
});

const DAY = '2026-11-26';
const T0 = Date.parse('2026-11-26T08:00:00+07:00');
const ticket = (id: string, rev: number, status = 'waiting', extra: Record<string, unknown> = {}) => ({
  id,
  number: '1001',
  rev,
  channel: 'kiosk',
  priority: false,
  issuedAreaId: 'a1',
  areaId: 'a1',
  counterId: null,
  clerkId: null,
  status,
  businessDay: DAY,
  issuedAt: T0,
  firstCalledAt: status === 'waiting' ? null : T0 + 60_000,
  calledAt: status === 'waiting' ? null : T0 + 60_000,
  finishedAt: status === 'done' ? T0 + 180_000 : null,
  transfers: 0,
  procedureId: null,
  ...extra,
});
const items = (from: number, list: Omit<FeedItem, 'seq'>[]) =>
  list.map((it, i) => ({ ...it, seq: from + i }) as FeedItem);
const batch = (fromSeq: number, list: Omit<FeedItem, 'seq'>[], oldestPendingAt: number | null = null): FeedBatch => ({
  center: { sentAt: T0 + 10_000, oldestPendingAt },
  fromSeq,
  items: items(fromSeq, list),
});
const tk = (id: string, rev: number, status?: string): Omit<FeedItem, 'seq'> => ({
  at: T0,
  kind: 'ticket',
  data: ticket(id, rev, status) as never,
});

describe.each<Backend>(['pglite', 'pg'])('feed on %s', (backend) => {
  let t: TestHub;
  let admin: string;
  let n = 0;
  beforeAll(async () => {
    t = await startTestHub(backend, cluster);
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
  });
  async function newCenter() {
    const r = await t.call('POST', '/api/province/centers', { code: `C${++n}`, name: `Xã số ${n}` }, admin);
    expect(r.status).toBe(201);
    return r.json as { id: string; code: string; name: string; token: string };
  }
  const push = (token: string, b: unknown) => t.call('POST', '/api/province/feed', b, token);
  const hubTicket = async (centerId: string, id: string) =>
    (await t.hub.db.query('SELECT rev, status FROM hub_tickets WHERE center_id = $1 AND id = $2', [centerId, id]))[0];
  const ackOf = async (centerId: string) =>
    (await t.hub.db.query<{ ack_seq: number }>('SELECT ack_seq FROM centers WHERE id = $1', [centerId]))[0]!.ack_seq;

  it('applies a batch, acknowledges it, and a replayed batch changes nothing', async () => {
    const c = await newCenter();
    const b = batch(1, [tk('t1', 1), tk('t1', 2, 'called'), tk('t2', 1)]);
    expect(await push(c.token, b)).toMatchObject({ status: 200, json: { ackSeq: 3, catalogVersion: 0 } });
    expect(await hubTicket(c.id, 't1')).toEqual({ rev: 2, status: 'called' });
    // The same batch again (the center never saw the answer): acknowledged, nothing changes.
    await t.hub.db.query(`UPDATE hub_tickets SET status = 'marker' WHERE center_id = $1 AND id = 't2'`, [c.id]);
    expect(await push(c.token, b)).toMatchObject({ status: 200, json: { ackSeq: 3 } });
    expect(await hubTicket(c.id, 't2')).toEqual({ rev: 1, status: 'marker' });
    // An overlapping batch applies only what is new; an older rev never overwrites a newer one.
    const next = batch(3, [tk('t2', 1), tk('t1', 1, 'waiting'), tk('t3', 1)]);
    expect(await push(c.token, next)).toMatchObject({ status: 200, json: { ackSeq: 5 } });
    expect(await hubTicket(c.id, 't1')).toEqual({ rev: 2, status: 'called' });
    expect(await hubTicket(c.id, 't3')).toEqual({ rev: 1, status: 'waiting' });
    expect(await hubTicket(c.id, 't2')).toEqual({ rev: 1, status: 'marker' });
  });

  it('answers a gap with 409 and the ackSeq to resend from, applying nothing', async () => {
    const c = await newCenter();
    await push(c.token, batch(1, [tk('g1', 1)]));
    const r = await push(c.token, batch(3, [tk('g3', 1)]));
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ error: { code: 'province.feed_gap' }, ackSeq: 1 });
    expect(await hubTicket(c.id, 'g3')).toBeUndefined();
    expect(await push(c.token, batch(2, [tk('g2', 1), tk('g3', 1)]))).toMatchObject({
      status: 200,
      json: { ackSeq: 3 },
    });
  });

  it('applies the same batch pushed many times at once exactly once', async () => {
    const c = await newCenter();
    const ev = (id: string): Omit<FeedItem, 'seq'> => ({
      at: T0,
      kind: 'event',
      data: {
        id,
        at: T0,
        type: 'called',
        ticketId: 'x1',
        counterId: 'k1',
        actorId: 'u1',
        areaId: 'a1',
        businessDay: DAY,
        issuedAt: T0,
        procedureId: null,
      },
    });
    const b = batch(1, [tk('x1', 1), ev('1'), ev('2')]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => push(c.token, b)));
    for (const a of answers) expect(a).toMatchObject({ status: 200, json: { ackSeq: 3 } });
    const [row] = await t.hub.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM hub_events WHERE center_id = $1', [
      c.id,
    ]);
    expect(row!.n).toBe(2);
    expect(await ackOf(c.id)).toBe(3);
  });

  it('applies nothing of a batch that fails half-way (as a hub killed mid-batch)', async () => {
    const c = await newCenter();
    // A database-side failure on the batch's last item: the whole transaction must roll back.
    await t.hub.db.exec(`
      CREATE OR REPLACE FUNCTION hub_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
      DROP TRIGGER IF EXISTS hub_test_boom ON hub_ratings;
      CREATE TRIGGER hub_test_boom BEFORE INSERT ON hub_ratings FOR EACH ROW EXECUTE FUNCTION hub_test_boom();`);
    const rating: Omit<FeedItem, 'seq'> = {
      at: T0,
      kind: 'rating',
      data: {
        id: 'boom',
        ticketId: 'k1',
        at: T0,
        level: 'satisfied',
        areaId: 'a1',
        counterId: null,
        clerkId: null,
        businessDay: DAY,
        issuedAt: T0,
      },
    };
    try {
      const r = await push(c.token, batch(1, [tk('k1', 1), tk('k2', 1), rating]));
      expect(r.status).toBeGreaterThanOrEqual(500);
      expect(await hubTicket(c.id, 'k1')).toBeUndefined();
      expect(await ackOf(c.id)).toBe(0);
    } finally {
      await t.hub.db.exec('DROP TRIGGER hub_test_boom ON hub_ratings; DROP FUNCTION hub_test_boom();');
    }
    expect(await push(c.token, batch(1, [tk('k1', 1), tk('k2', 1), rating]))).toMatchObject({
      status: 200,
      json: { ackSeq: 3 },
    });
  });

  it('records last contact and lag; a heartbeat keeps the link ok; revoked or unknown tokens get 401', async () => {
    const c = await newCenter();
    expect(await push(c.token, batch(1, [], T0 - 50_000))).toMatchObject({ status: 200, json: { ackSeq: 0 } });
    let list = (await t.call('GET', '/api/province/centers', undefined, admin)).json as any[];
    let row = list.find((x) => x.id === c.id);
    expect(row).toMatchObject({ code: c.code, lagSec: 60, lastSeenAt: new Date(t.clock.now()).toISOString() });
    expect(row.live.linkState).toBe('ok');
    t.clock.advance(45_000);
    list = (await t.call('GET', '/api/province/centers', undefined, admin)).json;
    expect(list.find((x) => x.id === c.id).live.linkState).toBe('late');
    t.clock.advance(20_000);
    list = (await t.call('GET', '/api/province/centers', undefined, admin)).json;
    expect(list.find((x) => x.id === c.id).live.linkState).toBe('offline');
    await push(c.token, batch(1, []));
    list = (await t.call('GET', '/api/province/centers', undefined, admin)).json;
    row = list.find((x) => x.id === c.id);
    expect(row).toMatchObject({ lagSec: 0, live: { linkState: 'ok' } });

    expect(await t.call('DELETE', `/api/province/centers/${c.id}/token`, undefined, admin)).toMatchObject({
      status: 200,
    });
    const refused = await push(c.token, batch(1, [tk('r1', 1)]));
    expect(refused).toMatchObject({ status: 401, json: { error: { code: 'province.bad_token' } } });
    expect(await push('nope', batch(1, []))).toMatchObject({ status: 401 });
    expect(await t.call('POST', '/api/province/feed', batch(1, []))).toMatchObject({ status: 401 });
    // A hub user's session is not a center token.
    expect(await push(admin, batch(1, []))).toMatchObject({ status: 401 });
    const renewed = await t.call('POST', `/api/province/centers/${c.id}/token`, undefined, admin);
    expect(renewed.status).toBe(200);
    expect(await push(renewed.json.token, batch(1, [tk('r1', 1)]))).toMatchObject({ status: 200, json: { ackSeq: 1 } });
  });

  it('refuses hostile bodies with 4xx and changes nothing', async () => {
    const c = await newCenter();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const tooMany = batch(
      1,
      Array.from({ length: 1001 }, (_, i) => tk(`m${i}`, 1)),
    );
    const huge = JSON.stringify(batch(1, [tk('h', 1)])).replace('"kiosk"', JSON.stringify('x'.repeat(5 * 1024 * 1024)));
    const bads: [string, string][] = [
      ['junk', 'not json {'],
      ['deep', deep],
      ['array', '[]'],
      ['null', 'null'],
      ['nul char', JSON.stringify(batch(1, [tk('nul\u0000', 1)]))],
      [
        'not contiguous',
        JSON.stringify({
          ...batch(1, [tk('a', 1), tk('b', 1)]),
          items: items(1, [tk('a', 1)]).concat(items(5, [tk('b', 1)])),
        }),
      ],
      ['bad kind', JSON.stringify({ ...batch(1, []), items: [{ seq: 1, at: T0, kind: 'drop', data: {} }] })],
      [
        'bad day',
        JSON.stringify(
          batch(1, [{ at: T0, kind: 'ticket', data: { ...ticket('d', 1), businessDay: "x'; DROP" } as never }]),
        ),
      ],
      ['negative seq', JSON.stringify({ ...batch(1, []), fromSeq: -5 })],
      ['too many', JSON.stringify(tooMany)],
      ['too large', huge],
    ];
    for (const [name, raw] of bads) {
      const r = await t.call('POST', '/api/province/feed', undefined, c.token, raw);
      expect([400, 409, 413, 422], `${name}: ${r.status} ${r.text.slice(0, 200)}`).toContain(r.status);
    }
    expect(await ackOf(c.id)).toBe(0);
    const [row] = await t.hub.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM hub_tickets WHERE center_id = $1', [
      c.id,
    ]);
    expect(row!.n).toBe(0);
    expect((await t.call('GET', '/api/health')).status).toBe(200);
  });
});
