import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { bookingInput, remoteTicketInput } from '../contract/inputs.schema.ts';
import { bookableAreas } from '../core/bookings/bookable.areas.ts';
import { cancelBooking, createBooking, findBooking, listSlots } from '../core/bookings/bookings.usecases.ts';
import { issueRemoteTicket } from '../core/citizens/citizen.tickets.usecases.ts';
import { isDay, toIso } from '../core/time/zoned-time.ts';
import { LEADERS, requireActor } from './auth.middleware.ts';
import { clientAddress } from './client.address.ts';
import type { AppEnv, Services } from './http.types.ts';
import { rateLimited } from './rate.limit.ts';
import { reply } from './route.reply.ts';
import { parseWith, readBody } from './validation.ts';

const codeParam = (c: Context) => {
  const v = c.req.param('code') ?? '';
  return v.length <= 40 ? v : '';
};

/**
 * Bookings and remote numbers (issue 13): the public routes a phone uses (/book), and today's list for staff.
 * Creating (a booking, a remote ticket) is limited per address to booking.perAddressPerHour an hour, so a script
 * cannot book out a day; a request without a network address (in-process) is not counted.
 */
export function bookingRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const settings = () => s.settings.get();

  /** Runs a creation under the per-address limit: refused at the limit, counted once it succeeded. */
  async function limited(c: Context<AppEnv>, make: () => Response | Promise<Response>): Promise<Response> {
    const address = c.get('actor') ? 'unknown' : clientAddress(c);
    if (address !== 'unknown') {
      const wait = s.citizens.perAddress.waitMs(address);
      if (wait > 0) return rateLimited(c, wait);
    }
    const res = await make();
    if (address !== 'unknown' && res.status < 300) s.citizens.perAddress.count(address);
    return res;
  }

  app.get('/public/booking/areas', (c) =>
    reply(c, 'GET /api/public/booking/areas', bookableAreas(s.deps, s.view.today())),
  );

  app.get('/public/booking/slots', (c) => {
    const q = parseWith(
      z.object({
        areaId: z.string().min(1).max(100),
        date: z.string().refine(isDay, 'ngày dạng YYYY-MM-DD'),
      }),
      c.req.query(),
    );
    const tz = settings().timeZone;
    const slots = listSlots(s.deps, q.areaId, q.date).map((x) => ({
      start: toIso(x.start, tz),
      end: toIso(x.end, tz),
      capacity: x.capacity,
      available: x.available,
    }));
    return reply(c, 'GET /api/public/booking/slots', { areaId: q.areaId, date: q.date, slots });
  });

  app.post('/public/bookings', async (c) => {
    const input = await readBody(c, bookingInput);
    return limited(c, () => {
      const b = s.run((tx) => createBooking(tx, { ...input, keyer: s.citizens.keyer }));
      return reply(c, 'POST /api/public/bookings', s.citizens.bookings.booking(b), 201);
    });
  });

  app.get('/public/bookings/:code', (c) =>
    reply(c, 'GET /api/public/bookings/:code', s.citizens.bookings.booking(findBooking(s.deps, codeParam(c)))),
  );

  app.delete('/public/bookings/:code', (c) => {
    s.run((tx) => cancelBooking(tx, { code: codeParam(c) }));
    return reply(c, 'DELETE /api/public/bookings/:code', { status: 'cancelled' });
  });

  app.post('/public/tickets', async (c) => {
    const input = await readBody(c, remoteTicketInput);
    return limited(c, () => {
      const { ticket, created } = s.run((tx) => issueRemoteTicket(tx, { ...input, keyer: s.citizens.keyer }));
      const dto = s.view.publicTicket(s.deps.store.tickets.get(ticket.id)!);
      return reply(c, 'POST /api/public/tickets', { ...dto, print: { status: 'none' } }, created ? 201 : 200);
    });
  });

  // Today's (or a day's) bookings for the control room and the admin: the last three digits only.
  app.get('/bookings', (c) => {
    requireActor(c, { roles: LEADERS });
    const q = parseWith(z.object({ date: z.string().refine(isDay, 'ngày dạng YYYY-MM-DD').optional() }), c.req.query());
    return reply(c, 'GET /api/bookings', s.citizens.bookings.staffList(q.date ?? s.view.today()));
  });

  return app;
}
