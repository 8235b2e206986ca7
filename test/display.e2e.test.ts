/**
 * The hall display, the counter sign and the tracking page against the real built server in
 * Debian's Chromium: live calls, the voice player's clip lists, a server restart, screenshots.
 * Needs `node scripts/build.mjs server` and the display build (dist/display).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnouncement } from '../display/src/voice/announcement.clips.ts';
import { launchBrowser, shot } from './support/browser.ts';
import { ROOT, fixtures, startServerProcess, type ServerProcess } from './support/server-process.ts';

type Fx = Awaited<ReturnType<typeof fixtures>>;
interface Record {
  clips: string[];
  at: number;
}

let server: ServerProcess;
let fx: Fx;
let browser: Browser;
let displayToken: string;
let kioskToken: string;
let clerks: string[] = [];
let counters: any[];
let areas: any[];
let config: any;

const poll = async <T>(
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  ms: number,
  step = 25,
): Promise<{ value: T; elapsed: number }> => {
  const start = Date.now();
  let value = await fn();
  while (!ok(value) && Date.now() - start < ms) {
    await new Promise((r) => setTimeout(r, step));
    value = await fn();
  }
  return { value, elapsed: Date.now() - start };
};
const text = (page: Page, sel: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, sel);
const announcements = (page: Page) =>
  page.evaluate(() => (window as unknown as { __hccAnnouncements: Record[] }).__hccAnnouncements.map((r) => r.clips));

/** The clip list the center's settings and the shipped pack give for a call. */
function expectedClips(number: string, counter: number): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'display/public/voice/default/manifest.json'), 'utf8')) as {
    clips: object;
  };
  return buildAnnouncement({
    template: config.announcement,
    number,
    counter,
    repeat: config.announceTimes,
    reading: { mode: config.numberReading, dialect: config.dialect },
    available: new Set(Object.keys(manifest.clips)),
  }).clips;
}

