import { Hono } from 'hono';
import { accountRoutes } from './accounts.routes.ts';
import { alertRoutes } from './alerts.routes.ts';
import { authMiddleware } from './auth.middleware.ts';
import { limitBody } from './body.limit.ts';
import { authRoutes } from './auth.routes.ts';
import { bookingRoutes } from './bookings.routes.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { counterRoutes } from './counters.routes.ts';
import { errorBody, onError } from './error.handler.ts';
import type { AppEnv, Services } from './http.types.ts';
import { opsRoutes } from './ops.routes.ts';
import { printingRoutes } from './printing.routes.ts';
import { PROCEDURE_IMPORT_LIMIT, PROCEDURE_IMPORT_PATH, procedureRoutes } from './procedures.routes.ts';
import { publicRoutes } from './public.routes.ts';
import { provinceRoutes } from '../province/province.routes.ts';
import { anonymousLimit, createAddressLimiter } from './rate.limit.ts';
import { ratingRoutes } from './ratings.routes.ts';
import { reportRoutes } from './reports.routes.ts';
import { securityHeaders, setAfter } from './security.headers.ts';
import { staticRoutes } from './static.routes.ts';
import { ticketRoutes } from './tickets.routes.ts';

/** The whole HTTP surface; routes are mounted per module, errors mapped once. */
export function createApp(s: Services, log: (msg: string, err?: unknown) => void) {
  const app = new Hono<AppEnv>();
  app.onError(onError(log, s.storage));
  app.use('*', securityHeaders({ https: s.config.tls !== null }));
  app.notFound((c) => c.json(errorBody('request.not_found'), 404));

  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    await next();
    setAfter(c, 'cache-control', 'no-store');
  });
  // Two routes take a larger body (a province's procedure catalogue: its file, or a configuration document that
  // carries it; admins only); every other the small one.
  const small = limitBody(s.config.bodyLimit);
  const large = limitBody(Math.max(s.config.bodyLimit, PROCEDURE_IMPORT_LIMIT));
  const LARGE_BODY = new Set([PROCEDURE_IMPORT_PATH, '/api/config/import']);
  api.use('*', (c, next) => (c.req.method === 'POST' && LARGE_BODY.has(c.req.path) ? large : small)(c, next));
  api.use('*', authMiddleware(s));
  // Anonymous callers, per remote address (issue #11, defect 16): one bucket for the API and the pages below.
  const anonymous = anonymousLimit(createAddressLimiter(), { except: ['/api/auth/login', '/api/auth/pair'] });
  api.use('*', anonymous);
  api.route('/', publicRoutes(s));
  api.route('/auth', authRoutes(s));
  api.route('/tickets', ticketRoutes(s));
  api.route('/', bookingRoutes(s));
  api.route('/counters', counterRoutes(s));
  api.route('/ratings', ratingRoutes(s));
  api.route('/reports', reportRoutes(s));
  api.route('/alerts', alertRoutes(s));
  api.route('/', accountRoutes(s));
  api.route('/', catalogRoutes(s));
  api.route('/procedures', procedureRoutes(s));
  api.route('/province', provinceRoutes(s));
  api.route('/', opsRoutes(s));
  const printing = printingRoutes(s);
  api.route('/', printing.api);
  api.all('*', (c) => c.json(errorBody('request.not_found'), 404));

  app.use('/print/*', anonymous);
  app.use('/t/*', anonymous);
  app.route('/api', api);
  app.route('/print', printing.page);
  app.route('/', staticRoutes(s));
  return app;
}
