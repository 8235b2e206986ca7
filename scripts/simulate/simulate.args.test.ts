import { describe, expect, it } from 'vitest';
import { ArgsError, parseSimulateArgs } from './simulate.args.ts';

describe('npm run simulate: the command line', () => {
  it('reads --days, --per-day, --seed and --force, with the defaults', () => {
    expect(parseSimulateArgs(['--days', '300'])).toEqual({ days: 300, perDay: 300, seed: 1, force: false });
    expect(parseSimulateArgs(['--days=5', '--per-day', '2000', '--seed=42', '--force'])).toEqual({
      days: 5,
      perDay: 2000,
      seed: 42,
      force: true,
    });
  });

  it.each([
    [[], /Thiếu --days/],
    [['--days'], /--days phải là số nguyên/],
    [['--days', '0'], /--days phải là số nguyên từ 1/],
    [['--days', '2.5'], /--days phải là số nguyên/],
    [['--days', '5', '--per-day', 'abc'], /--per-day phải là số nguyên/],
    [['--days', '5', '--seed', '-1'], /--seed phải là số nguyên/],
    [['--days', '5', '--speed', '3'], /Tham số không hợp lệ: --speed/],
    [['5'], /Tham số không hợp lệ: 5/],
  ])('refuses %j in Vietnamese', (argv, message) => {
    expect(() => parseSimulateArgs(argv as string[])).toThrow(ArgsError);
    expect(() => parseSimulateArgs(argv as string[])).toThrow(message);
  });
});
