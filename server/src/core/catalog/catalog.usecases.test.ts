import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors.ts';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { patchArea, saveCounter, saveDepartment, setAreaOpen } from './catalog.usecases.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};
const lastAudit = (h: ReturnType<typeof coreHarness>) => h.store.journal.auditPage(Number.MAX_SAFE_INTEGER, 1)[0]!;

describe('catalog use cases, one shape (tx, input) with the actor in the input', () => {
  it('audits who did it in the row and the input without the actor as its data', () => {
    const h = coreHarness();
    const boss = h.clerk('quantri', 'supervisor');
    const d = h.run((tx) => saveDepartment(tx, { code: 'SMOI', name: 'Sở Mới', actor: boss }));
    expect(lastAudit(h)).toMatchObject({ actor_kind: 'user', actor_id: boss.id, action: 'department.create' });
    expect(JSON.parse(lastAudit(h).data!)).toEqual({ code: 'SMOI', name: 'Sở Mới' });
    expect(h.store.catalog.department(d.id)).toMatchObject({ code: 'SMOI', active: true });
  });

  it('patches the fields sent, keeps the others, and sets the booking capacity on its own', () => {
    const h = coreHarness();
    const boss = h.clerk('quantri', 'supervisor');
    const a = h.area('LLTP');
    const r = h.run((tx) =>
      patchArea(tx, { id: a.id, fields: { name: 'Lý lịch' }, bookingSlotCapacity: 3, actor: boss }),
    );
    expect(r).toEqual({ ...a, name: 'Lý lịch', bookingSlotCapacity: 3 });
    const swapped = { numberStart: a.numberEnd, numberEnd: a.numberStart };
    expect(codeOf(() => h.run((tx) => patchArea(tx, { id: a.id, fields: swapped, actor: boss })))).toBe(
      'request.invalid',
    );
    expect(codeOf(() => h.run((tx) => patchArea(tx, { id: 'nope', fields: {}, actor: boss })))).toBe('area.not_found');
  });

  it('opens and closes an area, and refuses a counter number another counter has', () => {
    const h = coreHarness();
    const boss = h.clerk('quantri', 'supervisor');
    const a = h.area('LLTP');
    expect(h.run((tx) => setAreaOpen(tx, { areaId: a.id, open: false, actor: boss })).open).toBe(false);
    expect(JSON.parse(lastAudit(h).data!)).toEqual({ open: false });
    const c = h.counter(1);
    const clash = { number: h.counter(2).number, name: c.name, areaIds: c.areaIds, id: c.id, actor: boss };
    expect(codeOf(() => h.run((tx) => saveCounter(tx, clash)))).toBe('counter.number_taken');
  });
});
