/**
 * Issue 17 (and the staff side of issue 13): the staff screens at the sizes of the issue, in Debian's Chromium,
 * against an in-process server (real SQLite, real sockets) that serves a build of the screens. Each point is
 * measured (not only photographed) and a screenshot is saved to test-output/screenshots/ for a person to look at.
 * Needs the screens built: dist/ (node scripts/build.mjs), or SCREENS_DIST=<dir> with counter/, display/, admin/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../server/src/core/clock.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../server/src/testing/server.testing.ts';
import { launchBrowser, shot } from './support/browser.ts';
import { ROOT } from './support/server-process.ts';
import { startProxy } from './support/tcp.proxy.ts';

const DIST = process.env.SCREENS_DIST ?? join(ROOT, 'dist');
type Proxy = Awaited<ReturnType<typeof startProxy>>;

/** WCAG relative luminance and contrast of two `rgb(r, g, b)` colours. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};
const rect = (page: Page, sel: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height } : null;
  }, sel);

describe('staff screens at the issue sizes (Chromium)', () => {
  let t: TestServer;
  let proxy: Proxy;
  let browser: Browser;
  let clerk: { id: string; token: string };
  let kiosk: string;
  let displayToken: string;
  let counters: any[];
  let c1: any;
  let c2: any;

  const issue = async (areaId: string) => {
    const r = await t.call('POST', '/api/tickets', { areaId }, kiosk);
    expect(r.status).toBe(201);
    return r.body as { id: string; number: string };
  };
  const page = async (width: number, height: number, url?: string) => {
    const ctx = await browser.newContext({ viewport: { width, height } });
    const p = await ctx.newPage();
    if (url) await p.goto(url);
    return p;
  };
  const loginConsole = async (p: Page, base: string) => {
    await p.goto(`${base}/counter`);
    await p.fill('input[name=username]', 'canbo1');
    await p.fill('input[name=password]', 'password-123');
    await p.click('button[type=submit]');
  };

  beforeAll(async () => {
    for (const app of ['counter', 'display', 'admin'])
      if (!existsSync(join(DIST, app, 'index.html')))
        throw new Error(`Build the screens first (${join(DIST, app)}): node scripts/build.mjs`);
    // The browser's clock is the wall clock: the server's starts there too, so the console's clocks read sensibly.
    t = await startTestServer({ listen: true, clock: new ManualClock(Date.now()), env: { STATIC_DIR: DIST } });
    proxy = await startProxy(Number(new URL(t.url).port));
    clerk = await t.createClerk('canbo1');
    await t.createClerk('canbo2');
    kiosk = (await t.createDevice('kiosk')).token;
    displayToken = (await t.createDevice('display')).token;
    counters = (await t.counters()).sort((a, b) => a.number - b.number);
    [c1, c2] = counters;
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await t?.close();
  });

  it('hall display, portrait, no counter open: no empty counters box above the waiting list', async () => {
    for (const a of (await t.areas()).slice(0, 4)) await issue(a.id);
    const p = await page(1080, 1920, `${t.url}/display?token=${displayToken}`);
    await p.waitForSelector('.hall-body.no-counters');
    await p.waitForFunction(() => document.querySelectorAll('.area-row').length > 0);
    expect(await p.evaluate(() => getComputedStyle(document.querySelector('.col-counters')!).display)).toBe('none');
    const calls = (await rect(p, '.col-calls'))!;
    const areas = (await rect(p, '.col-areas'))!;
    expect(areas.top - calls.bottom).toBeLessThan(40); // the waiting list follows the calls directly
    const px = await p.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.area-name')!).fontSize));
    expect(px).toBeGreaterThanOrEqual(40);
    await p.screenshot({ path: shot('screens-hall-portrait-no-counters-1080x1920') });
    await p.context().close();
  });

  it('counter console at 1920×1080 grows; F9 with a citizen says so first; the offline banner leaves the header visible', async () => {
    const big = await page(1920, 1080);
    await loginConsole(big, proxy.url);
    await big.click('.picker-card[data-counter="1"] button');
    await big.waitForSelector('.console');
    await issue(c1.areaIds[0]);
    await big.waitForSelector('.action-callNext:not([disabled])');
    await big.keyboard.press('F1');
    await big.waitForSelector('[data-testid=current-number]');
    const bigNumber = await big.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('[data-testid=current-number]')!).fontSize),
    );
    const rem = await big.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rem).toBe(20);
    const grid = (await rect(big, '.console-grid'))!;
    expect(grid.width).toBeGreaterThan(1900);
    const queue = (await rect(big, '.console-right'))!;
    expect(queue.right).toBeGreaterThan(1880); // the list reaches the right edge: no third of the screen empty
    await big.screenshot({ path: shot('screens-counter-console-1920x1080') });

    // The same clerk's console at 1366×768 (one session per tab: log in again).
    const small = await page(1366, 768);
    await loginConsole(small, proxy.url);
    await small.waitForSelector('[data-testid=current-number]');
    const smallNumber = await small.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('[data-testid=current-number]')!).fontSize),
    );
    expect(bigNumber).toBeGreaterThan(smallNumber);
    await small.bringToFront();
    await small.waitForSelector('.action-callNext:not([disabled])');
    await small.keyboard.press('F9');
    await small.waitForFunction(() =>
      document.querySelector('[data-testid=status-line]')?.textContent?.startsWith('Chưa đóng được quầy'),
    );
    expect(await small.$('[role=dialog]')).toBeNull();
    await small.screenshot({ path: shot('screens-counter-f9-with-citizen-1366x768') });

    proxy.cut();
    await small.waitForSelector('.offline-banner', { timeout: 20_000 });
    const banner = (await rect(small, '.offline-banner'))!;
    const header = (await rect(small, '.console .topbar'))!;
    expect(header.top).toBeGreaterThanOrEqual(banner.bottom - 0.5);
    expect(await small.isVisible('.topbar-counter')).toBe(true);
    expect(await small.textContent('.topbar-counter')).toContain('Quầy 1');
    await small.screenshot({ path: shot('screens-counter-offline-1366x768') });
    proxy.restore();
    await small.waitForSelector('.offline-banner', { state: 'detached', timeout: 20_000 });

    await small.waitForSelector('.action-finish:not([disabled])');
    await small.keyboard.press('F4');
    await small.waitForSelector('.action-finish[disabled]');
    await small.waitForSelector('.action-close:not([disabled])');
    await small.keyboard.press('F9');
    await small.click('[role=dialog] .btn-primary');
    await small.waitForSelector('.picker-page .form-ok');
    expect(await small.textContent('.picker-page .form-ok')).toMatch(/^Đã đóng quầy 1/);
    await small.screenshot({ path: shot('screens-counter-closed-1366x768') });
    await big.context().close();
    await small.context().close();
  });

  it('hall display at 1920×1080: a transferred ticket leaves the big box; call box text and names readable', async () => {
    const token = clerk.token;
    expect((await t.call('POST', `/api/counters/${c1.id}/open`, undefined, token)).status).toBe(200);
    const p = await page(1920, 1080, `${t.url}/display?token=${displayToken}`);
    await p.waitForSelector('.hall-body:not(.no-counters)');
    const first = await t.call('POST', `/api/counters/${c1.id}/call-next`, { expectedTicketId: null }, token);
    const a = first.body.ticket;
    await p.waitForFunction((n) => document.querySelector('[data-testid=hero-number]')?.textContent === n, a.number);
    await t.call('POST', `/api/counters/${c1.id}/finish`, { expectedTicketId: a.id }, token);
    const second = await t.call('POST', `/api/counters/${c1.id}/call-next`, { expectedTicketId: null }, token);
    const b = second.body.ticket;
    await p.waitForFunction((n) => document.querySelector('[data-testid=hero-number]')?.textContent === n, b.number);
    // The yellow phase of the blinking call box: the counter's name on gold.
    const colours = await p.evaluate(() => {
      const el = document.querySelector('.hero-counter-name')!;
      return { ink: getComputedStyle(el).color };
    });
    expect(contrast(colours.ink, 'rgb(255, 193, 7)')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.ink, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);
    const px = await p.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.area-name')!).fontSize));
    expect(px).toBeGreaterThanOrEqual(40);
    await p.screenshot({ path: shot('screens-hall-called-1920x1080') });

    const moved = await t.call(
      'POST',
      `/api/counters/${c1.id}/transfer`,
      { counterId: c2.id, expectedTicketId: b.id, force: true },
      token,
    );
    expect(moved.status).toBe(200);
    await p.waitForFunction((n) => document.querySelector('[data-testid=hero-number]')?.textContent === n, a.number);
    await p.screenshot({ path: shot('screens-hall-after-transfer-1920x1080') });
    await p.reload(); // a fresh snapshot still lists the old call: it stays away
    await p.waitForSelector('[data-testid=hero-number]');
    expect(await p.textContent('[data-testid=hero-number]')).toBe(a.number);
    await p.context().close();
  });

  it('pairing screens: the placeholder is not letter-spaced', async () => {
    const p = await page(1920, 1080, `${t.url}/display`);
    await p.waitForSelector('.pairing-card input');
    const spacing = await p.evaluate(
      () => getComputedStyle(document.querySelector('.pairing-card input')!, '::placeholder').letterSpacing,
    );
    expect(spacing).toBe('normal');
    await p.screenshot({ path: shot('screens-display-pairing-1920x1080') });
    await p.context().close();
  });

  const adminPage = async (width: number, height: number, path: string) => {
    const p = await page(width, height, `${t.url}/admin`);
    await p.fill('input[name=username]', 'admin');
    await p.fill('input[name=password]', ADMIN_PASSWORD);
    await p.click('button[type=submit]');
    await p.waitForSelector('.app-bar');
    if (path !== '/admin') {
      await p.goto(`${t.url}${path}`);
      await p.waitForSelector('.app-bar');
    }
    return p;
  };

  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`control room at ${w}×${h}: every area's full name is shown`, async () => {
      const p = await adminPage(w, h, '/admin/monitor');
      await p.waitForSelector('.mon-areas tbody tr');
      const cut = await p.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.mon-areas tbody td:first-child')]
          .filter((td) => td.scrollWidth > td.clientWidth + 1 || getComputedStyle(td).textOverflow === 'ellipsis')
          .map((td) => td.textContent),
      );
      expect(cut).toEqual([]);
      // …and the table still fits its panel (its last column, the open/close buttons, is not pushed out of view).
      const overflow = await p.evaluate(() => {
        const panel = document.querySelector<HTMLElement>('.mon-areas')!;
        return panel.scrollWidth - panel.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(1);
      await p.screenshot({ path: shot(`screens-control-room-${w}x${h}`) });
      await p.context().close();
    });
  }

  it('admin tables at 1280×800: action cells line up with their rows; #section in the address switches section', async () => {
    const p = await adminPage(1280, 800, '/admin#users');
    await p.waitForSelector('.data-table td.actions');
    const misaligned = () =>
      p.evaluate(
        () =>
          [...document.querySelectorAll('.data-table tbody tr')].filter((tr) => {
            const cells = [...tr.children].map((td) => td.getBoundingClientRect());
            return cells.some(
              (r) => Math.abs(r.top - cells[0]!.top) > 0.5 || Math.abs(r.bottom - cells[0]!.bottom) > 0.5,
            );
          }).length,
      );
    expect(await misaligned()).toBe(0);
    await p.screenshot({ path: shot('screens-admin-users-1280x800') });
    await p.evaluate(() => {
      location.hash = '#devices';
    });
    await p.waitForFunction(() => document.querySelector('.side-nav .active')?.textContent === 'Thiết bị');
    await p.waitForSelector('.data-table td.actions button');
    expect(await misaligned()).toBe(0);
    await p.screenshot({ path: shot('screens-admin-devices-1280x800') });
    await p.context().close();
  });
});

/**
 * Issue 13, staff side, against the real booking routes: the console and the hall mark an appointment and a remote
 * number; the admin lists the day's bookings (last three digits only); the control room counts due and missed.
 * The server's clock is Thursday 2026-11-26 08:00 (+07:00); each browser context's clock is set to it.
 */
