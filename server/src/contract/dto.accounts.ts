/** Accounts and devices (re-exported by dto.ts). */

export type Role = 'admin' | 'supervisor' | 'clerk';
export type DeviceKind = 'kiosk' | 'display' | 'rating' | 'printer';

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active?: boolean;
}

export interface DeviceDto {
  id: string;
  kind: DeviceKind;
  name: string;
  counterId: string | null;
  kioskId: string | null;
  printer: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** Only in the answer that made it (device creation): the code is kept hashed and never listed. */
  pairingCode?: string | null;
  /** Until when the outstanding pairing code works; null when there is none. */
  pairingExpiresAt?: string | null;
  /** The device has used its current token: no pairing code works until an admin re-pairs it. */
  inUse?: boolean;
  /** Per-device options (a hall display: {counters?: number[], areas?: string[]}). */
  settings?: Record<string, unknown>;
}
