import { Hono } from 'hono';
import { AppError } from '../contract/errors.ts';
import { createDeviceView } from '../core/accounts/device.view.ts';
import { requireActor } from './auth.middleware.ts';
import { clientAddress } from './client.address.ts';
import { errorBody } from './error.handler.ts';
import { PNG_PER_ADDRESS, rateLimited } from './rate.limit.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { pathId } from './validation.ts';

const escAttr = (v: string) => v.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const PRINT_CSS =
  '@page{size:80mm auto;margin:0}html,body{margin:0;padding:0;background:#fff}img{display:block;width:72mm;margin:0 4mm;image-rendering:pixelated}';

/**
 * Prints once the raster has loaded and tells the kiosk page that framed it. The script is parser-blocking
 * right after the image, so the image may already be complete when it runs: that case is checked. Only the
 * kiosk's own origin may frame this page (frame-ancestors 'self'), so the message goes to that origin only.
 */
const PRINT_JS = `(() => {
  const img = document.getElementById('t'), id = img.dataset.ticketId;
  const tell = (type) => parent.postMessage({ type, ticketId: id }, location.origin);
  let done = false;
  const printed = () => { if (done) return; done = true; window.print(); tell('hcc:printed'); };
  const failed = () => { if (done) return; done = true; tell('hcc:print-failed'); };
  img.addEventListener('load', printed);
  img.addEventListener('error', failed);
  // Already settled before this script ran: complete with no pixels is a failed load.
  if (img.complete) (img.naturalWidth ? printed : failed)();
})();
`;

/** Printer status, the ticket as a PNG, and the page a kiosk prints through the browser. */
export function printingRoutes(s: Services) {
  const api = new Hono<AppEnv>();
  const page = new Hono<AppEnv>();
  const devices = createDeviceView(s.deps);

  api.get('/printers', async (c) => {
    const actor = requireActor(c, { roles: ['admin', 'supervisor'], devices: ['kiosk'] });
    if (c.req.query('refresh') === '1') await s.printing.probe();
    const kiosks = devices.printerKiosks(actor);
    return reply(
      c,
      'GET /api/printers',
      kiosks.map((k) => {
        const st = s.printing.state(k.id);
        return {
          kioskId: k.id,
          kioskName: k.name,
          printer: k.printer,
          online: st?.online ?? null,
          paper: st?.paper ?? 'unknown',
          lastStatus: st?.lastStatus ?? 'unknown',
          lastError: st?.lastError ?? null,
          at: st ? new Date(st.at).toISOString() : null,
        };
      }),
    );
  });

  // Anyone on the LAN may ask for it: at most PNG_PER_ADDRESS at once per address, and the server-wide
  // render queue (printing/png.renderer.ts) answers 503 server.busy with Retry-After when it is full.
  const rendering = new Map<string, number>();
  api.get('/tickets/:id/ticket.png', async (c) => {
    const id = pathId(c, 'id');
    if (!s.deps.store.tickets.get(id)) throw new AppError('ticket.not_found');
    const address = clientAddress(c);
    const mine = rendering.get(address) ?? 0;
    if (address !== 'unknown' && mine >= PNG_PER_ADDRESS) return rateLimited(c, 1000);
    rendering.set(address, mine + 1);
    let png: Buffer;
    try {
      png = await s.printing.png(id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'server.busy')
        return c.json(errorBody('server.busy'), 503, { 'retry-after': '2' });
      throw e;
    } finally {
      const n = (rendering.get(address) ?? 1) - 1;
      if (n > 0) rendering.set(address, n);
      else rendering.delete(address);
    }
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
  });

  // 80 mm page for Chromium's --kiosk-printing: the same raster a thermal printer gets, printed silently.
  // Its script and style are files (below): the CSP refuses inline ones. The id is known to exist (looked up)
  // and is base64url; it is still escaped, and read back by the script from a data attribute.
  page.get('/ticket/:id', (c) => {
    const id = pathId(c, 'id');
    if (!s.deps.store.tickets.get(id))
      return c.html('<!doctype html><meta charset="utf-8"><p>Không tìm thấy số thứ tự.</p>', 404);
    const src = `/api/tickets/${encodeURIComponent(id)}/ticket.png`;
    return c.html(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phiếu số thứ tự</title>
<link rel="stylesheet" href="/print/ticket.css"></head>
<body><img id="t" src="${escAttr(src)}" alt="Phiếu số thứ tự" data-ticket-id="${escAttr(id)}"><script src="/print/ticket.js"></script></body></html>`);
  });
  page.get('/ticket.js', (c) =>
    c.body(PRINT_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  page.get('/ticket.css', (c) =>
    c.body(PRINT_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  return { api, page };
}
