import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, bookingCenter, IDS } from '../testing/booking.testing.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * POST /api/tickets under group commit (core/unit-of-work.group.ts): requests started together share one COMMIT,
 * yet each is answered as if it had run alone — numbers, idempotency, limits and check-in hold.
 */
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const DAY = '2026-11-26';

/** Counts the outer transactions (COMMITs) while `fn` runs: the proof that requests were grouped. */
async function commitsDuring<T>(fn: () => Promise<T>): Promise<{ value: T; commits: number }> {
  const store = t.server.services.deps.store;
  const real = store.tx;
  let commits = 0;
  store.tx = <R>(body: () => R): R => {
    if (!t.server.db.inTransaction) commits++;
    return real(body);
  };
  try {
    return { value: await fn(), commits };
  } finally {
    store.tx = real;
  }
}

async function kiosks(n: number) {
  return Promise.all(Array.from({ length: n }, () => t.createDevice('kiosk')));
}

describe('group commit of POST /api/tickets', () => {
  it('40 concurrent tickets from 8 kiosks: 40 distinct consecutive numbers, every answer committed', async () => {
    const ks = await kiosks(8);
    const area = (await t.areas()).find((a) => a.code === 'XDGT');
    const { value: answers, commits } = await commitsDuring(() =>
      Promise.all(
        Array.from({ length: 40 }, (_, i) => t.call('POST', '/api/tickets', { areaId: area.id }, ks[i % 8]!.token)),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    expect(commits).toBeLessThan(40); // grouped: fewer COMMITs than tickets
    const ids = new Set(answers.map((a) => a.body.id as string));
    expect(ids.size).toBe(40);
    const numbers = answers.map((a) => Number(a.body.number)).sort((x, y) => x - y);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    for (const a of answers) {
      const row = t.server.services.deps.store.tickets.get(a.body.id);
      expect(row?.number).toBe(a.body.number);
    }
  });

  it('the same idempotency key twice at once: one ticket, the second answered 200 with it', async () => {
    const [k] = await kiosks(1);
    const area = (await t.areas()).find((a) => a.code === 'XDGT');
    const body = { areaId: area.id, idempotencyKey: 'same-key-1' };
    const [a, b] = await Promise.all([
      t.call('POST', '/api/tickets', body, k!.token),
      t.call('POST', '/api/tickets', body, k!.token),
    ]);
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(b.body.id).toBe(a.body.id);
    const n = t.server.db.prepare('SELECT COUNT(*) AS n FROM tickets WHERE idempotency_key = ?').get('same-key-1');
    expect(n).toEqual({ n: 1 });
  });

  it('daily limit race: 3 numbers left, 8 requests at once → exactly 3 issued, 5 refused, nothing partial', async () => {
    const ks = await kiosks(8);
    const area = (await t.areas()).find((a) => a.code === 'XDGT');
    t.server.db.prepare('UPDATE areas SET daily_limit = 3 WHERE id = ?').run(area.id);
    const answers = await Promise.all(ks.map((k) => t.call('POST', '/api/tickets', { areaId: area.id }, k.token)));
    const issued = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 409);
    expect(issued).toHaveLength(3);
    expect(refused.map((a) => a.body.error.code)).toEqual(Array(5).fill('area.daily_limit_reached'));
    const rows = t.server.db.prepare('SELECT id FROM tickets WHERE issued_area_id = ?').all(area.id) as {
      id: string;
    }[];
    expect(rows.map((r) => r.id).sort()).toEqual(issued.map((a) => a.body.id as string).sort());
  });

  it('citizen limit race: the same ID card twice at once in one area → one ticket, one refusal', async () => {
    const b = await bookingCenter(t);
    const lltp = b.area('LLTP').id;
    const [k2] = await kiosks(1);
    const answers = await Promise.all([
      t.call('POST', '/api/tickets', { areaId: lltp, citizenId: IDS.other }, b.kiosk.token),
      t.call('POST', '/api/tickets', { areaId: lltp, citizenId: IDS.other }, k2!.token),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const n = t.server.db.prepare('SELECT COUNT(*) AS n FROM tickets WHERE issued_area_id = ?').get(lltp);
    expect(n).toEqual({ n: 1 });
  });

  it('disk full in a batch: each answer is 201 (its ticket on disk) or 503, never 500; then issuing resumes', async () => {
    const ks = await kiosks(8);
    const area = (await t.areas()).find((a) => a.code === 'XDGT');
    const db = t.server.db;
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    const limit = db.pragma('max_page_count', { simple: true }) as number;
    db.exec('VACUUM'); // no free pages left: the next page a write needs is one the "disk" does not have
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const before = count();
    // Writes that fit in pages already there succeed: some of the batch may, the rest meet SQLITE_FULL.
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.call('POST', '/api/tickets', { areaId: area.id }, ks[i % 8]!.token)),
    );
    const issued = answers.filter((a) => a.status === 201);
    const full = answers.filter((a) => a.status === 503);
    expect(issued.length + full.length).toBe(40);
    expect(full.length).toBeGreaterThan(0);
    for (const a of full) expect(a.body.error.code).toBe('server.storage_unavailable');
    expect(count()).toBe(before + issued.length);
    for (const a of issued) expect(t.server.services.deps.store.tickets.get(a.body.id)?.number).toBe(a.body.number);
    db.pragma(`max_page_count = ${limit}`);
    const again = await Promise.all(ks.map((k) => t.call('POST', '/api/tickets', { areaId: area.id }, k.token)));
    expect(again.map((a) => a.status)).toEqual(Array(8).fill(201));
  });

  it('one booking code checked in twice at once → one appointment ticket, both answered with it', async () => {
    const b = await bookingCenter(t);
    const htct = b.area('HTCT').id;
    const code = (
      await t.call('POST', '/api/public/bookings', { areaId: htct, start: at(DAY, '08:30'), citizenId: IDS.adult })
    ).body.code as string;
    b.clock.set('2026-11-26T08:31:00+07:00');
    const [k2] = await kiosks(1);
    const [x, y] = await Promise.all([
      t.call('POST', '/api/tickets', { bookingCode: code }, b.kiosk.token),
      t.call('POST', '/api/tickets', { bookingCode: code }, k2!.token),
    ]);
    expect([x.status, y.status]).toEqual([201, 200]);
    expect(y.body.id).toBe(x.body.id);
    expect(x.body.channel).toBe('appointment');
    const n = t.server.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE channel = 'appointment'").get();
    expect(n).toEqual({ n: 1 });
  });
});
