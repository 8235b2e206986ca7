import { Hono } from 'hono';
import { z } from 'zod';
import { areaInput, counterInput, departmentInput } from '../contract/inputs.schema.ts';
import { boundedRecord, DOCUMENT_BOUNDS } from '../contract/json.bounds.ts';
import { saveArea, saveCounter, saveDepartment, setAreaOpen } from '../core/catalog/catalog.usecases.ts';
import { updateSettings } from '../core/settings/settings.usecases.ts';
import { LEADERS, requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { parseWith, pathId, readBody } from './validation.ts';

/** The center's layout and settings: admins change it; supervisors may open/close an area. */
export function catalogRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const admin = (c: Parameters<typeof requireActor>[0]) => requireActor(c, { roles: ['admin'] });

  app.post('/departments', async (c) => {
    const a = admin(c);
    const input = await readBody(c, departmentInput);
    return c.json(
      s.run((tx) => saveDepartment(tx, input, a)),
      201,
    );
  });
  app.put('/departments/:id', async (c) => {
    const a = admin(c);
    const input = await readBody(c, departmentInput);
    return c.json(s.run((tx) => saveDepartment(tx, { ...input, id: pathId(c, 'id') }, a)));
  });

  app.post('/areas', async (c) => {
    const a = admin(c);
    const input = await readBody(c, areaInput);
    const r = s.run((tx) => saveArea(tx, input, a));
    return c.json(s.view.area(r), 201);
  });
  app.put('/areas/:id', async (c) => {
    const a = admin(c);
    const input = await readBody(c, areaInput);
    const r = s.run((tx) => saveArea(tx, { ...input, id: pathId(c, 'id') }, a));
    return c.json(s.view.area(r));
  });
  app.post('/areas/:id/open', (c) => {
    const a = requireActor(c, { roles: LEADERS });
    return c.json(s.view.area(s.run((tx) => setAreaOpen(tx, pathId(c, 'id'), true, a))));
  });
  app.post('/areas/:id/close', (c) => {
    const a = requireActor(c, { roles: LEADERS });
    return c.json(s.view.area(s.run((tx) => setAreaOpen(tx, pathId(c, 'id'), false, a))));
  });

  app.post('/counters', async (c) => {
    const a = admin(c);
    const input = await readBody(c, counterInput);
    const r = s.run((tx) => saveCounter(tx, input, a));
    return c.json(s.view.counter(r), 201);
  });
  app.put('/counters/:id', async (c) => {
    const a = admin(c);
    const input = await readBody(c, counterInput);
    const r = s.run((tx) => saveCounter(tx, { ...input, id: pathId(c, 'id') }, a));
    return c.json(s.view.counter(r));
  });

  app.get('/settings', (c) => {
    admin(c);
    return c.json(s.settings.get());
  });
  app.patch('/settings', async (c) => {
    const a = admin(c);
    const body = await readBody(c, boundedRecord(DOCUMENT_BOUNDS));
    return c.json(s.run((tx) => updateSettings(tx, s.settings, body, a)));
  });

  app.get('/audit', (c) => {
    admin(c);
    const q = parseWith(
      z.object({
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      c.req.query(),
    );
    // The contract's camelCase entry, not the table's columns (a SELECT * would leak every new column).
    return reply(
      c,
      'GET /api/audit',
      s.deps.store.journal.auditPage(q.before ?? Number.MAX_SAFE_INTEGER, q.limit).map((r) => ({
        id: r.id,
        at: r.at,
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        data: r.data ? JSON.parse(r.data) : null,
      })),
    );
  });
  return app;
}
