import { Hono } from 'hono';
import { z } from 'zod';
import { areaInput, areaPatchInput, counterInput, departmentInput } from '../contract/inputs.schema.ts';
import { provinceLinkInput } from '../contract/province.link.schema.ts';
import { overridePinSet, splitOverridePin, writeOverridePin } from '../core/citizens/override-pin.ts';
import { boundedRecord, DOCUMENT_BOUNDS } from '../contract/json.bounds.ts';
import { patchArea, saveArea, saveCounter, saveDepartment, setAreaOpen } from '../core/catalog/catalog.usecases.ts';
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
    return reply(
      c,
      'POST /api/departments',
      s.run((tx) => saveDepartment(tx, { ...input, actor: a })),
      201,
    );
  });
  app.put('/departments/:id', async (c) => {
    const a = admin(c);
    const input = await readBody(c, departmentInput);
    return reply(
      c,
      'PUT /api/departments/:id',
      s.run((tx) => saveDepartment(tx, { ...input, id: pathId(c, 'id'), actor: a })),
    );
  });

  app.post('/areas', async (c) => {
    const a = admin(c);
    const input = await readBody(c, areaInput);
    const r = s.run((tx) => saveArea(tx, { ...input, actor: a }));
    return reply(c, 'POST /api/areas', s.view.area(r), 201);
  });
  app.put('/areas/:id', async (c) => {
    const a = admin(c);
    const input = await readBody(c, areaInput);
    const r = s.run((tx) => saveArea(tx, { ...input, id: pathId(c, 'id'), actor: a }));
    return reply(c, 'PUT /api/areas/:id', s.view.area(r));
  });
  // Any subset of the area's fields (the rest kept), and its booking capacity per slot (issue 13).
  app.patch('/areas/:id', async (c) => {
    const a = admin(c);
    const { bookingSlotCapacity, ...fields } = await readBody(c, areaPatchInput);
    const r = s.run((tx) => patchArea(tx, { id: pathId(c, 'id'), fields, bookingSlotCapacity, actor: a }));
    return reply(c, 'PATCH /api/areas/:id', s.view.area(r));
  });
  app.post('/areas/:id/open', (c) => {
    const a = requireActor(c, { roles: LEADERS });
    return reply(
      c,
      'POST /api/areas/:id/open',
      s.view.area(s.run((tx) => setAreaOpen(tx, { areaId: pathId(c, 'id'), open: true, actor: a }))),
    );
  });
  app.post('/areas/:id/close', (c) => {
    const a = requireActor(c, { roles: LEADERS });
    return reply(
      c,
      'POST /api/areas/:id/close',
      s.view.area(s.run((tx) => setAreaOpen(tx, { areaId: pathId(c, 'id'), open: false, actor: a }))),
    );
  });

  app.post('/counters', async (c) => {
    const a = admin(c);
    const input = await readBody(c, counterInput);
    const r = s.run((tx) => saveCounter(tx, { ...input, actor: a }));
    return reply(c, 'POST /api/counters', s.view.counter(r), 201);
  });
  app.put('/counters/:id', async (c) => {
    const a = admin(c);
    const input = await readBody(c, counterInput);
    const r = s.run((tx) => saveCounter(tx, { ...input, id: pathId(c, 'id'), actor: a }));
    return reply(c, 'PUT /api/counters/:id', s.view.counter(r));
  });

  // The override PIN is write-only: the answer says whether one is set, never the PIN or its hash.
  const settingsDto = () => {
    const st = s.settings.get();
    return { ...st, citizenLimits: { ...st.citizenLimits, overridePinSet: overridePinSet(s.deps.store) } };
  };
  app.get('/settings', (c) => {
    admin(c);
    return reply(c, 'GET /api/settings', settingsDto());
  });
  app.patch('/settings', async (c) => {
    const a = admin(c);
    const body = await readBody(c, boundedRecord(DOCUMENT_BOUNDS));
    const { rest, pin } = splitOverridePin(body);
    // The contract lets a center join its hub "in its settings" too: `province: {url, token}` here is the same as
    // PUT /api/province/link (checked before anything is written; the token stays write-only).
    const { province: rawLink, ...others } = rest as Record<string, unknown>;
    const link = rawLink === undefined ? undefined : parseWith(provinceLinkInput, rawLink);
    s.run((tx) => {
      updateSettings(tx, { service: s.settings, patch: others, actor: a });
      if (pin !== undefined) writeOverridePin(tx, { keyer: s.citizens.keyer, pin, actor: a });
      if (link) s.province.update(link, a);
    });
    return reply(c, 'PATCH /api/settings', settingsDto());
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