describe('issue 13 staff screens (Chromium)', () => {
  let t: TestServer;
  let browser: Browser;
  const DAY = '2026-11-26';
  const at = (hhmm: string) => `${DAY}T${hhmm}:00.000+07:00`;
  const IDS = { adult: '001085012345', other: '001090054321', young: '079203001234', elderly: '040060000111' };
  let clerk: { id: string; token: string };
  let display: string;
  const codes: Record<string, string> = {};
  let numbers: Record<string, string> = {};

  const page = async (width: number, height: number) => {
    const ctx = await browser.newContext({ viewport: { width, height } });
    await ctx.clock.install({ time: new Date((t.clock as ManualClock).now()) });
    return ctx.newPage();
  };

  beforeAll(async () => {
    t = await startTestServer({ listen: true, env: { STATIC_DIR: DIST } });
    const admin = t.adminToken;
    const s = await t.call('PATCH', '/api/settings', { booking: { enabled: true, remoteTickets: true } }, admin);
    expect(s.status).toBe(200);
    const areas = await t.areas();
    const area = (code: string) => areas.find((a) => a.code === code)!;
    for (const code of ['LLTP', 'HTCT'])
      expect((await t.call('PATCH', `/api/areas/${area(code).id}`, { bookingSlotCapacity: 2 }, admin)).status).toBe(
        200,
      );
    const book = async (who: keyof typeof IDS, code: string, hhmm: string) => {
      const r = await t.call('POST', '/api/public/bookings', {
        areaId: area(code).id,
        start: at(hhmm),
        citizenId: IDS[who],
      });
      expect([r.status, r.body.error]).toEqual([201, undefined]);
      codes[who] = r.body.code;
    };
    await book('adult', 'LLTP', '08:30');
    await book('other', 'HTCT', '08:30');
    await book('young', 'LLTP', '09:30');
    const kiosk = (await t.createDevice('kiosk')).token;
    display = (await t.createDevice('display')).token;
    clerk = await t.createClerk('canbo9');
    const c1 = (await t.counters()).find((c) => c.number === 1)!;
    expect((await t.call('POST', `/api/counters/${c1.id}/open`, undefined, clerk.token)).status).toBe(200);
    (t.clock as ManualClock).advance(10 * 60_000); // 08:10: inside the 08:30 booking's check-in window
    const checkIn = await t.call('POST', '/api/tickets', { bookingCode: codes.adult }, kiosk);
    expect([checkIn.status, checkIn.body.channel]).toEqual([201, 'appointment']);
    const remote = await t.call('POST', '/api/public/tickets', { areaId: area('HTCT').id, citizenId: IDS.elderly });
    expect([remote.status, remote.body.channel]).toEqual([201, 'remote']);
    numbers = { appointment: checkIn.body.number, remote: remote.body.number };
    (t.clock as ManualClock).advance(40 * 60_000); // 08:50: the 08:30 HTCT booking is past its late window (15 min)
    const walkIn = await t.call('POST', '/api/tickets', { areaId: area('LLTP').id }, kiosk);
    numbers.walkIn = walkIn.body.number;
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the console marks the appointment and the remote number; the hall marks the call', async () => {
    const hall = await page(1920, 1080);
    await hall.goto(`${t.url}/display?token=${display}`);
    const p = await page(1366, 768);
    await p.goto(`${t.url}/counter`);
    await p.fill('input[name=username]', 'canbo9');
    await p.fill('input[name=password]', 'password-123');
    await p.click('button[type=submit]');
    await p.waitForSelector(`.queue-row[data-number="${numbers.remote}"]`);
    const mark = (n: string) => p.textContent(`.queue-row[data-number="${n}"] .queue-area`);
    expect(await mark(numbers.appointment!)).toContain('Đặt hẹn');
    expect(await mark(numbers.remote!)).toContain('Từ xa');
    expect(await p.$(`.queue-row[data-number="${numbers.walkIn}"] .channel-badge`)).toBeNull();
    await p.screenshot({ path: shot('screens-counter-queue-channels-1366x768') });
    await p.waitForSelector('.action-callNext:not([disabled])');
    await p.click(`.queue-row[data-number="${numbers.appointment}"] .btn-call`);
    await p.waitForFunction(
      (n) => document.querySelector('[data-testid=current-number]')?.textContent === n,
      numbers.appointment,
    );
    expect(await p.textContent('.current-top .channel-badge')).toBe('Đặt hẹn');
    await p.screenshot({ path: shot('screens-counter-current-appointment-1366x768') });
    await hall.waitForFunction(
      (n) => document.querySelector('[data-testid=hero-number]')?.textContent === n,
      numbers.appointment,
    );
    expect(await hall.textContent('[data-testid=hero] .channel-badge')).toBe('Đặt hẹn');
    await hall.screenshot({ path: shot('screens-hall-appointment-1920x1080') });
    await p.context().close();
    await hall.context().close();
  });

  const adminPage = async (width: number, height: number, path: string) => {
    const p = await page(width, height);
    await p.goto(`${t.url}/admin`);
    await p.fill('input[name=username]', 'admin');
    await p.fill('input[name=password]', ADMIN_PASSWORD);
    await p.click('button[type=submit]');
    await p.waitForSelector('.app-bar');
    await p.goto(`${t.url}${path}`);
    await p.waitForSelector('.app-bar');
    return p;
  };

  it("the day's bookings: statuses in Vietnamese, the last three digits only", async () => {
    const p = await adminPage(1366, 768, '/admin/bookings');
    await p.waitForSelector(`tr[data-booking="${codes.adult}"]`);
    const row = (who: string) => p.textContent(`tr[data-booking="${codes[who]}"]`);
    expect(await row('adult')).toContain('Đã đến');
    expect(await row('adult')).toContain(numbers.appointment);
    expect(await row('other')).toContain('Lỡ hẹn');
    expect(await row('young')).toContain('Đã đặt');
    const page = (await p.textContent('.bookings-page'))!;
    for (const id of Object.values(IDS)) expect(page).not.toContain(id);
    for (const who of ['adult', 'other', 'young'] as const)
      expect(await row(who)).toContain(`•••••••••${IDS[who].slice(-3)}`); // nine dots and the last three digits
    await p.screenshot({ path: shot('screens-admin-bookings-1366x768') });
    await p.context().close();
  });

  it('the control room counts bookings due and missed today', async () => {
    const p = await adminPage(1920, 1080, '/admin/monitor');
    await p.waitForSelector('[data-kpi=bookings-due]');
    expect(await p.textContent('[data-kpi=bookings-due] b')).toBe('1'); // 09:30, within the next hour
    expect(await p.textContent('[data-kpi=bookings-missed] b')).toBe('1');
    await p.screenshot({ path: shot('screens-control-room-bookings-1920x1080') });
    await p.context().close();
  });

  it('the admin settings: booking fields with units and the capacities per area', async () => {
    const p = await adminPage(1280, 800, '/admin#settings');
    await p.waitForSelector('input[name="booking.daysAhead"]');
    expect(await p.isChecked('input[name="booking.enabled"]')).toBe(true);
    await p.locator('input[name="booking.daysAhead"]').scrollIntoViewIfNeeded();
    await p.screenshot({ path: shot('screens-admin-booking-settings-1280x800') });
    await p.locator('table[aria-label="Số lượt hẹn mỗi khung giờ"]').scrollIntoViewIfNeeded();
    expect(await p.inputValue('tr[data-area=LLTP] input')).toBe('2');
    await p.screenshot({ path: shot('screens-admin-booking-capacities-1280x800') });
    await p.context().close();
  });
});
