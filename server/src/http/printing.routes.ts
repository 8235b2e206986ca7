import { Hono } from 'hono';
import { AppError } from '../contract/errors.ts';
import { requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { pathId } from './validation.ts';

/** Printer status, the ticket as a PNG, and the page a kiosk prints through the browser. */
export function printingRoutes(s: Services) {
  const api = new Hono<AppEnv>();
  const page = new Hono<AppEnv>();

  api.get('/printers', async (c) => {
    const actor = requireActor(c, { roles: ['admin', 'supervisor'], devices: ['kiosk'] });
    if (c.req.query('refresh') === '1') await s.printing.probe();
    const kiosks = s.deps.store.accounts.devices().filter((d) => d.kind === 'kiosk' && !d.revokedAt && d.printer && (actor.kind !== 'device' || d.id === actor.id));
    return c.json(kiosks.map((k) => {
      const st = s.printing.state(k.id);
      return { kioskId: k.id, kioskName: k.name, printer: k.printer, online: st?.online ?? null, paper: st?.paper ?? 'unknown', lastStatus: st?.lastStatus ?? 'unknown', lastError: st?.lastError ?? null, at: st ? new Date(st.at).toISOString() : null };
    }));
  });

  api.get('/tickets/:id/ticket.png', async (c) => {
    const id = pathId(c, 'id');
    if (!s.deps.store.tickets.get(id)) throw new AppError('ticket.not_found');
    const png = await s.printing.png(id);
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
  });

  // 80 mm page for Chromium's --kiosk-printing: the same raster a thermal printer gets, printed silently.
  page.get('/ticket/:id', (c) => {
    const id = pathId(c, 'id');
    if (!s.deps.store.tickets.get(id)) return c.html('<!doctype html><meta charset="utf-8"><p>Không tìm thấy số thứ tự.</p>', 404);
    const src = `/api/tickets/${encodeURIComponent(id)}/ticket.png`;
    // The id is base64url (checked above by lookup), but it is still JSON-encoded, and kept out of attributes.
    const idJson = JSON.stringify(id).replace(/</g, '\\u003c');
    return c.html(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phiếu số thứ tự</title>
<style>@page{size:80mm auto;margin:0}html,body{margin:0;padding:0;background:#fff}img{display:block;width:72mm;margin:0 4mm;image-rendering:pixelated}</style></head>
<body><img id="t" src="${src}" alt="Phiếu số thứ tự"><script>
const id = ${idJson}, img = document.getElementById('t');
const tell = (type) => parent.postMessage({ type, ticketId: id }, '*');
img.onload = () => { window.print(); tell('hcc:printed'); };
img.onerror = () => tell('hcc:print-failed');
if (img.complete && img.naturalWidth) img.onload();
</script></body></html>`);
  });
  return { api, page };
}
