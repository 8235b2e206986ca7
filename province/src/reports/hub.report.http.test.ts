import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRow } from '../../../server/src/contract/dto.ts';
import { ManualClock } from '../../../server/src/core/clock.ts';
import { startTestServer, type TestServer } from '../../../server/src/testing/server.testing.ts';
import { batches, centerFeedItems } from '../testing/center.feed.testing.ts';
import { startPgCluster, type PgCluster } from '../testing/pg.cluster.testing.ts';
import { startTestHub, type Backend, type TestHub } from '../testing/hub.testing.ts';

/**
 * The province report for a center equals the center's own report for the same facts: a real center runs a
 * morning (issue, call, serve, no-show, transfer, rate), its SQLite is fed to the hub through the wire
 * protocol, and the two reports are compared row by row.
 */
let cluster: PgCluster;
let center: TestServer;
const DAY = '2026-11-26';

async function runMorning(t: TestServer, clock: ManualClock) {
  const kiosk = await t.createDevice('kiosk');
  const an = await t.createClerk('an');
  const binh = await t.createClerk('binh');
  const counters = await t.counters();
  const c1 = counters.find((c) => c.number === 1)!;
  const c2 = counters.find((c) => c.number === 2)!;
  const pad = await t.createDevice('rating', { counterId: c1.id });
  await t.call('POST', `/api/counters/${c1.id}/open`, undefined, an.token);
  await t.call('POST', `/api/counters/${c2.id}/open`, undefined, binh.token);
  const procs = (await t.call('GET', '/api/procedures?limit=200', undefined, t.adminToken)).body;
  const list = (Array.isArray(procs) ? procs : (procs.items ?? procs.rows ?? [])) as { id: string; areaId: string }[];
  const proc = list.find((p) => p.areaId === c1.areaIds[0]);
  for (let i = 0; i < 8; i++) {
    const body = i % 3 === 0 && proc ? { procedureId: proc.id } : { areaId: c1.areaIds[0] };
    expect((await t.call('POST', '/api/tickets', body, kiosk.token)).status).toBe(201);
    clock.advance(40_000);
  }
  for (let i = 0; i < 5; i++) {
    expect((await t.call('POST', '/api/tickets', { areaId: c2.areaIds[0] }, kiosk.token)).status).toBe(201);
    clock.advance(30_000);
  }
  for (let i = 0; i < 7; i++) {
    clock.advance(90_000 + i * 17_000);
    const r = await t.call('POST', `/api/counters/${c1.id}/call-next`, undefined, an.token);
    const ticket = r.body.ticket;
    if (!ticket) break;
    clock.advance(120_000 + i * 5_000);
    if (i === 2) {
      await t.call('POST', `/api/counters/${c1.id}/no-show`, undefined, an.token);
    } else if (i === 4) {
      await t.call('POST', `/api/counters/${c1.id}/transfer`, { areaId: c2.areaIds[0] }, an.token);
    } else {
      await t.call('POST', `/api/counters/${c1.id}/finish`, undefined, an.token);
      const level = i % 2 === 0 ? 'very_satisfied' : 'unsatisfied';
      await t.call('POST', '/api/ratings', { ticketId: ticket.id, level }, pad.token);
    }
  }
  for (let i = 0; i < 4; i++) {
    clock.advance(60_000);
    const r = await t.call('POST', `/api/counters/${c2.id}/call-next`, undefined, binh.token);
    if (!r.body.ticket) break;
    clock.advance(200_000);
    await t.call('POST', `/api/counters/${c2.id}/finish`, undefined, binh.token);
  }
}

beforeAll(async () => {
  const clock = new ManualClock(Date.parse(`${DAY}T08:00:00+07:00`));
  [cluster, center] = await Promise.all([startPgCluster(), startTestServer({ clock })]);
  await runMorning(center, clock);
});
afterAll(async () => {
  await center?.close();
  await cluster?.destroy();
});

const centerReport = async (groupBy: string) =>
  (
    await center.call(
      'GET',
      `/api/reports/summary?from=${DAY}&to=${DAY}&groupBy=${groupBy}`,
      undefined,
      center.adminToken,
    )
  ).body as { rows: ReportRow[]; totals: ReportRow };

