import type { UserDto } from '@contract/dto';

/** The clerk's login lives for the browser tab: a shared counter PC must not keep yesterday's clerk. */
export const SESSION_KEY = 'hcc.counter.session';

export interface Session {
  token: string;
  user: UserDto;
}

export function loadSession(storage: Storage = window.sessionStorage): Session | null {
  try {
    const raw = storage.getItem(SESSION_KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    return s && typeof s.token === 'string' && s.user ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session, storage: Storage = window.sessionStorage): void {
  storage.setItem(SESSION_KEY, JSON.stringify(s));
}
export function clearSession(storage: Storage = window.sessionStorage): void {
  storage.removeItem(SESSION_KEY);
}
