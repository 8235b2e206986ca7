/** How long a repeat of the same action is taken for a bounce of the finger, not a new decision. */
export const REPEAT_WINDOW_MS = 600;

/**
 * Drops a repeat of one action pressed again within the window after its last press or its answer: a double
 * F1 80–150 ms apart must call one citizen, not call one and finish it unseen. Different actions pass at once.
 * The clock is injected so tests step it instead of sleeping.
 */
export function createPressGuard(now: () => number = Date.now, windowMs = REPEAT_WINDOW_MS) {
  const last = new Map<string, number>();
  return {
    /** True when this press should act; it then counts as the latest press of `action`. */
    accept(action: string): boolean {
      const t = now();
      const prev = last.get(action);
      if (prev !== undefined && t - prev < windowMs) return false;
      last.set(action, t);
      return true;
    },
    /** The answer came back: the window runs again from now, so a press just after a slow answer is a repeat too. */
    settled(action: string): void {
      last.set(action, now());
    },
  };
}

export type PressGuard = ReturnType<typeof createPressGuard>;
