import { useEffect, useRef } from 'preact/hooks';

export type ConsoleCommand = 'callNext' | 'recall' | 'noShow' | 'finish' | 'transfer' | 'pause' | 'close';

/** F-keys, because clerks type dossier codes in text fields where digits must stay digits. F5 (reload) is left alone. */
export const SHORTCUTS: Record<ConsoleCommand, string> = {
  callNext: 'F1',
  recall: 'F2',
  noShow: 'F3',
  finish: 'F4',
  transfer: 'F6',
  pause: 'F8',
  close: 'F9',
};

const BY_KEY = new Map(Object.entries(SHORTCUTS).map(([cmd, key]) => [key, cmd as ConsoleCommand]));

export function commandForKey(key: string): ConsoleCommand | null {
  return BY_KEY.get(key) ?? null;
}

/** Listens on the window; F-keys never reach the browser (F1 would open help, F3 find). */
export function useShortcuts(onCommand: (c: ConsoleCommand) => void, enabled: boolean, target: Window = window): void {
  const handler = useRef(onCommand);
  handler.current = onCommand;
  useEffect(() => {
    const listen = (e: KeyboardEvent) => {
      const cmd = commandForKey(e.key);
      if (!cmd) return;
      e.preventDefault();
      if (enabled && !e.repeat) handler.current(cmd);
    };
    target.addEventListener('keydown', listen);
    return () => target.removeEventListener('keydown', listen);
  }, [enabled, target]);
}
