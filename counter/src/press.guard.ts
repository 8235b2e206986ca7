/** How long a repeat of the same action is taken for a bounce of the finger, not a new decision. */
export const REPEAT_WINDOW_MS = 600;

/**
 * Drops a repeat of one action pressed again within the window after its last press or its answer: a double
 * F1 80–150 ms apart must call one citizen, not call one and finish it unseen. Only a repeat of the LAST action
 * is a bounce: F1, F4, F1 in quick succession are three decisions (call, finish, call the next), so any other
 * action in between ends the window. Different actions pass at once.
 * The clock is injected so tests step it instead of sleeping.
 */
export function createPressGuard(now: () => number = Date.now, windowMs = REPEAT_WINDOW_MS) {
  let last: { action: string; at: number } | null = null;
  return {
    /** True when this press should act; it then counts as the latest press. */
    accept(action: string): boolean {
      const t = now();
      if (last !== null && last.action === action && t - last.at < windowMs) return false;
      last = { action, at: t };
      return true;
    },
    /** The answer came back: the window runs again from now, so a press just after a slow answer is a repeat too. */
    settled(action: string): void {
      if (last?.action === action) last = { action, at: now() };
    },
  };
}

export type PressGuard = ReturnType<typeof createPressGuard>;
