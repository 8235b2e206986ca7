// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { printInBrowser } from './browser.print.ts';

describe('browser printing', () => {
  it("loads the 80 mm ticket page in a hidden frame and reports the page's answer", async () => {
    const p = printInBrowser('abc', { timeoutMs: 1000 });
    const frame = document.querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe('/print/ticket/abc');
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'hcc:printed', ticketId: 'other' } }));
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'hcc:printed', ticketId: 'abc' } }));
    expect(await p).toBe(true);
  });
  it('gives up after the timeout', async () => {
    expect(await printInBrowser('slow', { timeoutMs: 20 })).toBe(false);
  });
});

import { printerProblem } from './kiosk.printer.ts';
describe('printer warning', () => {
  it('speaks only when the printer is in trouble', () => {
    expect(printerProblem(undefined)).toBe(null);
    expect(printerProblem({ online: true, paper: 'ok', lastError: null })).toBe(null);
    expect(printerProblem({ online: null, paper: 'unknown', lastError: null })).toBe(null);
    expect(printerProblem({ online: false, paper: 'out', lastError: 'x' })).toMatch(/hết giấy/);
    expect(printerProblem({ online: false, paper: 'unknown', lastError: 'x' })).toMatch(/sự cố/);
  });
});
