import { Hono } from 'hono';
import { checkDocument, DryRunRollback, exportConfig, importConfig } from '../core/catalog/config.transfer.ts';
import { configDocument } from '../contract/config.schema.ts';
import type { CheckedSettings } from '../core/settings/settings.service.ts';
import { AppError } from '../contract/errors.ts';
import { recordBackup } from '../core/backups/backups.usecases.ts';
import { requireActor } from './auth.middleware.ts';
import { reply } from './route.reply.ts';
import type { AppEnv, Services } from './http.types.ts';
import { readBody } from './validation.ts';

/** Configuration export/import and backups: admins only. */
export function opsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const admin = (c: Parameters<typeof requireActor>[0]) => requireActor(c, { roles: ['admin'] });

  app.get('/config/export', (c) => {
    admin(c);
    c.header('content-disposition', `attachment; filename="cau-hinh-${s.view.today()}.json"`);
    return reply(c, 'GET /api/config/export', exportConfig(s.deps.store, s.settings.get()));
  });
  // All or nothing: the whole document (settings included) is checked before anything is written, then
  // applied in ONE transaction. `?dryRun=1` does everything and rolls back: the same answer, nothing changed.
  app.post('/config/import', async (c) => {
    const actor = admin(c);
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    const doc = await readBody(c, configDocument);
    checkDocument(doc);
    const who = { kind: actor.kind, id: actor.id };
    const center = doc.center
      ? {
          current: s.settings.get(),
          checked: s.settings.check(doc.center),
          write: (ch: CheckedSettings) => s.settings.write(ch, who),
        }
      : null;
    try {
      const result = s.run((tx) => {
        const r = importConfig(tx, doc, actor, center, dryRun);
        if (dryRun) throw new DryRunRollback(r);
        if (r.changes.some((ch) => ch.entity === 'settings'))
          tx.emit({ type: 'config:updated', reason: 'settings.update' });
        return r;
      });
      return reply(c, 'POST /api/config/import', result);
    } catch (e) {
      if (e instanceof DryRunRollback) return reply(c, 'POST /api/config/import', e.result);
      throw e;
    }
  });

  app.get('/backups', (c) => {
    admin(c);
    const backups = s.backups.list();
    return reply(c, 'GET /api/backups', { lastBackup: backups[0] ?? null, backups, dir: s.backups.dir });
  });
  // One at a time (the nightly one included): a second request while one is being made is refused, not raced.
  app.post('/backups', async (c) => {
    const actor = admin(c);
    const job = s.backups.start(s.deps.clock.now());
    if (!job) throw new AppError('backup.in_progress');
    const info = await job;
    s.run((tx) => recordBackup(tx, { file: info.file, actor }));
    return reply(c, 'POST /api/backups', info, 201);
  });
  return app;
}