describe.each<Backend>(['pglite', 'pg'])('province reports on %s', (backend) => {
  let t: TestHub;
  let admin: string;
  const hubReport = async (groupBy: string, extra = '') =>
    t.call('GET', `/api/province/reports/summary?from=${DAY}&to=${DAY}&groupBy=${groupBy}${extra}`, undefined, admin);

  beforeAll(async () => {
    t = await startTestHub(backend, cluster);
    admin = await t.adminToken();
    // The same center's facts as two centers of the province: area/procedure rows sum over both.
    for (const code of ['XA1', 'XA2']) {
      const c = (await t.call('POST', '/api/province/centers', { code, name: `Xã ${code}` }, admin)).json;
      for (const b of batches(centerFeedItems(center.server.db, center.clock.now()), 1, 7, center.clock.now()))
        expect((await t.call('POST', '/api/province/feed', b, c.token)).status).toBe(200);
      if (code === 'XA1') {
        const r = await hubReport('area');
        expect(r.status).toBe(200);
        const own = await centerReport('area');
        expect(own.rows.some((x) => x.issued > 0)).toBe(true);
        // The morning really has every kind of fact, so equality proves each definition.
        expect(own.totals).toMatchObject({ noShow: 1, transferred: 1 });
        expect(own.totals.ratedCount).toBeGreaterThan(1);
        expect(own.totals.served).toBeGreaterThan(3);
        expect((await centerReport('procedure')).rows.length).toBeGreaterThan(1);
        expect(r.json.rows).toEqual(own.rows);
        expect(r.json.totals).toEqual(own.totals);
        for (const g of ['procedure', 'clerk']) {
          const hub = (await hubReport(g)).json;
          const mine = await centerReport(g);
          // Same rows; the order is the hub's own (by code, not by the center's internal ids).
          const byKey = (rows: ReportRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
          const expected = mine.rows.map((row) => (g === 'clerk' ? { ...row, key: `XA1/${row.key}` } : row));
          expect(byKey(hub.rows)).toEqual(byKey(expected));
          expect(hub.totals).toEqual(mine.totals);
        }
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('groups by center: each center row is that center’s own total', async () => {
    const own = await centerReport('area');
    const r = (await hubReport('center')).json;
    expect(r.rows.map((x: ReportRow) => x.key)).toEqual(['XA1', 'XA2']);
    for (const row of r.rows) expect(row).toEqual({ ...own.totals, key: row.key, label: `Xã ${row.key}` });
    expect(r.totals.issued).toBe(own.totals.issued * 2);
  });

  it('sums areas and procedures by code over centers and keeps clerks per center', async () => {
    const own = await centerReport('area');
    const r = (await hubReport('area')).json;
    expect(r.rows.map((x: ReportRow) => [x.key, x.issued, x.served, x.medianWaitSec])).toEqual(
      own.rows.map((x) => [x.key, x.issued * 2, x.served * 2, x.medianWaitSec]),
    );
    const clerks = (await hubReport('clerk')).json.rows.map((x: ReportRow) => x.key);
    expect(clerks).toEqual(expect.arrayContaining(['XA1/an', 'XA1/binh', 'XA2/an', 'XA2/binh']));
  });

  it('serves CSV and XLSX with the center’s writers, and the center list shows today’s figures', async () => {
    const csv = await hubReport('center', '&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[1]).toMatch(/^XA1,/);
    const xlsx = await fetch(`${t.url}/api/province/reports/summary?from=${DAY}&groupBy=area&format=xlsx`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    t.clock.set(center.clock.now());
    const own = await centerReport('area');
    const tiles = (await t.call('GET', '/api/province/centers', undefined, admin)).json;
    const waiting = (
      center.server.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'`).get() as { n: number }
    ).n;
    expect(tiles[0]).toMatchObject({
      code: 'XA1',
      today: {
        issued: own.totals.issued,
        served: own.totals.served,
        noShow: own.totals.noShow,
        waiting,
        avgWaitSec: own.totals.avgWaitSec,
        satisfiedShare: own.totals.satisfiedShare,
      },
    });
  });
});
