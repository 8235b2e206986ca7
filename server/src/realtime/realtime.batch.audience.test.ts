import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * An event nobody is in the rooms of is not encoded (realtime.batch.ts, issue 15): an issued ticket's three events
 * (staff's, the screens', the queue count) cost an encode and a websocket frame each, for nobody, on a server with
 * no screen open. Once a screen listens, it hears them as before.
 */
let t: TestServer;
const open: Socket[] = [];
beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
});
afterAll(async () => {
  for (const s of open) s.close();
  await t.close();
});

describe('events without an audience', () => {
  it('are not encoded; a display that connects hears the next issue whole', async () => {
    const kiosk = await t.createDevice('kiosk');
    const areaId = (await t.areas())[0].id;
    const encode = vi.spyOn(t.server.io.encoder, 'encode');
    try {
      const first = await t.call('POST', '/api/tickets', { areaId }, kiosk.token);
      expect(first.status).toBe(201);
      expect(encode).not.toHaveBeenCalled();

      const display = await t.createDevice('display');
      const s = io(t.url, { auth: { token: display.token }, transports: ['websocket'], reconnection: false });
      open.push(s);
      await new Promise<void>((r) => s.once('state:snapshot', () => r()));
      const heard: { name: string; payload: any }[] = [];
      s.onAny((name: string, payload: unknown) => heard.push({ name, payload }));
      encode.mockClear();
      const second = await t.call('POST', '/api/tickets', { areaId }, kiosk.token);
      expect(second.status).toBe(201);
      await vi.waitFor(() => expect(heard.map((h) => h.name)).toEqual(['ticket:issued', 'queue:updated']));
      // The screens' form and the queue count: staff's whole form has nobody to hear it.
      expect(encode).toHaveBeenCalledTimes(2);
      expect(heard[0]!.payload.ticket).toMatchObject({ id: second.body.id, number: second.body.number });
      expect(heard[0]!.payload.ticket.note).toBeUndefined();
    } finally {
      encode.mockRestore();
    }
  });
});
