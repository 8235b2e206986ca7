import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { bookableAreas } from './bookable.areas.ts';

const TODAY = '2026-11-26';
const system = { kind: 'system', id: 'test' };

describe('the areas /book offers', () => {
  it('is refused while neither booking nor remote numbers are on', () => {
    const h = coreHarness();
    expect(() => bookableAreas(h.deps, TODAY)).toThrow(expect.objectContaining({ code: 'booking.disabled' }));
  });

  it('offers only areas with online slots when booking alone is on, with their online share', () => {
    const h = coreHarness();
    h.settings.update({ booking: { enabled: true, onlineSharePercent: 50 } }, system);
    h.store.catalog.setBookingSlotCapacity(h.area('HTCT').id, 4);
    expect(bookableAreas(h.deps, TODAY)).toEqual([
      expect.objectContaining({
        code: 'HTCT',
        slotCapacity: 2,
        remoteAvailable: false,
        departmentName: expect.any(String),
      }),
    ]);
  });

  it('offers a remote number only where the area would issue one now (open, served)', () => {
    const h = coreHarness();
    h.settings.update({ booking: { remoteTickets: true } }, system);
    const all = bookableAreas(h.deps, TODAY);
    expect(all.length).toBeGreaterThan(1);
    expect(all.every((a) => a.remoteAvailable && a.slotCapacity === 0)).toBe(true);
    const lltp = h.area('LLTP');
    h.store.catalog.upsertArea({ ...lltp, open: false });
    expect(bookableAreas(h.deps, TODAY).map((a) => a.code)).not.toContain('LLTP');
  });
});
