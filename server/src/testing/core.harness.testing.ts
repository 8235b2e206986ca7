import { readFileSync } from 'node:fs';
import { seedCenter } from '../core/catalog/seed.ts';
import { ManualClock } from '../core/clock.ts';
import type { Actor } from '../core/entities.ts';
import { newId } from '../core/ids.ts';
import { createUnitOfWork, type Deps, type DomainEvent } from '../core/ports.ts';
import { createSettingsService } from '../core/settings/settings.service.ts';
import { openDatabase } from '../storage/db.ts';
import { createStore } from '../storage/store.ts';

/** The real store on an in-memory SQLite with the real migrations and the demo center; events captured. */
export function coreHarness(start = '2026-11-26T08:00:00+07:00') {
  const db = openDatabase(':memory:');
  const store = createStore(db);
  const clock = new ManualClock(Date.parse(start));
  seedCenter(store, clock, JSON.parse(readFileSync(new URL('../seed/demo-center.json', import.meta.url), 'utf8')));
  const settings = createSettingsService(store, clock);
  const deps: Deps = { store, clock, settings };
  const events: DomainEvent[] = [];
  const run = createUnitOfWork(deps, { publish: (e) => events.push(...e) });
  const area = (code: string) => store.catalog.areas().find((a) => a.code === code)!;
  const counter = (n: number) => store.catalog.counters().find((c) => c.number === n)!;
  const kiosk: Actor = {
    kind: 'device',
    id: 'kiosk-1',
    deviceKind: 'kiosk',
    counterId: null,
    kioskId: null,
    printer: null,
    name: 'Ki-ốt 1',
  };
  function clerk(username: string, role: 'clerk' | 'supervisor' = 'clerk'): Actor {
    const id = newId(8);
    store.accounts.insertUser({
      id,
      username,
      displayName: username,
      role,
      passwordHash: 'x',
      active: true,
      createdAt: clock.now(),
    });
    return { kind: 'user', id, role, username, displayName: username };
  }
  return { db, store, clock, settings, deps, events, run, area, counter, kiosk, clerk };
}
