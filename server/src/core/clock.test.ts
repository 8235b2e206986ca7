import { describe, expect, it } from 'vitest';
import { clockStepAlerts, clockStepText, ManualClock, MonotonicGuardClock, stepDuration } from './clock.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => Date.parse(iso);

describe('MonotonicGuardClock', () => {
  it('never runs backwards, holds until the machine clock catches up, and records the step once', () => {
    const raw = new ManualClock(at('2026-11-26T09:12:00+07:00'));
    const clock = new MonotonicGuardClock(raw);
    const t0 = clock.now();
    raw.advance(-5 * 60_000);
    expect(clock.now()).toBe(t0);
    raw.advance(60_000);
    expect(clock.now()).toBe(t0); // still behind: held
    raw.advance(5 * 60_000);
    expect(clock.now()).toBe(t0 + 60_000); // caught up: runs on
    expect(clock.steps()).toEqual([{ kind: 'back', deltaMs: 5 * 60_000, at: t0, followed: false }]);
    expect(clockStepText(clock.steps()[0]!, TZ)).toBe(
      'Đồng hồ máy chủ bị lùi 5 phút lúc 09:12; hệ thống giữ thứ tự vé theo trình tự cấp số.',
    );
  });

  it('ignores jitter of two seconds or less; records a jump forward of more than an hour', () => {
    const raw = new ManualClock(at('2026-11-26T09:00:00+07:00'));
    const clock = new MonotonicGuardClock(raw);
    clock.now();
    raw.advance(-2000);
    clock.now();
    raw.advance(3_600_000);
    clock.now();
    expect(clock.steps()).toEqual([]);
    raw.advance(3_600_001);
    expect(clock.now()).toBe(raw.now()); // forward is followed
    expect(clock.steps()).toMatchObject([{ kind: 'forward', deltaMs: 3_600_001, followed: true }]);
  });

  it('starts from a saved high-water mark: a restart behind it does not go back, and says so', () => {
    const raw = new ManualClock(at('2026-11-26T23:57:00+07:00'));
    const mark = at('2026-11-27T00:00:30+07:00');
    const clock = new MonotonicGuardClock(raw, { highWater: mark, steps: [] });
    expect(clock.now()).toBe(mark);
    expect(clock.steps()).toEqual([{ kind: 'back', deltaMs: mark - raw.now(), at: mark, followed: false }]);
    // A start hours after the last save (the server was off for the night) is no jump forward.
    const morning = new MonotonicGuardClock(new ManualClock(at('2026-11-27T07:00:00+07:00')), {
      highWater: mark,
      steps: [],
    });
    morning.now();
    expect(morning.steps()).toEqual([]);
  });

  it('follows a step back too large to hold (a clock that was days ahead), and says so', () => {
    const raw = new ManualClock(at('2026-11-28T09:00:00+07:00'));
    const clock = new MonotonicGuardClock(raw);
    clock.now();
    raw.set('2026-11-26T09:00:00+07:00');
    expect(clock.now()).toBe(raw.now());
    expect(clock.steps()).toMatchObject([{ kind: 'back', followed: true }]);
    expect(clockStepText(clock.steps()[0]!, TZ)).toMatch(
      /^Đồng hồ máy chủ bị lùi 2 ngày lúc 09:00, quá xa để giữ giờ cũ: hệ thống đã theo giờ mới/,
    );
  });

  it("says durations as people do, and lists only today's steps, newest first", () => {
    expect([
      stepDuration(45_000),
      stepDuration(5 * 60_000),
      stepDuration(150 * 60_000),
      stepDuration(3 * 3_600_000),
    ]).toEqual(['45 giây', '5 phút', '2 giờ 30 phút', '3 giờ']);
    const steps = [
      { kind: 'back' as const, deltaMs: 60_000, at: at('2026-11-25T10:00:00+07:00'), followed: false },
      { kind: 'back' as const, deltaMs: 60_000, at: at('2026-11-26T10:00:00+07:00'), followed: false },
      { kind: 'forward' as const, deltaMs: 7_200_000, at: at('2026-11-26T11:00:00+07:00'), followed: true },
    ];
    const alerts = clockStepAlerts(steps, at('2026-11-26T12:00:00+07:00'), TZ);
    expect(alerts.map((a) => [a.kind, a.severity, a.text])).toEqual([
      ['clock_step', 'high', 'Đồng hồ máy chủ nhảy tới 2 giờ lúc 11:00. Hãy kiểm tra giờ máy chủ (NTP).'],
      ['clock_step', 'medium', 'Đồng hồ máy chủ bị lùi 1 phút lúc 10:00; hệ thống giữ thứ tự vé theo trình tự cấp số.'],
    ]);
  });
});