async function issue(areaId: string) {
  const r = await fx.call('POST', '/api/tickets', { areaId }, kioskToken);
  expect(r.status).toBe(201);
  return r.body as { id: string; number: string; trackUrl: string };
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/display/index.html')))
    throw new Error(
      'Build the display first: node node_modules/vite/bin/vite.js build --config display/vite.config.ts',
    );
  server = await startServerProcess();
  fx = await fixtures(server.url);
  displayToken = (await fx.device('display')).token;
  kioskToken = (await fx.device('kiosk')).token;
  counters = (await fx.counters()).sort((a, b) => a.number - b.number);
  areas = await fx.areas();
  config = (await fx.call('GET', '/api/config/public')).body;
  clerks = [];
  // Eight counters open, each with its own clerk.
  for (const i of [0, 1, 2, 3, 5, 6, 9, 11]) {
    const token = await fx.clerk(`canbo${i}`);
    expect((await fx.call('POST', `/api/counters/${counters[i].id}/open`, {}, token)).status).toBe(200);
    clerks[i] = token;
  }
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDisplay(path: string, width = 1920, height = 1080): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (process.env.DEBUG_DISPLAY) {
    page.on('console', (m) => console.log(`[page ${Date.now() % 100000}] ${m.text()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) console.log(`[page] ${r.status()} ${r.url()}`);
    });
  }
  await page.addInitScript(() => {
    (window as unknown as { __hccAnnouncements: unknown[] }).__hccAnnouncements = [];
  });
  await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}token=${displayToken}`);
  return { page, errors };
}

const areaOf = (i: number) => areas.find((a) => a.id === counters[i].areaIds[0]).id as string;

describe('hall display', () => {
  let page: Page;
  let errors: string[];
  let first: { id: string; number: string };

  it('draws from the snapshot, removes the token from the address bar, and shows a call live', async () => {
    ({ page, errors } = await openDisplay('/display'));
    await page.waitForSelector('[data-counter]', { timeout: 10_000 });
    expect(page.url()).toBe(`${server.url}/display`);
    expect(await text(page, '.hero-heading')).toBe('MỜI CÔNG DÂN CÓ SỐ');
    expect(await page.locator('[data-counter]').count()).toBe(8);

    first = await issue(areaOf(2));
    await issue(areaOf(0));
    await issue(areaOf(5));
    await issue(areaOf(9));
    await page.waitForTimeout(1500); // the voice pack is loaded and the AudioContext runs
    const r = await fx.call('POST', `/api/counters/${counters[2].id}/call-next`, {}, clerks[2]);
    expect(r.body.ticket.number).toBe(first.number);
    // How fast is measured by `npm run bench` (call → display); here only that it shows, live, without a reload.
    const seen = await poll(
      () => text(page, '[data-testid=hero-number]'),
      (v) => v === first.number,
      10_000,
    );
    expect(seen.value).toBe(first.number);
    expect(await text(page, '[data-testid=hero-counter]')).toBe(`QUẦY ${counters[2].number}`);
    expect(await text(page, `[data-counter="${counters[2].number}"] .tile-ticket`)).toBe(first.number);
  });

  it('asks the voice player for chime + the announcement, in order, once per call and recall', async () => {
    const want = expectedClips(first.number, counters[2].number);
    expect(want[0]).toBe('chime');
    const got = await poll(
      () => announcements(page),
      (a) => a.length >= 1,
      5000,
    );
    expect(got.value).toEqual([want]);

    // Each announcement lasts ~16 s (chime + the sentence twice): the next waits, never cuts it off.
    await fx.call('POST', `/api/counters/${counters[2].id}/recall`, {}, clerks[2]);
    const second = await fx.call('POST', `/api/counters/${counters[0].id}/call-next`, {}, clerks[0]);
    const got2 = await poll(
      () => announcements(page),
      (a) => a.length >= 2,
      25_000,
    );
    expect(got2.value).toEqual([want, want]);
    expect(got2.elapsed).toBeGreaterThan(8000);
    const got3 = await poll(
      () => announcements(page),
      (a) => a.length >= 3,
      25_000,
    );
    expect(got3.value).toEqual([want, want, expectedClips(second.body.ticket.number, counters[0].number)]);
  }, 90_000);

  it('follows a settings change live (notice, one reading per call); screenshot 1920×1080', async () => {
    const notice =
      'Trung tâm làm việc từ 7 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu và sáng thứ Bảy. Công dân vui lòng giữ trật tự.';
    // The whole document goes back: PATCH /api/settings currently resets the fields it is not given.
    const current = (await fx.call('GET', '/api/settings', undefined, fx.admin)).body;
    expect((await fx.call('PATCH', '/api/settings', { ...current, announceTimes: 1, notice }, fx.admin)).status).toBe(
      200,
    );
    config = (await fx.call('GET', '/api/config/public')).body;
    expect(config.announceTimes).toBe(1);
    await poll(
      () => text(page, '.ticker'),
      (v) => v === notice,
      5000,
    );
    expect(await text(page, '.ticker')).toBe(notice);
    for (const i of [1, 3, 6, 11, 1, 3, 6, 5, 5, 5, 5, 11, 9]) await issue(areaOf(i));
    for (const i of [1, 3, 6]) await fx.call('POST', `/api/counters/${counters[i].id}/call-next`, {}, clerks[i]);
    await fx.call('POST', `/api/counters/${counters[5].id}/call-next`, {}, clerks[5]);
    await fx.call('POST', `/api/counters/${counters[9].id}/pause`, {}, clerks[9]);
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('display-hall-1920x1080') });
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('display-hall-portrait-1080x1920') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(errors).toEqual([]);
  }, 60_000);

  it('survives a server restart: offline banner, then the right state again, and nothing old is said', async () => {
    // The call made for the screenshot is said first, so it cannot be mistaken for a repeat.
    await poll(
      () => announcements(page),
      (a) => a.length >= 7,
      60_000,
    );
    const hero = await text(page, '[data-testid=hero-number]');
    const before = (await announcements(page)).length;
    expect(before).toBe(7);
    await server.stop();
    await poll(
      () => page.locator('.banner-offline').count(),
      (n) => n === 1,
      10_000,
    );
    expect(await page.locator('.banner-offline').count()).toBe(1);
    await page.screenshot({ path: shot('display-hall-offline') });
    await server.restart();
    await poll(
      () => page.locator('.banner-offline').count(),
      (n) => n === 0,
      15_000,
    );
    expect(await page.locator('.banner-offline').count()).toBe(0);
    expect(await text(page, '[data-testid=hero-number]')).toBe(hero);
    await page.waitForTimeout(2000);
    expect((await announcements(page)).length).toBe(before);

    // Live calls after the restart are said (once).
    const next = await issue(areaOf(2));
    const r = await fx.call('POST', `/api/counters/${counters[2].id}/call`, { ticketId: next.id }, clerks[2]);
    expect(r.status).toBe(200);
    await poll(
      () => text(page, '[data-testid=hero-number]'),
      (v) => v === next.number,
      10_000,
    );
    expect(await text(page, '[data-testid=hero-number]')).toBe(next.number);
    const after = await poll(
      () => announcements(page),
      (a) => a.length >= before + 1,
      25_000,
    );
    expect(after.value.slice(before)).toEqual([expectedClips(next.number, counters[2].number)]);
    expect(errors).toEqual([]);
  }, 150_000);

  it('shows only the counters its device settings name', async () => {
    const dev = await fx.device('display');
    const patched = await fx.call(
      'PATCH',
      `/api/devices/${dev.id}`,
      { settings: { counters: [counters[0].number] } },
      fx.admin,
    );
    expect(patched.status).toBe(200);
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const p = await ctx.newPage();
    await p.goto(`${server.url}/display?token=${dev.token}`);
    await p.waitForSelector('[data-counter]', { timeout: 10_000 });
    expect(
      await p.locator('[data-counter]').evaluateAll((els) => els.map((e) => e.getAttribute('data-counter'))),
    ).toEqual([String(counters[0].number)]);
    await ctx.close();
  });
});

