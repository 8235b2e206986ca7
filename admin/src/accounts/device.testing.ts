import type { DeviceDto } from '@contract/dto';

/** A device as the server lists it, never seen and never revoked; `over` sets its kind, name and what a test needs. */
export const deviceDto = (over: Partial<DeviceDto> = {}): DeviceDto => ({
  id: 'dev1',
  kind: 'display',
  name: 'Màn hình sảnh',
  counterId: null,
  kioskId: null,
  printer: null,
  createdAt: '',
  revokedAt: null,
  lastSeenAt: null,
  ...over,
});
