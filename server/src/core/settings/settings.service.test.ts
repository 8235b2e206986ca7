import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import type { AppError } from '../../contract/errors.ts';

describe('center settings', () => {
  it('a partial update changes only the fields sent', () => {
    const h = coreHarness();
    const before = h.settings.get();
    expect(before.name).toContain('Nghệ An');
    const next = h.settings.update({ notice: 'Nghỉ trưa 11:30–13:30', announceTimes: 3 }, { kind: 'user', id: 'u1' });
    expect(next).toEqual({ ...before, notice: 'Nghỉ trưa 11:30–13:30', announceTimes: 3 });
    expect(h.settings.get()).toEqual(next);
  });

  it('rejects unknown keys, bad zones and duplicate rating keys, changing nothing', () => {
    const h = coreHarness();
    const before = h.settings.get();
    const code = (patch: unknown) => {
      try {
        h.settings.update(patch, { kind: 'user', id: 'u1' });
        return null;
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code({ colour: 'red' })).toBe('settings.invalid');
    expect(code({ timeZone: 'Mars/Olympus' })).toBe('settings.invalid');
    expect(
      code({
        ratingLevels: [
          { key: 'a', label: 'A' },
          { key: 'a', label: 'B' },
        ],
      }),
    ).toBe('settings.invalid');
    expect(code({ announceTimes: 0 })).toBe('settings.invalid');
    expect(h.settings.get()).toEqual(before);
  });
});
