import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls onIdle after `seconds` without a touch while active: a citizen who walks away leaves the
 * kiosk ready for the next one. Any touch or key restarts the count; so does a change of `resetKey` (a new screen).
 */
export function useIdle(
  active: boolean,
  seconds: number,
  onIdle: () => void,
  resetKey: unknown,
  target: EventTarget = document,
): void {
  const cb = useRef(onIdle);
  cb.current = onIdle;
  useEffect(() => {
    if (!active || seconds <= 0) return;
    let timer = setTimeout(() => cb.current(), seconds * 1000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => cb.current(), seconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'touchstart'];
    for (const e of events) target.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) target.removeEventListener(e, reset);
    };
  }, [active, seconds, resetKey, target]);
}
