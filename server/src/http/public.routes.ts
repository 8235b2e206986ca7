import { Hono } from 'hono';
import type { PublicConfigDto } from '../contract/dto.ts';
import { listedCounters, listedDepartments } from '../core/catalog/catalog.queries.ts';
import { seesStaffData } from '../core/tickets/ticket.public.ts';
import { toIso } from '../core/time/zoned-time.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { ALL_DEVICES, requireActor, STAFF } from './auth.middleware.ts';

/** What anyone on the LAN, or any authenticated screen, reads to draw itself. */
export function publicRoutes(s: Services) {
  const app = new Hono<AppEnv>();

  // 503 while the database cannot be written (a real write, cached a moment), 200 again by itself once fixed.
  app.get('/health', (c) => {
    const st = s.storage.check();
    return st.ok
      ? reply(c, 'GET /api/health', { ok: true })
      : reply(c, 'GET /api/health', { ok: false, reason: st.reason, message: st.message }, 503);
  });

  app.get('/config/public', (c) => {
    const st = s.settings.get();
    const body: PublicConfigDto = {
      centerName: st.name,
      shortName: st.shortName,
      timeZone: st.timeZone,
      ratingLevels: st.ratingLevels,
      ratingReasons: st.ratingReasons,
      ratingReasonLevels: st.ratingReasonLevels.length
        ? st.ratingReasonLevels
        : [st.ratingLevels[st.ratingLevels.length - 1]!.key],
      priorityGroups: st.priorityGroups,
      announcement: st.announcement,
      announceTimes: st.announceTimes,
      numberReading: st.numberReading,
      dialect: st.dialect,
      voicePack: st.voicePack,
      notice: st.notice,
      kioskIdleSeconds: st.kioskIdleSeconds,
      ratingTimeoutSeconds: st.ratingTimeoutSeconds,
      ticketInstruction: st.ticketInstruction,
      ticketThanks: st.ticketThanks,
      enforceIssuingHours: st.enforceIssuingHours,
      businessDay: s.view.today(),
      serverTime: toIso(s.deps.clock.now(), st.timeZone),
      booking: {
        enabled: st.booking.enabled,
        remoteTickets: st.booking.remoteTickets,
        daysAhead: st.booking.daysAhead,
        slotMinutes: st.booking.slotMinutes,
        checkInEarlyMinutes: st.booking.checkInEarlyMinutes,
        checkInLateMinutes: st.booking.checkInLateMinutes,
        requireCardAtKiosk: st.citizenLimits.requireCardAtKiosk,
        perDay: st.citizenLimits.perDay,
        perAreaPerDay: st.citizenLimits.perAreaPerDay,
      },
    };
    return reply(c, 'GET /api/config/public', body);
  });

  // `?all=1` (admins): inactive entries too, with their `active` flag, so they can be reactivated.
  const all = (c: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(c);
    return c.req.query('all') === '1' && actor.kind === 'user' && actor.role === 'admin';
  };

  app.get('/departments', (c) => reply(c, 'GET /api/departments', listedDepartments(s.deps, all(c))));

  app.get('/areas', (c) => reply(c, 'GET /api/areas', s.view.areas(all(c))));

  // Who holds a counter is for staff; kiosks and displays get the public form (issue 11, defect 4).
  app.get('/counters', (c) => {
    const everything = all(c);
    const staff = seesStaffData(c.get('actor'));
    return reply(
      c,
      'GET /api/counters',
      listedCounters(s.deps, everything).map((x) => ({
        ...(staff ? s.view.counter(x) : s.view.publicCounter(x)),
        ...(everything ? { active: x.active } : {}),
      })),
    );
  });

  app.get('/state', (c) => {
    const actor = requireActor(c, { roles: STAFF, devices: ALL_DEVICES });
    return reply(c, 'GET /api/state', seesStaffData(actor) ? s.view.state() : s.view.publicState());
  });

  return app;
}
