import type { UserDto } from '@contract/dto';

/**
 * The hub session kept per browser (a wall screen survives reloads): the token for API calls and who it is, so a
 * reload needs no extra round trip. The hub also sets its httpOnly cookie at login, which the download links use.
 */
export const SESSION_KEY = 'hcc.province.session';

export interface Session {
  token: string;
  user: UserDto;
}

export function loadSession(storage: Pick<Storage, 'getItem'>): Session | null {
  try {
    const s = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return s && typeof s.token === 'string' && s.user && typeof s.user.username === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem' | 'removeItem'>, s: Session | null): void {
  try {
    if (s) storage.setItem(SESSION_KEY, JSON.stringify(s));
    else storage.removeItem(SESSION_KEY);
  } catch {
    /* private mode: this tab only */
  }
}

export const ROLE_LABEL: Record<string, string> = {
  admin: 'Quản trị viên tỉnh',
  supervisor: 'Lãnh đạo / giám sát',
};
