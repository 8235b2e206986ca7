import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFakePrinter, type FakePrinter } from '../printer/src/testing/fake-printer.testing.ts';
import { launchBrowser, shot } from './support/browser.ts';
import { fixtures, startServerProcess, type ServerProcess } from './support/server-process.ts';

/** The kiosk in real Chromium against the real built server: pairing, a ticket, double taps, offline, every screen shot. */
describe('kiosk end to end', () => {
  let server: ServerProcess;
  let fx: Awaited<ReturnType<typeof fixtures>>;
  let browser: Browser;
  let printer: FakePrinter;
  let kiosk: { id: string; token: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    fx = await fixtures(server.url);
    printer = await startFakePrinter();
    kiosk = await fx.device('kiosk', { printer: printer.address });
    // One open counter for the Sở Tư pháp areas, so the kiosk has an estimated wait to show.
    const clerk = await fx.clerk('kiosk-e2e-clerk');
    const counter = (await fx.counters()).find((c) => c.number === 1);
    expect((await fx.call('POST', `/api/counters/${counter.id}/open`, undefined, clerk)).status).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await printer?.close();
    await server?.close();
  });

  async function open(width: number, height: number, query = ''): Promise<Page> {
    const ctx = await browser.newContext({
      viewport: { width, height },
      hasTouch: true,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (e) => console.error('[kiosk page error]', e.message));
    await page.goto(`${server.url}/kiosk${query}`);
    return page;
  }
  const ready = async (page: Page) => {
    await page.waitForSelector('[data-screen=home] [data-testid=open-search]:not([disabled])', { timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready);
  };
  const snap = async (page: Page, name: string) => {
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(150);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow, `${name}: nothing may overflow sideways`).toBe(false);
    await page.screenshot({ path: shot(name) });
  };
  const issuedIn = async (areaId: string) => (await fx.areas()).find((a) => a.id === areaId).issuedToday as number;
  /** First screen → a department with several areas → its first open area → the "Lấy số" screen (3rd tap: Lấy số). */
  const toTake = async (page: Page, department = 'Sở Tư pháp') => {
    await page.click(`[data-testid=department]:has-text("${department}")`);
    await page.waitForSelector('[data-screen=areas]');
    const areaId = (await page.getAttribute('[data-testid=area]:not([disabled])', 'data-area-id'))!;
    await page.click(`[data-area-id="${areaId}"]`);
    await page.waitForSelector('[data-testid=take]');
    return areaId;
  };
  /**
   * The procedure search. The contract's GET /api/procedures is served by the built server once the catalogue is in
   * dist/; a server built before it answers 404, and then this test serves the contract's answer itself, so the
   * kiosk side is still driven in a real browser (and says which way it ran).
   */
  const catalogue = async (page: Page) => {
    const real = await fx.call('GET', '/api/procedures?q=khai%20sinh&limit=8');
    if (real.status === 200 && Array.isArray(real.body) && real.body.length > 0) return 'server' as const;
    const hotich = (await fx.areas()).find((a) => a.code === 'HTCT');
    const item = {
      id: 'e2e-khai-sinh',
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      areaId: hotich.id,
      areaCode: hotich.code,
      areaName: hotich.name,
      departmentName: hotich.departmentName,
      timeLimit: 'Ngay trong ngày tiếp nhận hồ sơ',
      fee: 'Miễn lệ phí (đăng ký đúng hạn)',
      documents: ['Tờ khai đăng ký khai sinh theo mẫu', 'Giấy chứng sinh', 'Giấy tờ tùy thân của người đi đăng ký'],
      keywords: ['khai sinh'],
      active: true,
    };
    await page.route('**/api/procedures?*', (route) => {
      const q = new URL(route.request().url()).searchParams.get('q') ?? '';
      return route.fulfill({ json: q.startsWith('khai') ? [item] : [] });
    });
    console.warn('[kiosk e2e] the built server has no GET /api/procedures yet: its answer is served by the test');
    return 'fake' as const;
  };
  const type = async (page: Page, keys: string[]) => {
    for (const k of keys) await page.click(`[data-key="${k}"]`);
  };

  it('pairs with ?token=, takes a ticket in 3 taps from the first screen, shows the stored number (portrait)', async () => {
    const page = await open(1080, 1920, `?token=${kiosk.token}`);
    await ready(page);
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => localStorage.getItem('hcc.kiosk.token'))).toBe(kiosk.token);
    // No "touch to start": the first screen already offers search, priority and the departments.
    expect(await page.$('[data-testid=start]')).toBeNull();
    expect(await page.isVisible('[data-testid=priority-entry]')).toBe(true);
    await snap(page, 'kiosk-home-1080x1920');

    await page.click('[data-testid=department]:has-text("Sở Tư pháp")'); // tap 1
    await page.waitForSelector('[data-screen=areas]');
    await snap(page, 'kiosk-areas-1080x1920');

    const areaId = (await page.getAttribute('[data-testid=area]', 'data-area-id'))!;
    const before = await issuedIn(areaId);
    await page.click(`[data-area-id="${areaId}"]`); // tap 2
    await page.waitForSelector('[data-screen=take]');
    await snap(page, 'kiosk-take-area-1080x1920');
    await page.click('[data-testid=take]'); // tap 3
    await page.waitForSelector('[data-testid=ticket]');
    await snap(page, 'kiosk-ticket-1080x1920');

    const id = (await page.getAttribute('[data-testid=ticket]', 'data-ticket-id'))!;
    const shown = (await page.textContent('[data-testid=ticket-number]'))!.trim();
    const stored = await fx.call('GET', `/api/tickets/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.number).toBe(shown);
    expect(stored.body.areaId).toBe(areaId);
    expect(stored.body.priority).toBe(false);
    expect(await issuedIn(areaId)).toBe(before + 1);
    expect(await page.getAttribute('[data-testid=qr]', 'data-text')).toBe(stored.body.trackUrl);

    // The fake printer on tcp://127.0.0.1: a printed ticket says "Vui lòng nhận phiếu" and bytes reached it.
    const status = await page.getAttribute('[data-testid=print-message]', 'data-print-status');
    expect(['printed', 'failed', 'queued']).toContain(status);
    if (status === 'printed') {
      expect(await page.textContent('[data-testid=print-message]')).toContain('Vui lòng nhận phiếu');
      expect(printer.jobs.some((j) => j.bytes.length > 0)).toBe(true);
    } else {
      expect(await page.textContent('[data-testid=print-message]')).toContain(
        'Vui lòng ghi nhớ số thứ tự của bạn hoặc chụp màn hình',
      );
    }

    await page.click('[data-testid=done]');
    await page.waitForSelector('[data-screen=home]');
  });

  it('a department with one area: a ticket in 2 taps', async () => {
    const areas = (await fx.areas()).filter((a) => a.active);
    const byDept = new Map<string, any[]>();
    for (const a of areas) byDept.set(a.departmentId, [...(byDept.get(a.departmentId) ?? []), a]);
    const single = [...byDept.values()].find((list) => list.length === 1 && list[0].available);
    if (!single) {
      console.warn('[kiosk e2e] the demo center has no department with exactly one open area');
      return;
    }
    const page = await open(1080, 1920, `?token=${kiosk.token}`);
    await ready(page);
    const before = await issuedIn(single[0].id);
    await page.click(`[data-department-id="${single[0].departmentId}"]`); // tap 1
    await page.click('[data-testid=take]'); // tap 2
    await page.waitForSelector('[data-testid=ticket]');
    expect(await issuedIn(single[0].id)).toBe(before + 1);
  });

  it('priority only through its entry: group, department, area, "Lấy số"', async () => {
    const page = await open(1080, 1920, `?token=${kiosk.token}`);
    await ready(page);
    await page.click('[data-testid=priority-entry]');
    await page.waitForSelector('[data-screen=priority]');
    await snap(page, 'kiosk-priority-1080x1920');
    const group = (await page.textContent('[data-testid=priority-group]'))!.trim();
    await page.click('[data-testid=priority-group]');
    expect(await page.textContent('[data-testid=priority-chosen]')).toContain(group);
    await toTake(page);
    await page.click('[data-testid=take]');
    await page.waitForSelector('[data-testid=ticket]');
    const id = (await page.getAttribute('[data-testid=ticket]', 'data-ticket-id'))!;
    const stored = await fx.call('GET', `/api/tickets/${id}`);
    expect([stored.body.priority, stored.body.priorityGroup]).toEqual([true, group]);
  });

  it('a double tap gives one ticket', async () => {
    const page = await open(1080, 1920, `?token=${kiosk.token}`);
    await ready(page);
    let areaId = await toTake(page);
    let before = await issuedIn(areaId);
    await page.dblclick('[data-testid=take]');
    await page.waitForSelector('[data-testid=ticket]');
    await page.waitForTimeout(500);
    expect(await issuedIn(areaId)).toBe(before + 1);

    // Two taps within one frame, before the screen could redraw.
    await page.click('[data-testid=done]');
    areaId = await toTake(page);
    before = await issuedIn(areaId);
    await page.evaluate(() => {
      const b = document.querySelector<HTMLButtonElement>('[data-testid=take]')!;
      b.click();
      b.click();
      b.click();
    });
    await page.waitForSelector('[data-testid=ticket]');
    await page.waitForTimeout(500);
    expect(await issuedIn(areaId)).toBe(before + 1);
  });

  it('finds a procedure typed without diacritics, shows its card, then issues with it; not found says ask', async () => {
    const page = await open(1080, 1920, `?token=${kiosk.token}`);
    const via = await catalogue(page);
    await ready(page);
    await page.click('[data-testid=open-search]');
    await page.waitForSelector('[data-screen=search]');
    await snap(page, 'kiosk-search-empty-1080x1920');
    await type(page, ['K', 'H', 'A', 'I', 'space', 'S', 'I', 'N', 'H']);
    await page.waitForSelector('[data-testid=procedure]');
    expect(await page.textContent('[data-testid=procedure]')).toContain('khai sinh');
    await snap(page, 'kiosk-search-1080x1920');
    await page.click('[data-testid=procedure]');
    await page.waitForSelector('[data-screen=take] [data-testid=documents]');
    expect(await page.$$eval('[data-testid=documents] li', (l) => l.length)).toBeGreaterThan(0);
    expect(await page.isVisible('[data-testid=fee]')).toBe(true);
    expect(await page.isVisible('[data-testid=time-limit]')).toBe(true);
    await snap(page, 'kiosk-procedure-1080x1920');
    if (via === 'server') {
      await page.click('[data-testid=take]');
      await page.waitForSelector('[data-testid=ticket]');
      const id = (await page.getAttribute('[data-testid=ticket]', 'data-ticket-id'))!;
      expect((await fx.call('GET', `/api/tickets/${id}`)).body.procedure?.name).toContain('khai sinh');
      await page.click('[data-testid=done]');
    } else {
      await page.click('[data-testid=home]');
    }
    await page.click('[data-testid=open-search]');
    await type(page, ['Q', 'Q', 'Q', 'X']);
    await page.waitForSelector('[data-testid=not-found]');
    expect(await page.textContent('[data-testid=not-found]')).toBe(
      'Không tìm thấy thủ tục. Xin mời hỏi quầy hướng dẫn.',
    );
    await snap(page, 'kiosk-search-not-found-1080x1920');
  });

  it(
    'shows the red offline banner when the server stops, disables taps, and recovers after a restart',
    { timeout: 90_000 },
    async () => {
      const page = await open(1080, 1920, `?token=${kiosk.token}`);
      await ready(page);
      await server.stop();
      await page.waitForSelector('[data-testid=offline-banner]', { timeout: 10_000 });
      expect(await page.textContent('[data-testid=offline-banner]')).toContain(
        'Mất kết nối máy chủ — đang kết nối lại…',
      );
      expect(await page.isDisabled('[data-testid=open-search]')).toBe(true);
      expect(await page.isDisabled('[data-testid=department] >> nth=0')).toBe(true);
      await snap(page, 'kiosk-offline-1080x1920');
      await server.restart();
      await page.waitForSelector('[data-testid=offline-banner]', { state: 'detached', timeout: 20_000 });
      await ready(page);
      // Still works after the restart: the same token, a new ticket.
      const areaId = await toTake(page);
      const before = await issuedIn(areaId);
      await page.click('[data-testid=take]');
      await page.waitForSelector('[data-testid=ticket]');
      expect(await issuedIn(areaId)).toBe(before + 1);
    },
  );

  it(
    'pairs with a 6-digit code, and goes back to pairing with a message when the device is revoked',
    { timeout: 90_000 },
    async () => {
      const dev = await fx.device('kiosk');
      const page = await open(1080, 1920);
      await page.waitForSelector('[data-screen=pairing]');
      await snap(page, 'kiosk-pairing-1080x1920');
      for (const d of dev.pairingCode) await page.click(`[data-key="${d}"]`);
      await page.click('[data-testid=pair]');
      await ready(page);
      expect(await page.evaluate(() => localStorage.getItem('hcc.kiosk.token'))).toBeTruthy();

      expect((await fx.call('POST', `/api/devices/${dev.id}/revoke`, undefined, fx.admin)).status).toBe(200);
      await page.waitForSelector('[data-testid=pairing-message]', { timeout: 15_000 });
      expect(await page.textContent('[data-testid=pairing-message]')).toContain('thu hồi');
      expect(await page.evaluate(() => localStorage.getItem('hcc.kiosk.token'))).toBeNull();
      await snap(page, 'kiosk-pairing-revoked-1080x1920');
    },
  );

  it('a display token is not accepted as a kiosk', async () => {
    const display = await fx.device('display');
    const page = await open(1080, 1920, `?token=${display.token}`);
    await page.waitForSelector('[data-testid=pairing-message]', { timeout: 15_000 });
    expect(await page.textContent('[data-testid=pairing-message]')).toContain('không phải của ki-ốt');
  });

  it('every screen in landscape 1920×1080, with an unavailable area greyed', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    contexts.push(ctx);
    // A supervisor closes one area for new tickets: the kiosk shows it greyed, with the reason, and cannot issue there.
    const htct = (await fx.areas()).find((a) => a.code === 'HTCT');
    expect((await fx.call('POST', `/api/areas/${htct.id}/close`, undefined, fx.admin)).status).toBe(200);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/kiosk?token=${kiosk.token}`);
    await ready(page);
    await catalogue(page);
    await snap(page, 'kiosk-home-1920x1080');
    await page.click('[data-testid=department]:has-text("Sở Tư pháp")');
    await page.waitForSelector('[data-testid=reason]');
    expect(await page.textContent('[data-testid=reason]')).toContain('Tạm ngừng cấp số');
    const issuedBefore = await issuedIn(htct.id);
    await page.click(`[data-area-id="${htct.id}"]`, { force: true }).catch(() => undefined);
    expect(await page.isVisible('[data-screen=areas]')).toBe(true);
    expect(await issuedIn(htct.id)).toBe(issuedBefore);
    await snap(page, 'kiosk-areas-1920x1080');
    expect((await fx.call('POST', `/api/areas/${htct.id}/open`, undefined, fx.admin)).status).toBe(200);
    await page.click('[data-testid=back]');
    await page.click('[data-testid=open-search]');
    await type(page, ['K', 'H', 'A', 'I', 'space', 'S', 'I', 'N', 'H']);
    await page.waitForSelector('[data-testid=procedure]');
    await snap(page, 'kiosk-search-1920x1080');
    await page.click('[data-testid=procedure]');
    await page.waitForSelector('[data-testid=documents]');
    await snap(page, 'kiosk-procedure-1920x1080');
    // "English" and "Chữ lớn": the kiosk's words change, the catalogue's names stay Vietnamese; nothing overflows.
    await page.click('[data-testid=home]');
    await page.click('[data-testid=lang]');
    await page.waitForSelector('[data-testid=open-search]:has-text("Find a procedure")');
    await snap(page, 'kiosk-home-english-1920x1080');
    await page.click('[data-testid=large-text]');
    await snap(page, 'kiosk-home-large-english-1920x1080');
    await page.click('[data-testid=department]:has-text("Sở Tư pháp")');
    await page.waitForSelector('[data-screen=areas]');
    await snap(page, 'kiosk-areas-large-english-1920x1080');
    await page.click('[data-testid=home]');
    expect(await page.textContent('[data-testid=open-search]')).toContain('Tìm thủ tục');
    await page.click('[data-testid=priority-entry]');
    await snap(page, 'kiosk-priority-1920x1080');
    await page.click('[data-testid=priority-group]');
    await toTake(page);
    await snap(page, 'kiosk-take-priority-1920x1080');
    await page.click('[data-testid=take]');
    await page.waitForSelector('[data-testid=ticket]');
    await snap(page, 'kiosk-ticket-1920x1080');
    await server.stop();
    await page.waitForSelector('[data-testid=offline-banner]', { timeout: 10_000 });
    await snap(page, 'kiosk-offline-1920x1080');
    await server.restart();
    await page.waitForSelector('[data-testid=offline-banner]', { state: 'detached', timeout: 20_000 });

    const pairing = await open(1920, 1080);
    await pairing.waitForSelector('[data-screen=pairing]');
    await snap(pairing, 'kiosk-pairing-1920x1080');
  });

  it('a lookup kiosk (device setting mode: lookup) shows procedures, papers and counters, and issues nothing', async () => {
    const lookup = await fx.device('kiosk', { settings: { mode: 'lookup' } });
    const page = await open(1080, 1920, `?token=${lookup.token}`);
    await catalogue(page);
    await ready(page);
    expect(await page.isVisible('[data-testid=lookup-note]')).toBe(true);
    expect(await page.$('[data-testid=priority-entry]')).toBeNull();
    await snap(page, 'kiosk-lookup-home-1080x1920');
    await page.click('[data-testid=open-search]');
    await type(page, ['K', 'H', 'A', 'I', 'space', 'S', 'I', 'N', 'H']);
    await page.click('[data-testid=procedure]');
    await page.waitForSelector('[data-testid=counters]');
    expect(await page.$('[data-testid=take]')).toBeNull();
    await snap(page, 'kiosk-lookup-procedure-1080x1920');
    const before = (await fx.areas()).reduce((n, a) => n + a.issuedToday, 0);
    await page.click('[data-testid=home]');
    await page.click('[data-testid=department]:has-text("Sở Tư pháp")');
    await page.click('[data-testid=area] >> nth=0');
    await page.waitForSelector('[data-testid=counters]');
    expect(await page.$('[data-testid=take]')).toBeNull();
    expect((await fx.areas()).reduce((n, a) => n + a.issuedToday, 0)).toBe(before);
  });

  it('fits a 10-inch tablet (1280×800)', async () => {
    const page = await open(1280, 800, `?token=${kiosk.token}`);
    await ready(page);
    await snap(page, 'kiosk-home-1280x800');
    await toTake(page);
    await page.click('[data-testid=take]');
    await page.waitForSelector('[data-testid=ticket]');
    await snap(page, 'kiosk-ticket-1280x800');
    // Every button stays a comfortable target for a finger.
    const small = await page.$$eval(
      'button',
      (bs) => bs.filter((b) => b.getBoundingClientRect().height < 64 && b.offsetParent).length,
    );
    expect(small).toBe(0);
  });

  it('prints through the browser when its printer is "browser", and warns when a printer is out of paper', async () => {
    const browserKiosk = await fx.device('kiosk', { printer: 'browser' });
    const page = await open(1080, 1920, `?token=${browserKiosk.token}`);
    await ready(page);
    await toTake(page);
    await page.click('[data-testid=take]');
    await page.waitForSelector('[data-testid=print-message][data-print-status=printed]', { timeout: 10_000 });
    expect(await page.$$eval('iframe', (fs) => fs.map((f) => f.getAttribute('src')))).toEqual([
      expect.stringMatching(/^\/print\/ticket\//),
    ]);

    const empty = await startFakePrinter({ paper: 'out' });
    try {
      const paperless = await fx.device('kiosk', { printer: empty.address });
      await fx.call('GET', '/api/printers?refresh=1', undefined, fx.admin);
      const p2 = await open(1080, 1920, `?token=${paperless.token}`);
      await ready(p2);
      expect(await p2.textContent('[data-testid=printer-warning]')).toContain('hết giấy');
      await snap(p2, 'kiosk-home-printer-warning-1080x1920');
    } finally {
      await empty.close();
    }
  });
});
