import { Hono } from 'hono';
import { createDeviceInput, createUserInput, updateDeviceInput, updateUserInput } from '../contract/inputs.schema.ts';
import { createUser, updateUser, userDto } from '../core/accounts/accounts.usecases.ts';
import { createDeviceView } from '../core/accounts/device.view.ts';
import { createDevice, issuePairingCode, revokeDevice, updateDevice } from '../core/accounts/devices.usecases.ts';
import { requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { pathId, readBody } from './validation.ts';

/** Users and devices: admins only. */
export function accountRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const admin = (c: Parameters<typeof requireActor>[0]) => requireActor(c, { roles: ['admin'] });
  const devices = createDeviceView(s.deps);

  app.get('/users', (c) => {
    admin(c);
    return reply(c, 'GET /api/users', s.deps.store.accounts.users().map(userDto));
  });
  app.post('/users', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, createUserInput);
    const u = await createUser(s.deps, { ...input, actor });
    const { active: _a, ...dto } = userDto(u);
    return reply(c, 'POST /api/users', dto, 201);
  });
  app.patch('/users/:id', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, updateUserInput);
    const u = await updateUser(s.deps, { ...input, id: pathId(c, 'id'), actor });
    if (input.active === false || input.password || input.role) s.disconnect('user', u.id);
    return reply(c, 'PATCH /api/users/:id', userDto(u));
  });

  app.get('/devices', (c) => {
    admin(c);
    return reply(c, 'GET /api/devices', devices.list());
  });
  app.post('/devices', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, createDeviceInput);
    const { device, token, pairingCode } = s.run((tx) => createDevice(tx, { ...input, actor }));
    return reply(c, 'POST /api/devices', { ...devices.dto(device, true), pairingCode, token }, 201);
  });
  /** A pairing code on demand (valid 10 minutes, shown once); for a device in use this re-pairs it. */
  app.post('/devices/:id/pairing-code', (c) => {
    const actor = admin(c);
    const id = pathId(c, 'id');
    const { code, expiresAt, replacedToken } = s.run((tx) => issuePairingCode(tx, { deviceId: id, actor }));
    if (replacedToken) s.disconnect('device', id);
    return reply(c, 'POST /api/devices/:id/pairing-code', { code, expiresAt: devices.iso(expiresAt)!, replacedToken });
  });
  app.patch('/devices/:id', async (c) => {
    const actor = admin(c);
    const input = await readBody(c, updateDeviceInput);
    const { device, moved } = s.run((tx) => updateDevice(tx, { deviceId: pathId(c, 'id'), patch: input, actor }));
    // Its open sockets are in the old counter's rooms: close them, the screen reconnects into the new ones.
    if (moved) s.disconnect('device', device.id);
    return reply(c, 'PATCH /api/devices/:id', devices.dto(device));
  });
  app.delete('/devices/:id', (c) => {
    const actor = admin(c);
    const d = s.run((tx) => revokeDevice(tx, { deviceId: pathId(c, 'id'), actor }));
    s.disconnect('device', d.id);
    return reply(c, 'DELETE /api/devices/:id', devices.dto(d));
  });
  app.post('/devices/:id/revoke', (c) => {
    const actor = admin(c);
    const d = s.run((tx) => revokeDevice(tx, { deviceId: pathId(c, 'id'), actor }));
    s.disconnect('device', d.id);
    return reply(c, 'POST /api/devices/:id/revoke', devices.dto(d));
  });
  return app;
}