describe('hall display where the browser blocks sound', () => {
  // One retry: this test failed twice on fresh-clone CI runs and never elsewhere; the log now says why if it does.
  it('asks once for "Bật âm thanh", then announces after the tap', { timeout: 60_000, retry: 1 }, async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __hccAnnouncements: unknown[] }).__hccAnnouncements = [];
      // Behave like a browser started without the autoplay flag: audio waits for a tap.
      // The state reads 'suspended' from the first instant (a real suspend() is asynchronous and raced the
      // player's first look), and only a resume() after a real tap on the page unlocks it.
      let tapped = false;
      window.addEventListener(
        'pointerdown',
        () => {
          tapped = true;
        },
        true,
      );
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        private unlocked = false;
        constructor(opts?: AudioContextOptions) {
          super(opts);
          void super.suspend();
        }
        override get state(): AudioContextState {
          return this.unlocked ? super.state : 'suspended';
        }
        override resume() {
          if (!tapped) return Promise.resolve();
          this.unlocked = true;
          return super.resume();
        }
      };
    });
    const log: string[] = [];
    page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/display?token=${displayToken}`);
    try {
      await page.waitForSelector('.sound-setup-button', { timeout: 30_000 });
    } catch (e) {
      // Say what the page showed instead, so a failure on CI can be understood from its log.
      console.error('[sound-setup missing]', (await page.textContent('body'))?.slice(0, 300), log.join(' | '));
      await page.screenshot({ path: shot('display-hall-sound-setup-FAILED') });
      throw e;
    }
    await page.screenshot({ path: shot('display-hall-sound-setup') });
    await page.click('.sound-setup-button');
    await poll(
      () => page.locator('.sound-setup, .banner-sound').count(),
      (n) => n === 0,
      10_000,
    );
    expect(await page.locator('.sound-setup, .banner-sound').count()).toBe(0);
    const t = await issue(areaOf(11));
    await fx.call('POST', `/api/counters/${counters[11].id}/call`, { ticketId: t.id }, clerks[11]);
    const got = await poll(
      () => announcements(page),
      (a) => a.length >= 1,
      15_000,
    );
    expect(got.value).toEqual([expectedClips(t.number, counters[11].number)]);
    await ctx.close();
  });
});

describe('pairing', () => {
  it('an unpaired display asks for the pairing code, then runs with the token it got', async () => {
    const dev = await fx.device('display');
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/display`);
    await page.waitForSelector('.pairing-card input');
    await page.fill('.pairing-card input', '000000');
    await page.click('.pairing-card button');
    await page.waitForSelector('.pairing-error');
    expect(await text(page, '.pairing-error')).toContain('Mã ghép nối');
    await page.screenshot({ path: shot('display-pairing') });
    await page.fill('.pairing-card input', dev.pairingCode);
    await page.click('.pairing-card button');
    await page.waitForSelector('[data-counter]', { timeout: 10_000 });
    expect(await page.evaluate(() => localStorage.getItem('hcc.display.token'))).toBeTruthy();
    await page.reload();
    await page.waitForSelector('[data-counter]', { timeout: 10_000 });
    await ctx.close();
  });
});

