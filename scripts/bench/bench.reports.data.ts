import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { seedCenter, seedProcedures } from '../../server/src/core/catalog/seed.ts';
import { createSettingsService } from '../../server/src/core/settings/settings.service.ts';
import type { Db } from '../../server/src/storage/db.ts';
import { createStore } from '../../server/src/storage/store.ts';
import { addDays } from '../../server/src/core/time/zoned-time.ts';

/**
 * A year of a busy center (~`total` tickets over 250 working days, their call/finish/transfer events, 40 % rated,
 * procedures and channels) inserted straight into SQLite (the fastest way; the triggers of migration 0008 mark every
 * day stale, so the aggregates are still to be rebuilt). Deterministic (fixed seed), so runs compare.
 */
export function generateYear(db: Db, total: number) {
  const store = createStore(db);
  const clock = { now: () => Date.parse('2026-01-01T08:00:00+07:00') };
  seedCenter(
    store,
    clock,
    JSON.parse(readFileSync(new URL('../../server/src/seed/demo-center.json', import.meta.url), 'utf8')),
  );
  seedProcedures(
    store,
    clock,
    JSON.parse(readFileSync(new URL('../../server/src/seed/demo-procedures.json', import.meta.url), 'utf8')),
  );
  const settings = createSettingsService(store, clock);
  const areas = store.catalog.areas();
  const procsOf = new Map(areas.map((a) => [a.id, store.procedures.all().filter((p) => p.areaId === a.id)]));
  const CHANNELS = ['kiosk', 'kiosk', 'kiosk', 'staff', 'remote', 'appointment'];
  const counters = store.catalog.counters();
  const clerks = counters.map((c, i) => {
    const id = `clerk${i}`;
    store.accounts.insertUser({
      id,
      username: `canbo${i}`,
      displayName: `Cán bộ ${i}`,
      role: 'clerk',
      passwordHash: 'x',
      active: true,
      createdAt: 0,
    });
    return id;
  });
  const days: string[] = [];
  for (let d = '2026-01-02'; days.length < 250; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d);
  }
  const perDay = Math.ceil(total / days.length);
  const t0 = performance.now();
  db.pragma('synchronous = OFF'); // generation only: the timed reads below do not depend on it
  const insT =
    db.prepare(`INSERT INTO tickets (id, number, seq, business_day, issued_area_id, area_id, priority, status, issued_at, first_called_at, called_at, finished_at, counter_id, clerk_id, issuer_kind, issuer_id, issue_seq, procedure_id, channel, transfers)
    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 'kiosk', 'k', ?, ?, ?, ?)`);
  const insE = db.prepare(
    `INSERT INTO ticket_events (at, business_day, ticket_id, type, counter_id, area_id, actor_kind, actor_id) VALUES (?, ?, ?, ?, ?, ?, 'user', ?)`,
  );
  const insR = db.prepare(
    `INSERT INTO ratings (id, ticket_id, level, reasons, counter_id, clerk_id, area_id, at, business_day) VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  let rnd = 42;
  const rand = () => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  db.transaction(() => {
    for (const day of days) {
      const open = Date.parse(`${day}T07:30:00+07:00`);
      for (let i = 0; i < perDay && n < total; i++, n++) {
        const ci = Math.floor(rand() * counters.length);
        const c = counters[ci]!;
        const areaId = c.areaIds[0] ?? areas[0]!.id;
        const issued = open + Math.floor(rand() * 8 * 3600_000);
        const called = issued + Math.floor(rand() * 40 * 60_000);
        const finished = called + Math.floor(60_000 + rand() * 15 * 60_000);
        const status = rand() < 0.06 ? 'no_show' : rand() < 0.01 ? 'expired' : 'done';
        const id = `t${n}`;
        const procs = procsOf.get(areaId) ?? [];
        const proc = procs.length && rand() < 0.7 ? procs[Math.floor(rand() * procs.length)]!.id : null;
        const transferred = status === 'done' && rand() < 0.03;
        insT.run(
          id,
          String(1000 + i),
          1000 + i,
          day,
          areaId,
          areaId,
          status,
          issued,
          status === 'expired' ? null : called,
          status === 'expired' ? null : called,
          status === 'expired' ? null : finished,
          c.id,
          clerks[ci]!,
          n + 1,
          proc,
          CHANNELS[Math.floor(rand() * CHANNELS.length)]!,
          transferred ? 1 : 0,
        );
        if (transferred) insE.run(called - 120_000, day, id, 'transferred', c.id, areaId, clerks[ci]!);
        if (status !== 'expired') {
          insE.run(called, day, id, 'called', c.id, areaId, clerks[ci]!);
          insE.run(finished, day, id, status === 'done' ? 'finished' : 'no_show', c.id, areaId, clerks[ci]!);
        }
        if (status === 'done' && rand() < 0.4)
          insR.run(
            `r${n}`,
            id,
            rand() < 0.7 ? 'very_satisfied' : rand() < 0.8 ? 'satisfied' : 'unsatisfied',
            c.id,
            clerks[ci]!,
            areaId,
            finished + 20_000,
            day,
          );
      }
    }
  })();
  return {
    store,
    clock,
    settings,
    areas,
    counters,
    clerks,
    days,
    tickets: n,
    rand,
    genSec: (performance.now() - t0) / 1000,
  };
}
