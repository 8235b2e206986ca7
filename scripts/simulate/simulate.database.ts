import { existsSync, readFileSync } from 'node:fs';
import type { ServerConfig } from '../../server/src/config.ts';
import { createFirstAdmin, createUser } from '../../server/src/core/accounts/accounts.usecases.ts';
import { randomPassword } from '../../server/src/core/accounts/password.ts';
import { seedCenter } from '../../server/src/core/catalog/seed.ts';
import { SYSTEM } from '../../server/src/core/entities.ts';
import type { Deps } from '../../server/src/core/ports.ts';
import { lockExclusively, RestoreRefusedError } from '../../server/src/storage/backup.ts';
import { migrate, openDatabase, type Db } from '../../server/src/storage/db.ts';
import type { SimCounter } from './simulate.plan.ts';

export const SIMULATE_IN_USE_VI =
  'Không mô phỏng: cơ sở dữ liệu đang được sử dụng (máy chủ hoặc một lệnh khác đang chạy trên DATA_DIR này). ' +
  'Hãy dừng máy chủ trước (sudo systemctl stop hcc-queue, hoặc Ctrl+C), rồi chạy lại lệnh. Không có gì bị thay đổi. ' +
  '(Refused: the database is in use; stop the server first. Nothing was changed.)';

/** The simulation refused before it changed anything. */
export class SimulateRefusedError extends Error {
  override readonly name = 'SimulateRefusedError';
}

/**
 * The center's database, as the server opens it (WAL, migrations), but held with an exclusive lock for the whole
 * run: refused while a server has it open (the same lock `restoreBackup` takes), and a server started meanwhile
 * cannot open it until the simulation is done.
 */
export function openForSimulation(dbFile: string): Db {
  if (!existsSync(dbFile)) openDatabase(dbFile).close();
  let db: Db | null;
  try {
    db = lockExclusively(dbFile, SIMULATE_IN_USE_VI);
  } catch (e) {
    if (e instanceof RestoreRefusedError) throw new SimulateRefusedError(e.message);
    throw e;
  }
  if (!db)
    throw new SimulateRefusedError(
      `Không mô phỏng: không đọc được cơ sở dữ liệu ${dbFile}. (Refused: the database cannot be read.)`,
    );
  db.pragma('journal_mode = WAL');
  // Each simulated day is one transaction (about 300 commits for a year), so FULL costs nothing measurable:
  // synchronous=OFF was measured no faster and is not needed.
  db.pragma('synchronous = FULL');
  // Inside the day's transaction every write that fires a trigger keeps a statement journal (the pages it changes,
  // to undo that statement alone), spilled to a temp file past 64 KiB: ~200 writes of 4 KiB a ticket, measured with
  // one savepoint per use case. In memory they cost nothing; they hold nothing durable (a crash mid-day loses the
  // uncommitted day either way), so the history written is the same byte for byte. The server's settings are untouched.
  db.pragma('temp_store = MEMORY');
  // A year's tickets, events and ratings are indexed by random ids: with SQLite's default 2 MiB page cache nearly every
  // write reads its index pages back from the OS. Those indexes reach ~120 MiB in a year of 600,000 tickets; 256 MiB
  // keeps them and the day being written (taken only as used); a cache holds nothing durable either.
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

const DEMO_SEED = new URL('../../server/src/seed/demo-center.json', import.meta.url);

/**
 * What the server does on its first start (server.ts): a database without users gets the demo center (unless
 * SEED=none) and the `admin` user (ADMIN_PASSWORD, or a random password returned to be printed once). Done here
 * too, so the simulated clerks do not make a later server start believe it is not the first.
 */
export async function firstStart(
  deps: Deps,
  config: Pick<ServerConfig, 'seed' | 'adminPassword'>,
): Promise<{ adminPassword: string | null }> {
  const { store, clock } = deps;
  if (store.accounts.users().length > 0) return { adminPassword: null };
  if (config.seed === 'demo' && store.catalog.areas().length === 0)
    seedCenter(store, clock, JSON.parse(readFileSync(DEMO_SEED, 'utf8')));
  const adminPassword = config.adminPassword ?? randomPassword();
  await createFirstAdmin(deps, adminPassword);
  return { adminPassword };
}

/** Named by the counter's number, so a second run finds the same clerk at the same counter. */
export const clerkUsername = (counterNumber: number) => `mo-phong-${String(counterNumber).padStart(2, '0')}`;

/**
 * One simulated clerk for each counter nobody holds now (`mo-phong-01`, … with a random password nobody knows;
 * created only when absent). A counter a real clerk holds is left alone.
 */
export async function simulatedCounters(deps: Deps): Promise<{ counters: SimCounter[]; created: number }> {
  const { store } = deps;
  const free = store.catalog
    .counters()
    .filter((c) => c.active && c.status === 'closed' && !c.clerkId && !c.currentTicketId)
    .sort((a, b) => a.number - b.number);
  const out: SimCounter[] = [];
  let created = 0;
  for (const counter of free) {
    const username = clerkUsername(counter.number);
    let user = store.accounts.userByUsername(username);
    if (!user) {
      const n = String(counter.number).padStart(2, '0');
      user = await createUser(deps, {
        username,
        password: randomPassword(),
        displayName: `Cán bộ mô phỏng ${n}`,
        role: 'clerk',
        actor: SYSTEM,
      });
      created++;
    }
    if (!user.active || user.role !== 'clerk' || store.catalog.counterOfClerk(user.id)) continue;
    out.push({
      counter,
      clerk: { kind: 'user', id: user.id, role: 'clerk', username: user.username, displayName: user.displayName },
      pad: {
        kind: 'device',
        id: `mo-phong-danh-gia-${counter.number}`,
        deviceKind: 'rating',
        counterId: counter.id,
        kioskId: null,
        printer: null,
        name: `Máy đánh giá quầy ${counter.number} (mô phỏng)`,
      },
    });
  }
  return { counters: out, created };
}
