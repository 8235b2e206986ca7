import type { Clock } from '../clock.ts';
import { AttemptWindow, throttled } from './attempt.window.ts';

export interface PairingLimits {
  perAddress: number;
  serverWide: number;
  windowMs: number;
}

/**
 * Wrong pairing codes. Six digits are a small space, and a hall has many addresses (a phone can change its
 * own), so besides a per-address limit the whole server has a budget: past it nobody pairs until the window
 * passes. 20 guesses per 10 minutes reach a code that lives 10 minutes at most ~40 times: 1 chance in 25 000.
 */
export class PairingLimiter {
  private perAddress: AttemptWindow;
  private everyone: AttemptWindow;

  constructor(clock: Clock, limits: PairingLimits = { perAddress: 5, serverWide: 20, windowMs: 10 * 60_000 }) {
    this.perAddress = new AttemptWindow(clock, limits.perAddress, limits.windowMs);
    this.everyone = new AttemptWindow(clock, limits.serverWide, limits.windowMs);
  }

  /** Throws the 429 this caller gets now, before its code is looked at (the right code included). */
  check(address: string): void {
    const all = this.everyone.waitMs('*');
    if (all > 0)
      throw throttled(
        'auth.pairing_suspended',
        all,
        'Có quá nhiều lần nhập sai mã ghép nối trên toàn hệ thống, ghép nối tạm dừng.',
      );
    const own = this.perAddress.waitMs(address);
    if (own > 0) throw throttled('auth.too_many_attempts', own, 'Nhập sai mã ghép nối nhiều lần.');
  }

  fail(address: string): void {
    this.perAddress.fail(address);
    this.everyone.fail('*');
  }
}
