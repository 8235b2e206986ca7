import { Hono } from 'hono';
import { join } from 'node:path';
import { configDocument, exportConfig, importConfig } from '../core/catalog/config.transfer.ts';
import { backupDatabase, listBackups } from '../storage/backup.ts';
import { requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { readBody } from './validation.ts';

/** Configuration export/import and backups: admins only. */
export function opsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const admin = (c: Parameters<typeof requireActor>[0]) => requireActor(c, { roles: ['admin'] });
  const backupDir = join(s.config.dataDir, 'backups');

  app.get('/config/export', (c) => {
    admin(c);
    c.header('content-disposition', `attachment; filename="cau-hinh-${s.view.today()}.json"`);
    return c.json(exportConfig(s.deps.store, s.settings.get()));
  });
  app.post('/config/import', async (c) => {
    const actor = admin(c);
    const doc = await readBody(c, configDocument);
    const counts = s.run((tx) => importConfig(tx, doc, actor));
    if (doc.center) s.settings.update(doc.center, { kind: actor.kind, id: actor.id });
    return c.json(counts);
  });

  app.get('/backups', (c) => {
    admin(c);
    const backups = listBackups(backupDir);
    return c.json({ lastBackup: backups[0] ?? null, backups, dir: backupDir });
  });
  app.post('/backups', async (c) => {
    const actor = admin(c);
    const info = await backupDatabase(s.deps.store.db, backupDir, s.deps.clock.now());
    s.deps.store.journal.audit({ at: s.deps.clock.now(), actorKind: 'user', actorId: actor.id, action: 'backup.create', entity: 'backup', entityId: info.file });
    return c.json(info, 201);
  });
  return app;
}
