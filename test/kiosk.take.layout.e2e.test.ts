import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TakeScreen } from '../kiosk/src/take.screen.tsx';
import { TextContext, translator, type Lang } from '../kiosk/src/kiosk.i18n.ts';
import { area, procedure } from '../kiosk/src/kiosk.fixtures.ts';
import { launchBrowser, shot } from './support/browser.ts';
import { ROOT } from './support/server-process.ts';

/**
 * The procedure card's side column (issue 12): in landscape it is a third of the screen, and the wait line
 * ("Thời gian chờ dự kiến: Chưa có quầy mở") used to wrap label and value side by side in two narrow columns.
 * The card is rendered by the component itself, styled by the kiosk's own CSS and fonts, laid out by Chromium.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The kiosk's CSS, with the bundled font inlined (a page set from a string cannot fetch files). */
function kioskCss(): string {
  const fontDir = join(ROOT, 'node_modules/@fontsource/be-vietnam-pro');
  const fonts = ['400', '600', '800']
    .map((w) =>
      readFileSync(join(fontDir, `${w}.css`), 'utf8').replace(/url\(\.\/files\/([^)]+)\)/g, (_m, file: string) => {
        const bytes = readFileSync(join(fontDir, 'files', file));
        return `url(data:font/woff2;base64,${bytes.toString('base64')})`;
      }),
    )
    .join('\n');
  const own = ['kiosk.base.css', 'kiosk.screens.css', 'kiosk.flow.css'].map((f) =>
    readFileSync(join(ROOT, 'kiosk/src', f), 'utf8'),
  );
  const root = readFileSync(join(ROOT, 'ui/src/fonts.css'), 'utf8').replace(/@import[^;]+;/g, '');
  return [fonts, root, ...own].join('\n');
}

/** The component's markup, rendered by preact into a detached document. */
function cardHtml(lang: Lang, estimatedWaitMin: number | null): string {
  const win = new Window();
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = win.document;
  try {
    const host = win.document.createElement('div');
    const props = {
      area: area({ estimatedWaitMin, waiting: 12 }),
      procedure: procedure(),
      priorityGroup: null,
      lookup: false,
      counters: [],
      disabled: false,
      onTake: () => undefined,
    };
    render(h(TextContext.Provider, { value: { lang, t: translator(lang) } }, h(TakeScreen, props)), host as never);
    return host.innerHTML;
  } finally {
    g.document = before;
    void win.happyDOM.close();
  }
}

const CSS = kioskCss();

describe('procedure card, wait line', () => {
  it.each([
    [1920, 1080, false, 'vi', null],
    [1920, 1080, true, 'vi', null],
    [1920, 1080, true, 'en', null],
    [1920, 1080, true, 'vi', 135],
    [1080, 1920, true, 'vi', null],
  ] as const)(
    '%i×%i large=%s %s wait=%s: each label and value reads on its own line(s), never side by side',
    async (width, height, large, lang, wait) => {
      const page = await browser.newPage({ viewport: { width, height } });
      try {
        await page.setContent(
          `<!doctype html><html class="${large ? 'kiosk-large' : ''}"><head><style>${CSS}</style></head>` +
            `<body><div class="frame"><main class="frame__main">${cardHtml(lang, wait)}</main></div></body></html>`,
        );
        await page.evaluate(() => document.fonts.ready);
        const facts = await page.evaluate(() =>
          [...document.querySelectorAll('.take__wait > *')].map((fact) => {
            // Every run of text in the fact, with the boxes it was laid out in.
            const walker = document.createTreeWalker(fact, NodeFilter.SHOW_TEXT);
            const runs: { text: string; left: number; right: number; top: number; bottom: number; lines: number }[] =
              [];
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (!n.textContent?.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(n);
              const rects = [...range.getClientRects()].filter((r) => r.width > 0);
              const lines = new Set(rects.map((r) => Math.round(r.top))).size;
              const box = range.getBoundingClientRect();
              runs.push({
                text: n.textContent.trim(),
                left: box.left,
                right: box.right,
                top: box.top,
                bottom: box.bottom,
                lines,
              });
            }
            return runs;
          }),
        );
        const name = `kiosk-take-wait-${width}x${height}${large ? '-large' : ''}-${lang}${wait === null ? '' : '-' + wait}`;
        await page.screenshot({ path: shot(name), fullPage: false });
        expect(facts.length).toBe(2);
        for (const runs of facts) {
          // Two runs that overlap vertically sit side by side: then neither may have wrapped (a wrapped label beside
          // its value is the two narrow columns this test exists for).
          for (const a of runs)
            for (const b of runs) {
              if (a === b) continue;
              const sideBySide = a.top < b.bottom - 2 && b.top < a.bottom - 2;
              if (sideBySide) expect({ a: a.text, lines: a.lines }).toEqual({ a: a.text, lines: 1 });
            }
        }
      } finally {
        await page.close();
      }
    },
  );
});
