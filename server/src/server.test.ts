import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { createLogger } from './logging/logger.ts';
import { createServer } from './server.ts';
import { startTestServer } from './testing/server.testing.ts';

/** These servers' logs are not under test. */
const SILENT = createLogger({ level: 'silent', now: Date.now });

describe('first start', () => {
  it('SEED=none leaves the center empty but creates admin', async () => {
    const t = await startTestServer({ seed: 'none' });
    expect(await t.areas()).toEqual([]);
    expect(await t.counters()).toEqual([]);
    expect((await t.call('GET', '/api/auth/me', undefined, t.adminToken)).body.user.username).toBe('admin');
    await t.close();
  });

  it('without ADMIN_PASSWORD generates one, once; a second start keeps data and seeds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-first-'));
    try {
      const config = loadConfig({ DATA_DIR: dir, PORT: '0' }, process.cwd());
      const first = await createServer(config, { log: SILENT });
      expect(first.firstStart).toBe(true);
      expect(first.adminPassword).toMatch(/^[A-Za-z0-9]{14}$/);
      const login = await first.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: first.adminPassword }),
      });
      expect(login.status).toBe(200);
      const areas = first.services.deps.store.catalog.areas().length;
      await first.close();
      const second = await createServer(config, { log: SILENT });
      expect(second.firstStart).toBe(false);
      expect(second.adminPassword).toBe(null);
      expect(second.services.deps.store.catalog.areas().length).toBe(areas);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
