import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './storage/migrations.ts';
import { startPgCluster, type PgCluster } from './testing/pg.cluster.testing.ts';
import { freshDatabase, startTestHub, type Backend, type TestHub } from './testing/hub.testing.ts';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  await cluster?.destroy();
});

describe.each<Backend>(['pglite', 'pg'])('hub on %s', (backend) => {
  it('answers health, applies its migrations once, and a second run changes nothing', async () => {
    const t = await startTestHub(backend, cluster);
    try {
      const h = await t.call('GET', '/api/health');
      expect(h).toMatchObject({ status: 200, json: { ok: true } });
      const applied = await t.hub.db.query<{ name: string }>('SELECT name FROM province_migrations ORDER BY name');
      expect(applied.map((r) => r.name)).toEqual(['0001_hub.sql', '0002_report_days.sql', '0003_report_months.sql']);
      expect(await migrate(t.hub.db)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

async function until(t: TestHub, status: number) {
  for (let i = 0; i < 200; i++) {
    const r = await t.call('GET', '/api/health');
    if (r.status === status) return r;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`health never answered ${status}`);
}

describe('hub on a PostgreSQL server that goes away', () => {
  it('answers 503 while PostgreSQL is stopped, stays up, and is back to 200 after its restart', async () => {
    const t = await startTestHub('pg', cluster);
    try {
      const admin = await t.adminToken();
      const c = (await t.call('POST', '/api/province/centers', { code: 'DOWN1', name: 'Xã' }, admin)).json;
      expect((await t.call('GET', '/api/health')).status).toBe(200);
      await cluster.stop();
      const down = await t.call('GET', '/api/health');
      expect(down).toMatchObject({ status: 503, json: { ok: false } });
      expect(typeof down.json.reason).toBe('string');
      const feed = await t.call(
        'POST',
        '/api/province/feed',
        { center: { sentAt: 1, oldestPendingAt: null }, fromSeq: 1, items: [] },
        c.token,
      );
      expect(feed.status).toBe(503);
      expect((await t.call('GET', '/api/province/centers', undefined, admin)).status).toBe(503);
      await cluster.restart();
      await until(t, 200);
      expect((await t.call('GET', '/api/province/centers', undefined, admin)).status).toBe(200);
      const again = await t.call(
        'POST',
        '/api/province/feed',
        { center: { sentAt: 1, oldestPendingAt: null }, fromSeq: 1, items: [] },
        c.token,
      );
      expect(again).toMatchObject({ status: 200, json: { ackSeq: 0 } });
    } finally {
      await t.close();
    }
  });

  it('starts while PostgreSQL is down, answers 503, and gets ready by itself once it is up', async () => {
    const url = await freshDatabase(cluster);
    await cluster.stop();
    let t: TestHub | null = null;
    try {
      t = await startTestHub('pg', cluster, { databaseUrl: url });
      expect(await t.call('GET', '/api/health')).toMatchObject({ status: 503, json: { ok: false } });
      expect((await t.call('POST', '/api/auth/login', { username: 'admin', password: 'x' })).status).toBe(503);
      await cluster.restart();
      await until(t, 200);
      expect((await t.call('GET', '/api/province/centers', undefined, await t.adminToken())).status).toBe(200);
    } finally {
      if (cluster.pid() === null) await cluster.restart();
      await t?.close();
    }
  });
});
