import { describe, expect, it } from 'vitest';
import type { AppError } from '../../contract/errors.ts';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { updateSettings } from './settings.usecases.ts';

const admin = { kind: 'user', id: 'u-admin', role: 'admin', username: 'admin', displayName: 'Quản trị' } as const;
const audits = (h: ReturnType<typeof coreHarness>) =>
  h.store.journal.auditPage(Number.MAX_SAFE_INTEGER, 100).filter((r) => r.action === 'settings.update');

describe('updateSettings', () => {
  it('stores the patch with its audit entry and announces config:updated once, after the commit', () => {
    const h = coreHarness();
    const next = h.run((tx) =>
      updateSettings(tx, { service: h.settings, patch: { notice: 'Nghỉ trưa', announceTimes: 2 }, actor: admin }),
    );
    expect(next.notice).toBe('Nghỉ trưa');
    expect(h.settings.get()).toEqual(next);
    expect(h.events).toEqual([{ type: 'config:updated', reason: 'settings.update' }]);
    expect(audits(h)).toHaveLength(1);
    expect(JSON.parse(audits(h)[0]!.data!)).toEqual({ notice: 'Nghỉ trưa', announceTimes: 2 });
  });

  it('a refused patch changes nothing, logs nothing and tells no screen', () => {
    const h = coreHarness();
    const before = h.settings.get();
    let code: string | null = null;
    try {
      h.run((tx) => updateSettings(tx, { service: h.settings, patch: { timeZone: 'Mars/Olympus' }, actor: admin }));
    } catch (e) {
      code = (e as AppError).code;
    }
    expect(code).toBe('settings.invalid');
    expect(h.settings.get()).toEqual(before);
    expect(h.events).toEqual([]);
    expect(audits(h)).toEqual([]);
  });
});
