import { describe, expect, it } from 'vitest';
import { clock, counterShortName, counterTitle, duration } from './format.ts';
import { commandForKey } from './shortcuts.ts';

describe('console formatting', () => {
  it('formats running clocks and durations in Vietnamese', () => {
    expect(clock(75)).toBe('01:15');
    expect(clock(3725)).toBe('1:02:05');
    expect(duration(45)).toBe('45 giây');
    expect(duration(720)).toBe('12 phút');
    expect(duration(3900)).toBe('1 giờ 05 phút');
    expect(duration(null)).toBe('—');
  });
  it('does not repeat the counter number in titles', () => {
    expect(counterShortName({ number: 1, name: 'Quầy 1 – Tư pháp' })).toBe('Tư pháp');
    expect(counterTitle({ number: 3, name: 'Quầy số 3 - Đất đai' })).toBe('Quầy 3 — Đất đai');
    expect(counterTitle({ number: 2, name: 'Một cửa' })).toBe('Quầy 2 — Một cửa');
  });
  it('maps F-keys to commands and leaves F5 alone', () => {
    expect(commandForKey('F1')).toBe('callNext');
    expect(commandForKey('F4')).toBe('finish');
    expect(commandForKey('F5')).toBeNull();
  });
});
