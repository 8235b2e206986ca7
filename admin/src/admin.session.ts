import type { UserDto } from '@contract/dto';

/** The logged-in person's token, kept per browser so a wall screen survives reloads. */
export const TOKEN_KEY = 'hcc.admin.token';

export interface Session {
  token: string;
  user: UserDto;
}

export function loadToken(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    return storage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
export function saveToken(storage: Pick<Storage, 'setItem' | 'removeItem'>, token: string | null): void {
  try {
    if (token) storage.setItem(TOKEN_KEY, token);
    else storage.removeItem(TOKEN_KEY);
  } catch {
    /* private mode: session only */
  }
}

/** Who may see which part: administration is for admins; the control room and reports for leaders too. */
export function canSee(role: UserDto['role'], route: 'settings' | 'monitor' | 'reports' | 'bookings'): boolean {
  if (route === 'settings') return role === 'admin';
  return role === 'admin' || role === 'supervisor';
}

export const ROLE_LABEL: Record<UserDto['role'], string> = {
  admin: 'Quản trị viên',
  supervisor: 'Lãnh đạo / giám sát',
  clerk: 'Cán bộ một cửa',
};
