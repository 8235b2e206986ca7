import { Hono } from 'hono';
import type { DeviceDto } from '../contract/dto.ts';
import { createDeviceInput, createUserInput, updateDeviceInput, updateUserInput } from '../contract/inputs.schema.ts';
import { createUser, updateUser, userDto } from '../core/accounts/accounts.usecases.ts';
import { createDevice, issuePairingCode, revokeDevice, updateDevice } from '../core/accounts/devices.usecases.ts';
import type { Device } from '../core/entities.ts';
import { toIso } from '../core/time/zoned-time.ts';
import { requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { pathId, readBody } from './validation.ts';

/** Users and devices: admins only. */
export function accountRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const admin = (c: Parameters<typeof requireActor>[0]) => requireActor(c, { roles: ['admin'] });
  const iso = (ms: number | null) => (ms === null ? null : toIso(ms, s.settings.get().timeZone));
  // The pairing code itself is never listed (only its hash is kept); the list says whether one is outstanding.
  const deviceDto = (d: Device, withPairing = false): DeviceDto => ({
    id: d.id,
    kind: d.kind,
    name: d.name,
    counterId: d.counterId,
    kioskId: d.kioskId,
    printer: d.printer,
    createdAt: iso(d.createdAt)!,
    revokedAt: iso(d.revokedAt),
    lastSeenAt: iso(d.lastSeenAt),
    settings: d.settings,
    ...(withPairing
      ? {
          pairingExpiresAt:
            d.pairingExpiresAt !== null && d.pairingExpiresAt > s.deps.clock.now() ? iso(d.pairingExpiresAt) : null,
          inUse: d.tokenUsedAt !== null,
        }
      : {}),
  });

  app.get('/users', (c) => {
    admin(c);
    return c.json(s.deps.store.accounts.users().map(userDto));
  });
  app.post('/users', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, createUserInput);
    const u = await createUser(s.deps, input, actor);
    const { active: _a, ...dto } = userDto(u);
    return c.json(dto, 201);
  });
  app.patch('/users/:id', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, updateUserInput);
    const u = await updateUser(s.deps, pathId(c, 'id'), input, actor);
    if (input.active === false || input.password || input.role) s.disconnect('user', u.id);
    return c.json(userDto(u));
  });

  app.get('/devices', (c) => {
    admin(c);
    return c.json(s.deps.store.accounts.devices().map((d) => deviceDto(d, true)));
  });
  app.post('/devices', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, createDeviceInput);
    const { device, token, pairingCode } = s.run((tx) => createDevice(tx, { ...input, actor }));
    return c.json({ ...deviceDto(device, true), pairingCode, token }, 201);
  });
  /** A pairing code on demand (valid 10 minutes, shown once); for a device in use this re-pairs it. */
  app.post('/devices/:id/pairing-code', (c) => {
    const actor = admin(c);
    const id = pathId(c, 'id');
    const { code, expiresAt, replacedToken } = s.run((tx) => issuePairingCode(tx, { deviceId: id, actor }));
    if (replacedToken) s.disconnect('device', id);
    return c.json({ code, expiresAt: iso(expiresAt), replacedToken });
  });
  app.patch('/devices/:id', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, updateDeviceInput);
    const { device, moved } = s.run((tx) => updateDevice(tx, { deviceId: pathId(c, 'id'), patch: input, actor }));
    // Its open sockets are in the old counter's rooms: close them, the screen reconnects into the new ones.
    if (moved) s.disconnect('device', device.id);
    return c.json(deviceDto(device));
  });
  app.delete('/devices/:id', (c) => {
    const actor = admin(c);
    const d = s.run((tx) => revokeDevice(tx, { deviceId: pathId(c, 'id'), actor }));
    s.disconnect('device', d.id);
    return c.json(deviceDto(d));
  });
  app.post('/devices/:id/revoke', (c) => {
    const actor = admin(c);
    const d = s.run((tx) => revokeDevice(tx, { deviceId: pathId(c, 'id'), actor }));
    s.disconnect('device', d.id);
    return c.json(deviceDto(d));
  });
  return app;
}