describe('counter sign', () => {
  it('shows the counter, the number served, "Tạm dừng" when paused, "Quầy đóng" when closed', async () => {
    const c = counters[0];
    const { page, errors } = await openDisplay(`/display/counter/${c.number}`);
    await page.waitForSelector('[data-testid=sign-title]');
    expect(await text(page, '[data-testid=sign-title]')).toBe(`QUẦY ${c.number}`);
    const current = (await fx.counters()).find((x) => x.id === c.id).currentTicket;
    await poll(
      () => text(page, '[data-testid=sign-number]'),
      (v) => v === current.number,
      10_000,
    );
    expect(await text(page, '[data-testid=sign-number]')).toBe(current.number);
    await page.screenshot({ path: shot('display-counter-sign-1920x1080') });
    await fx.call('POST', `/api/counters/${c.id}/pause`, {}, clerks[0]);
    await poll(
      () => text(page, '[data-testid=sign-state]'),
      (v) => v === 'Tạm dừng',
      10_000,
    );
    expect(await text(page, '[data-testid=sign-state]')).toBe('Tạm dừng');
    await page.screenshot({ path: shot('display-counter-sign-paused') });
    await fx.call('POST', `/api/counters/${c.id}/resume`, {}, clerks[0]);
    await fx.call('POST', `/api/counters/${c.id}/finish`, {}, clerks[0]);
    await fx.call('POST', `/api/counters/${c.id}/close`, {}, clerks[0]);
    await poll(
      () => text(page, '[data-testid=sign-state]'),
      (v) => v === 'Quầy đóng',
      10_000,
    );
    expect(await text(page, '[data-testid=sign-state]')).toBe('Quầy đóng');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('tracking page', () => {
  async function openTrack(path: string) {
    const ctx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      const w = window as unknown as { __vibrations: unknown[] };
      w.__vibrations = [];
      Object.defineProperty(navigator, 'vibrate', {
        value: (p: unknown) => {
          w.__vibrations.push(p);
          return true;
        },
        configurable: true,
      });
    });
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  it('shows a waiting ticket, then turns to "called" with the counter live, and buzzes', async () => {
    const t = await issue(areaOf(5));
    expect(new URL(t.trackUrl, server.url).pathname).toBe(`/t/${t.id}`);
    const { page, errors } = await openTrack(`/t/${t.id}`);
    await page.waitForSelector('[data-testid=number]');
    expect(await text(page, '[data-testid=number]')).toBe(t.number);
    expect(await text(page, '[data-testid=status]')).toContain('Đang chờ');
    // The call must reach a live socket (the vibration is for live calls, not for a snapshot).
    await page.waitForSelector('html[data-live="1"]', { timeout: 15_000 });
    await page.screenshot({ path: shot('display-track-waiting-390x844') });
    const c = counters[5];
    expect((await fx.call('POST', `/api/counters/${c.id}/call`, { ticketId: t.id }, clerks[5])).status).toBe(200);
    const called = await poll(
      () => text(page, '[data-testid=status]'),
      (v) => Boolean(v?.includes(`Mời bạn đến quầy số ${c.number}`)),
      10_000,
    );
    expect(called.value).toContain(`Mời bạn đến quầy số ${c.number}`);
    expect(
      await page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length),
    ).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('display-track-called-390x844') });
    await fx.call('POST', `/api/counters/${c.id}/start`, {}, clerks[5]);
    await poll(
      () => text(page, '[data-testid=status]'),
      (v) => Boolean(v?.includes('Đang được phục vụ')),
      10_000,
    );
    expect(await text(page, '[data-testid=status]')).toContain('Đang được phục vụ');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an unknown id says "Không tìm thấy số thứ tự"', async () => {
    const { page } = await openTrack('/t/khong-co-so-nay');
    await page.waitForSelector('h1');
    expect(await text(page, 'h1')).toBe('Không tìm thấy số thứ tự');
    await page.screenshot({ path: shot('display-track-notfound-390x844') });
    await page.context().close();
  });
});
