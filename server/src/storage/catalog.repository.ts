import type { Db } from './db.ts';
import type { CatalogRepository } from '../core/store.port.ts';
import type { Area, Counter, Department } from '../core/entities.ts';
import type { CounterStatus } from '../contract/dto.ts';
import type { IssuingHours } from '../contract/settings.schema.ts';
import { bool, int, json } from './row-mapping.ts';

interface AreaRow {
  id: string;
  code: string;
  department_id: string;
  name: string;
  number_start: number;
  number_end: number;
  daily_limit: number | null;
  target_wait_min: number | null;
  hours: string | null;
  open: number;
  active: number;
  sort: number;
  booking_slot_capacity: number;
}
interface CounterRow {
  id: string;
  number: number;
  name: string;
  status: CounterStatus;
  clerk_id: string | null;
  current_ticket_id: string | null;
  active: number;
  updated_at: number;
  /** JSON array of the counter's area ids in their order (AREA_IDS). */
  area_ids: string;
}

type DeptRow = Omit<Department, 'active'> & { active: number };

const toArea = (r: AreaRow): Area => ({
  id: r.id,
  code: r.code,
  departmentId: r.department_id,
  name: r.name,
  numberStart: r.number_start,
  numberEnd: r.number_end,
  dailyLimit: r.daily_limit,
  targetWaitMin: r.target_wait_min,
  hours: json<IssuingHours | null>(r.hours, null),
  open: bool(r.open),
  active: bool(r.active),
  sort: r.sort,
  bookingSlotCapacity: r.booking_slot_capacity,
});

/** A counter's area ids (`c`) in their order, as a JSON array. */
const AREA_IDS =
  '(SELECT json_group_array(area_id ORDER BY position) FROM counter_areas WHERE counter_id = c.id) AS area_ids';

