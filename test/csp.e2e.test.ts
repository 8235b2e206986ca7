import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { systemClock } from '../server/src/core/clock.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../server/src/testing/server.testing.ts';
import { launchBrowser } from './support/browser.ts';

/**
 * Every screen under the real Content-Security-Policy in Chromium: the built front-ends (dist/) served by the
 * server, signed in where a screen needs it, with not one CSP violation — a blocked script, style, font,
 * image, voice clip or socket would show here first. The kiosk's browser printing frames /print/ticket/:id.
 */
describe('screens under the Content-Security-Policy (Chromium)', () => {
  let t: TestServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let ticketId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(join(process.cwd(), 'dist/kiosk/index.html')))
      throw new Error('dist/ chưa được build: chạy npm run build trước / build first');
    t = await startTestServer({ clock: systemClock, listen: true });
    tokens.kiosk = (await t.createDevice('kiosk', { printer: 'browser' })).token;
    tokens.display = (await t.createDevice('display')).token;
    const counter = (await t.counters()).find((c) => c.number === 1);
    tokens.rating = (await t.createDevice('rating', { counterId: counter.id })).token;
    const area = (await t.areas())[0];
    ticketId = (await t.call('POST', '/api/tickets', { areaId: area.id }, tokens.kiosk)).body.id;
    await t.createClerk('csp-clerk');
    browser = await launchBrowser();
    ctx = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    // Injected by the browser driver, outside the page's CSP: records every violation the page meets.
    await ctx.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
  });
  afterAll(async () => {
    await ctx?.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  async function visit(path: string, ready: (p: Page) => Promise<unknown>): Promise<Page> {
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Permissions-Policy/i.test(m.text())) consoleCsp.push(m.text());
    });
    const res = await page.goto(`${t.url}${path}`);
    expect(res?.headers()['content-security-policy'], path).toContain("script-src 'self'");
    await ready(page);
    await page.evaluate(() => document.fonts.ready);
    expect(
      [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleCsp],
      path,
    ).toEqual([]);
    return page;
  }

  it('device screens, the phone page and the landing page load with no violation', async () => {
    await visit('/', (p) => p.waitForSelector('a.card'));
    await visit(`/kiosk?token=${tokens.kiosk}`, (p) =>
      p.waitForSelector('[data-screen=home] [data-testid=open-search]:not([disabled])'),
    );
    await visit(`/display?token=${tokens.display}`, (p) => p.waitForSelector('#app *'));
    await visit(`/display/counter/1?token=${tokens.display}`, (p) => p.waitForSelector('#app *'));
    await visit(`/rating?token=${tokens.rating}`, (p) => p.waitForSelector('#app *'));
    await visit(`/t/${ticketId}`, (p) =>
      p.waitForFunction(() => (document.querySelector('#app')?.textContent ?? '').length > 0),
    );
  }, 90_000);

  it('the kiosk prints through the framed ticket page, which reports back to the kiosk only', async () => {
    const kiosk = await visit(`/kiosk?token=${tokens.kiosk}`, (p) => p.waitForSelector('[data-screen=home]'));
    const outcome = await kiosk.evaluate(
      (id) =>
        new Promise<string>((resolve) => {
          addEventListener('message', (e) => {
            if (e.origin === location.origin && e.data?.ticketId === id) resolve(e.data.type);
          });
          setTimeout(() => resolve('timeout'), 8000);
          const f = document.createElement('iframe');
          f.src = `/print/ticket/${id}`;
          document.body.appendChild(f);
        }),
      ticketId,
    );
    expect(outcome).toBe('hcc:printed');
    expect(await kiosk.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  }, 60_000);

  it("the clerk's console and the admin pages load signed in with no violation", async () => {
    const con = await visit('/counter', (p) => p.waitForSelector('input[name=username]'));
    await con.fill('input[name=username]', 'csp-clerk');
    await con.fill('input[name=password]', 'password-123');
    await con.click('button[type=submit]');
    await con.waitForSelector('.picker-card');
    expect(await con.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    const admin = await visit('/admin', (p) => p.waitForSelector('.login-card'));
    await admin.fill('input[name=username]', 'admin');
    await admin.fill('input[name=password]', ADMIN_PASSWORD);
    await admin.click('button[type=submit]');
    await admin.waitForSelector('.settings-form');
    // Every section once (the devices one draws QR codes, the import one reads files).
    for (const label of ['Sở, ngành', 'Lĩnh vực', 'Quầy', 'Người dùng', 'Thiết bị', 'Nhập / xuất', 'Nhật ký']) {
      await admin.click(`.side-nav button:has-text("${label}")`);
      await admin.waitForSelector('.side-nav button.active');
    }
    expect(await admin.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await visit('/admin/monitor', (p) => p.waitForSelector('#app *'));
    await visit('/admin/reports', (p) => p.waitForSelector('#app *'));
  }, 90_000);
});
