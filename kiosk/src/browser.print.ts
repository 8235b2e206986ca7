/**
 * The browser-print fallback: a kiosk whose printer address is `browser` prints the server's 80 mm ticket
 * page in a hidden frame; Chromium started with --kiosk-printing prints it without a dialog.
 */
export function printInBrowser(
  ticketId: string,
  opts: { doc?: Document; win?: Window; timeoutMs?: number } = {},
): Promise<boolean> {
  const doc = opts.doc ?? document;
  const win = opts.win ?? window;
  return new Promise((resolve) => {
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-9999px';
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      win.removeEventListener('message', onMessage);
      clearTimeout(timer);
      // Removing the frame at once would cancel the print job: leave it a minute.
      setTimeout(() => frame.remove(), 60_000);
      resolve(ok);
    };
    const onMessage = (e: MessageEvent) => {
      const d = e.data as { type?: string; ticketId?: string } | null;
      if (d?.ticketId !== ticketId) return;
      if (d.type === 'hcc:printed') finish(true);
      if (d.type === 'hcc:print-failed') finish(false);
    };
    const timer = setTimeout(() => finish(false), opts.timeoutMs ?? 5000);
    win.addEventListener('message', onMessage);
    frame.src = `/print/ticket/${encodeURIComponent(ticketId)}`;
    doc.body.appendChild(frame);
  });
}