/** Departments, areas and counters: the center's layout, read on every request, written by admins. */
export function createCatalogRepository(db: Db): CatalogRepository {
  const toCounter = (r: CounterRow): Counter => ({
    id: r.id,
    number: r.number,
    name: r.name,
    status: r.status,
    clerkId: r.clerk_id,
    currentTicketId: r.current_ticket_id,
    active: bool(r.active),
    updatedAt: r.updated_at,
    areaIds: JSON.parse(r.area_ids) as string[],
  });
  const deptById = db.prepare<[string], DeptRow>('SELECT * FROM departments WHERE id = ?');
  const depts = db.prepare<[], DeptRow>('SELECT * FROM departments ORDER BY sort, name');
  const areaById = db.prepare<[string], AreaRow>('SELECT * FROM areas WHERE id = ?');
  const areas = db.prepare<[], AreaRow>('SELECT * FROM areas ORDER BY sort, code');
  // Each counter with its areas in one statement (issue 15: one query per counter listed, on every issue, before).
  const counterById = db.prepare<[string], CounterRow>(`SELECT c.*, ${AREA_IDS} FROM counters c WHERE c.id = ?`);
  const counterByClerk = db.prepare<[string], CounterRow>(
    `SELECT c.*, ${AREA_IDS} FROM counters c WHERE c.clerk_id = ?`,
  );
  const counters = db.prepare<[], CounterRow>(`SELECT c.*, ${AREA_IDS} FROM counters c ORDER BY c.number`);
  const countersForArea = db.prepare<[string], CounterRow>(
    `SELECT c.*, ${AREA_IDS} FROM counters c JOIN counter_areas ca ON ca.counter_id = c.id WHERE ca.area_id = ? ORDER BY c.number`,
  );
  // The counters of an area counted, not read: what areaServed and the estimate need (issue 15: reading them with
  // their areas was ≈ 5 % of an issue's CPU). `active` is 0/1, so SUM counts.
  const areaCounterCounts = db.prepare<[string], { active: number; open: number }>(
    `SELECT COALESCE(SUM(c.active), 0) AS active, COALESCE(SUM(c.active AND c.status = 'open'), 0) AS open
    FROM counter_areas ca JOIN counters c ON c.id = ca.counter_id WHERE ca.area_id = ?`,
  );
  // Positional: cheaper to bind than by name from the whole counter object (issue 15).
  const updCounter = db.prepare<[string, string | null, string | null, number, string]>(
    'UPDATE counters SET status = ?, clerk_id = ?, current_ticket_id = ?, updated_at = ? WHERE id = ?',
  );
  const mapDept = (d: DeptRow): Department => ({
    id: d.id,
    code: d.code,
    name: d.name,
    sort: d.sort,
    active: bool(d.active),
  });

  return {
    department: (id: string) => {
      const d = deptById.get(id);
      return d && mapDept(d);
    },
    departments: (): Department[] => depts.all().map(mapDept),
    insertDepartment: (d: Department) =>
      db
        .prepare('INSERT INTO departments (id, code, name, sort, active) VALUES (?, ?, ?, ?, ?)')
        .run(d.id, d.code, d.name, d.sort, int(d.active)),
    updateDepartment: (d: Department) =>
      db
        .prepare('UPDATE departments SET code = ?, name = ?, sort = ?, active = ? WHERE id = ?')
        .run(d.code, d.name, d.sort, int(d.active), d.id),
    area: (id: string) => {
      const r = areaById.get(id);
      return r && toArea(r);
    },
    areas: (): Area[] => areas.all().map(toArea),
    // The booking capacity is not part of the layout an import or PUT writes: setBookingSlotCapacity sets it.
    upsertArea(a: Omit<Area, 'bookingSlotCapacity'>): void {
      db.prepare(
        `INSERT INTO areas (id, code, department_id, name, number_start, number_end, daily_limit, target_wait_min, hours, open, active, sort)
        VALUES (@id, @code, @departmentId, @name, @numberStart, @numberEnd, @dailyLimit, @targetWaitMin, @hours, @open, @active, @sort)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, department_id = excluded.department_id, name = excluded.name,
          number_start = excluded.number_start, number_end = excluded.number_end, daily_limit = excluded.daily_limit,
          target_wait_min = excluded.target_wait_min, hours = excluded.hours, open = excluded.open, active = excluded.active, sort = excluded.sort`,
      ).run({
        id: a.id,
        code: a.code,
        departmentId: a.departmentId,
        name: a.name,
        numberStart: a.numberStart,
        numberEnd: a.numberEnd,
        dailyLimit: a.dailyLimit,
        targetWaitMin: a.targetWaitMin,
        sort: a.sort,
        hours: a.hours ? JSON.stringify(a.hours) : null,
        open: int(a.open),
        active: int(a.active),
      });
    },
    setBookingSlotCapacity(areaId: string, capacity: number): void {
      db.prepare('UPDATE areas SET booking_slot_capacity = ? WHERE id = ?').run(capacity, areaId);
    },
    counter: (id: string) => {
      const r = counterById.get(id);
      return r && toCounter(r);
    },
    counterOfClerk: (clerkId: string) => {
      const r = counterByClerk.get(clerkId);
      return r && toCounter(r);
    },
    counters: (): Counter[] => counters.all().map(toCounter),
    countersForArea: (areaId: string): Counter[] => countersForArea.all(areaId).map(toCounter),
    areaCounterCounts: (areaId: string) => areaCounterCounts.get(areaId)!,
    saveCounterState: (c: Pick<Counter, 'id' | 'status' | 'clerkId' | 'currentTicketId' | 'updatedAt'>) =>
      updCounter.run(c.status, c.clerkId, c.currentTicketId, c.updatedAt, c.id),
    upsertCounter(c: Pick<Counter, 'id' | 'number' | 'name' | 'active' | 'areaIds' | 'updatedAt'>): void {
      db.prepare(
        `INSERT INTO counters (id, number, name, status, active, updated_at) VALUES (@id, @number, @name, 'closed', @active, @updatedAt)
        ON CONFLICT (id) DO UPDATE SET number = excluded.number, name = excluded.name, active = excluded.active, updated_at = excluded.updated_at`,
      ).run({ ...c, active: int(c.active) });
      db.prepare('DELETE FROM counter_areas WHERE counter_id = ?').run(c.id);
      const ins = db.prepare('INSERT INTO counter_areas (counter_id, area_id, position) VALUES (?, ?, ?)');
      c.areaIds.forEach((a, i) => ins.run(c.id, a, i));
    },
  };
}
