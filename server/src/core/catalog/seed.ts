import { z } from 'zod';
import { centerSettingsSchema } from '../../contract/settings.schema.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { StorePort } from '../store.port.ts';

/** The shape of demo-center.json (and of a center's own seed file). */
export const seedSchema = z.object({
  center: z.record(z.string(), z.unknown()),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  areas: z.array(
    z.object({
      code: z.string(),
      department: z.string(),
      name: z.string(),
      numberStart: z.number().int(),
      numberEnd: z.number().int(),
      dailyLimit: z.number().int().nullish(),
      targetWaitMinutes: z.number().int().nullish(),
    }),
  ),
  counters: z.array(z.object({ number: z.number().int(), name: z.string(), areas: z.array(z.string()) })),
});

export type SeedData = z.infer<typeof seedSchema>;

/** Creates departments, areas, counters and settings from a seed document, in one transaction. */
export function seedCenter(
  store: StorePort,
  clock: Clock,
  raw: unknown,
): { departments: number; areas: number; counters: number } {
  const seed = seedSchema.parse(raw);
  const now = clock.now();
  store.tx(() => {
    store.settings.put('center', centerSettingsSchema.parse(seed.center), now);
    const deptIds = new Map<string, string>();
    seed.departments.forEach((d, i) => {
      const id = newId(9);
      deptIds.set(d.code, id);
      store.catalog.insertDepartment({ id, code: d.code, name: d.name, sort: i, active: true });
    });
    const areaIds = new Map<string, string>();
    seed.areas.forEach((a, i) => {
      const departmentId = deptIds.get(a.department);
      if (!departmentId) throw new Error(`seed: area ${a.code} names unknown department ${a.department}`);
      const id = newId(9);
      areaIds.set(a.code, id);
      store.catalog.upsertArea({
        id,
        code: a.code,
        departmentId,
        name: a.name,
        numberStart: a.numberStart,
        numberEnd: a.numberEnd,
        dailyLimit: a.dailyLimit ?? null,
        targetWaitMin: a.targetWaitMinutes ?? null,
        hours: null,
        open: true,
        active: true,
        sort: i,
      });
    });
    for (const c of seed.counters) {
      const ids = c.areas.map((code) => {
        const id = areaIds.get(code);
        if (!id) throw new Error(`seed: counter ${c.number} names unknown area ${code}`);
        return id;
      });
      store.catalog.upsertCounter({
        id: newId(9),
        number: c.number,
        name: c.name,
        active: true,
        areaIds: ids,
        updatedAt: now,
      });
    }
  });
  return { departments: seed.departments.length, areas: seed.areas.length, counters: seed.counters.length };
}

/** The shape of demo-procedures.json: procedures with the code of their area. */
export const procedureSeedSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    areaCode: z.string(),
    timeLimit: z.string().optional(),
    fee: z.string().optional(),
    documents: z.array(z.string()).optional(),
    keywords: z.array(z.string()).optional(),
  }),
);

/** Adds the seed's procedures to their areas (by code), in one transaction, in the file's order. */
export function seedProcedures(store: StorePort, clock: Clock, raw: unknown): number {
  const rows = procedureSeedSchema.parse(raw);
  const areas = new Map(store.catalog.areas().map((a) => [a.code, a.id]));
  const now = clock.now();
  store.tx(() => {
    for (const p of rows) {
      const areaId = areas.get(p.areaCode);
      if (!areaId) throw new Error(`seed: procedure ${p.code} names unknown area ${p.areaCode}`);
      store.procedures.insert({
        id: newId(9),
        code: p.code,
        name: p.name,
        areaId,
        timeLimit: p.timeLimit ?? '',
        fee: p.fee ?? '',
        documents: p.documents ?? [],
        keywords: p.keywords ?? [],
        active: true,
        updatedAt: now,
      });
    }
  });
  return rows.length;
}
