import { useEffect, useRef, useState } from 'preact/hooks';

/** The time and a repeating tick, injected so tests drive the countdown by hand (no real waiting). */
export interface IdleClock {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}
export const browserIdleClock: IdleClock = {
  now: () => Date.now(),
  every(ms, fn) {
    const t = setInterval(fn, ms);
    return () => clearInterval(t);
  },
};

/** Seconds of visible countdown before the kiosk goes back to its first screen. */
export function warnSecondsFor(idleSeconds: number): number {
  return Math.max(3, Math.min(10, Math.round(idleSeconds / 3)));
}

/**
 * After `seconds` without a touch the screen shows a countdown ("Tự động về trang đầu sau 10 giây"); only when
 * that countdown has run out in full does onIdle send the kiosk home. So a citizen reading a procedure's papers is
 * never bounced without warning, and one who walked away leaves it ready for the next. Any touch or key restarts
 * the count; so does a change of `resetKey` (a new screen). Returns the seconds left while warning, else null.
 */
export function useIdleCountdown(
  active: boolean,
  seconds: number,
  onIdle: () => void,
  resetKey: unknown,
  opts: { clock?: IdleClock; target?: EventTarget } = {},
): number | null {
  const clock = opts.clock ?? browserIdleClock;
  const target = opts.target ?? document;
  const cb = useRef(onIdle);
  cb.current = onIdle;
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    setLeft(null);
    if (!active || seconds <= 0) return;
    const warn = warnSecondsFor(seconds);
    let quietUntil = clock.now() + seconds * 1000;
    let deadline: number | null = null;
    const reset = () => {
      quietUntil = clock.now() + seconds * 1000;
      deadline = null;
      setLeft(null);
    };
    const tick = () => {
      const now = clock.now();
      if (deadline === null) {
        if (now < quietUntil) return;
        // The countdown starts now, whatever time passed unseen (a frozen tab): it is always shown in full.
        deadline = now + warn * 1000;
      }
      const rest = Math.ceil((deadline - now) / 1000);
      if (rest <= 0) {
        deadline = null;
        quietUntil = now + seconds * 1000;
        setLeft(null);
        cb.current();
        return;
      }
      setLeft(rest);
    };
    const stop = clock.every(250, tick);
    const events = ['pointerdown', 'keydown', 'touchstart'];
    for (const e of events) target.addEventListener(e, reset, { passive: true });
    return () => {
      stop();
      for (const e of events) target.removeEventListener(e, reset);
    };
  }, [active, seconds, resetKey, target, clock]);
  return left;
}
