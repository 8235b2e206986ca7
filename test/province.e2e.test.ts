import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '../server/src/core/clock.ts';
import { createLogger } from '../server/src/logging/logger.ts';
import { startHub, type Hub } from '../province/src/hub.server.ts';
import { centerCode, centerDay, centerName } from '../scripts/province/province.day.ts';
import { createCenter, hubLogin, pushAll, pushBatch } from '../scripts/province/province.push.ts';
import { ROOT } from './support/server-process.ts';
import { launchBrowser, shot } from './support/browser.ts';

/**
 * The province hub's screens in Chromium against a real hub (PGlite in a temporary directory) fed through its
 * own wire protocol: 130 commune centers with the morning so far, one crowded past its target, one with people
 * waiting and every counter closed, one slow link, one never connected. A leader logs in, reads the tiles at
 * 1920×1080 and 1366×768, opens the reports and downloads the CSV.
 */
const PASSWORD = 'province-e2e-pass';
const CENTERS = 130;
// HCC_PROVINCE_WEB: screens built elsewhere (a private outDir), as HCC_SERVER_MAIN for the center.
const WEB = process.env.HCC_PROVINCE_WEB ? resolve(process.env.HCC_PROVINCE_WEB) : join(ROOT, 'dist/province/web');

describe('province control room and reports (Chromium)', () => {
  let hub: Hub;
  let dir: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const vnDay = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  // 10:30 in Hà Nội today: the hub's clock, so "today" on the hub and in the browser is the same day.
  const clock = new ManualClock(Date.parse(`${vnDay}T10:30:00+07:00`));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hcc-province-e2e-'));
    hub = await startHub({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      adminPassword: PASSWORD,
      clock,
      webDir: WEB,
      log: createLogger({ level: 'error', now: () => clock.now() }),
    });
    const admin = await hubLogin(hub.url, 'admin', PASSWORD);
    const now = clock.now();
    for (let i = 0; i < CENTERS; i++) {
      const c = await createCenter(hub.url, admin, centerCode(i), centerName(i));
      if (i === 2) continue; // never connected
      const crowded = i === 0 || i === 1;
      const items = centerDay({
        index: i,
        day: vnDay,
        tickets: crowded ? 160 : 40,
        counters: crowded ? 1 : 3,
        until: now,
      });
      if (i === 1) {
        // Every counter closed while people still wait.
        const seq = items.length;
        for (const k of [1, 2, 3])
          items.push({
            seq: seq + k,
            at: now,
            kind: 'counter',
            data: {
              id: `k${k}`,
              number: k,
              name: `Quầy ${k}`,
              status: 'closed',
              clerkId: null,
              currentTicketId: null,
              areaIds: [],
              updatedAt: now,
            },
          });
      }
      if (i === 3) {
        // A slow link: last heard 40 s ago, still holding two minutes of events.
        clock.set(now - 40_000);
        await pushBatch(hub.url, c.token, items.slice(0, 50), {
          sentAt: clock.now(),
          oldestPendingAt: clock.now() - 130_000,
        });
        clock.set(now);
        continue;
      }
      await pushAll(hub.url, c.token, items, () => clock.now());
    }
    browser = await launchBrowser();
    page = await (
      await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })
    ).newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
  }, 240_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await page
        ?.screenshot({ path: shot(`province-FAILED-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}`) })
        .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a leader logs in and sees 130 tiles, problems first, with the alerts', async () => {
    await page.goto(`${hub.url}/province`);
    await page.waitForSelector('.login-card');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('.pv-tile');
    expect(await page.locator('.pv-tile').count()).toBe(CENTERS);
    const first = await page
      .locator('.pv-tile')
      .evaluateAll((els) => els.slice(0, 4).map((e) => (e as HTMLElement).dataset.code));
    expect(first.slice(0, 1)).toEqual([centerCode(2)]); // offline first
    expect(first).toContain(centerCode(0));
    expect(first).toContain(centerCode(1));
    const alerts = await page.locator('.pv-alert').allTextContents();
    expect(alerts).toContain(`${centerName(2)}: chưa kết nối`);
    expect(alerts.some((a) => a.startsWith(`${centerName(0)}: chờ lâu nhất`))).toBe(true);
    expect(alerts.some((a) => a.startsWith(`${centerName(1)}: `) && a.includes('không có quầy nào mở'))).toBe(true);
    expect(await page.locator(`[data-code=${centerCode(3)}]`).textContent()).toContain('Trễ 2 phút');
    await page.screenshot({ path: shot('province-control-1920') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('province-control-1366') });
    await page.fill('input[name=q]', 'nghi loc');
    await page.waitForFunction(() => document.querySelectorAll('.pv-tile').length < 20);
    await page.screenshot({ path: shot('province-control-search-1366') });
    // The hub's CSP allows no inline code and no other origin: the screens break none of it (fonts bundled).
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });

  it('opens the reports, reads today by center and downloads the CSV', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click('.main-nav >> text=Báo cáo');
    await page.waitForSelector('.report-table tbody tr[data-key]');
    expect(new URL(page.url()).pathname).toBe('/province/reports');
    expect(await page.locator('.report-table tbody tr[data-key]').count()).toBe(CENTERS);
    const head = await page.locator('.report-table thead th').allTextContents();
    expect(head.slice(0, 3)).toEqual(['Trung tâm', 'Đã cấp', 'Đã phục vụ']);
    await page.screenshot({ path: shot('province-reports-1366') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format=csv]')]);
    const file = await download.path();
    const csv = readFileSync(file!, 'utf8');
    expect(csv).toContain(centerName(0));
    expect(csv.split('\n').length).toBeGreaterThan(CENTERS);
    await page.click('text=Đánh giá cán bộ toàn tỉnh');
    await page.waitForSelector('.paper-table tbody tr[data-key]');
    expect(await page.locator('.paper-title').textContent()).toContain('TOÀN TỈNH');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: shot('province-clerks-1920') });
  });
});
