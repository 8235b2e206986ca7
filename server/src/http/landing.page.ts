import { listedCounters } from '../core/catalog/catalog.queries.ts';
import type { Services } from './http.types.ts';

// The bundled Be Vietnam Pro (copied to dist/fonts at build); unicode-range picks the Vietnamese subset.
const VI_RANGE =
  'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';
const FONT_FACES = [400, 700]
  .map(
    (w) =>
      `@font-face{font-family:'Be Vietnam Pro';font-weight:${w};font-display:swap;src:url(/fonts/be-vietnam-pro-latin-${w}.woff2) format('woff2')}` +
      `@font-face{font-family:'Be Vietnam Pro';font-weight:${w};font-display:swap;src:url(/fonts/be-vietnam-pro-vietnamese-${w}.woff2) format('woff2');unicode-range:${VI_RANGE}}`,
  )
  .join('');

/** Served as /landing.css: a strict CSP (style-src 'self') refuses a <style> element in the page. */
export const LANDING_CSS = `${FONT_FACES}body{font-family:'Be Vietnam Pro',system-ui,sans-serif;margin:0;background:#f3f6fa;color:#102a43}header{background:#b71c1c;color:#fff;padding:24px 32px}
h1{margin:0;font-size:28px}main{padding:24px 32px;display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(280px,1fr))}
a.card{display:block;background:#fff;border-radius:12px;padding:20px;text-decoration:none;color:inherit;box-shadow:0 1px 4px #0002}
a.card b{font-size:20px;color:#b71c1c}small{color:#52606d}footer{padding:0 32px 32px;color:#52606d}`;

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The root page: where each screen is, for whoever opens the server's address first. */
export function landingPage(s: Services): string {
  const st = s.settings.get();
  const counters = listedCounters(s.deps);
  const links = [
    ['/kiosk', 'Ki-ốt lấy số', 'Màn hình cảm ứng cho công dân lấy số'],
    ['/counter', 'Quầy giao dịch', 'Màn hình của cán bộ tại quầy'],
    ['/rating', 'Đánh giá hài lòng', 'Máy tính bảng hướng về công dân tại quầy'],
    ['/display', 'Màn hình sảnh', 'TV gọi số và loa thông báo'],
    ['/admin', 'Quản trị, giám sát, báo cáo', 'Dành cho quản trị viên và lãnh đạo'],
    ['/book', 'Đặt lịch hẹn, lấy số từ xa', 'Trang cho điện thoại của công dân (khi trung tâm bật)'],
  ];
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(st.name)}</title>
<link rel="stylesheet" href="/landing.css"></head>
<body><header><h1>${esc(st.name)}</h1><div>Hệ thống xếp hàng tự động</div></header>
<main>${links.map(([href, title, desc]) => `<a class="card" href="${href}"><b>${title}</b><br><small>${desc}</small><br><code>${href}</code></a>`).join('')}</main>
<footer><p>Bắt đầu: đăng nhập <a href="/admin">/admin</a> bằng tài khoản <b>admin</b>, tạo cán bộ ở mục Người dùng và tạo
ki-ốt, màn hình, thiết bị đánh giá ở mục Thiết bị; mỗi thiết bị có đường dẫn kèm mã (token) hoặc mã ghép nối 6 số.</p>Biển số quầy: ${counters.map((c) => `<a href="/display/counter/${c.number}">Quầy ${c.number}</a>`).join(' · ')}</footer></body></html>`;
}
