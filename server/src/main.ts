import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { createServer } from './server.ts';

/** Entry point: `npm start`. Prints where every screen is, stops cleanly on SIGTERM/SIGINT. */
const root = findRoot(dirname(fileURLToPath(import.meta.url)));
const config = loadConfig(process.env, root);
const server = await createServer(config, {});
const port = await server.listen();

const base = `http://localhost:${port}`;
console.log(`\nHệ thống xếp hàng — ${server.services.settings.get().name}`);
console.log(`Dữ liệu: ${config.dataDir}`);
if (server.adminPassword) {
  console.log(`\nTài khoản quản trị: admin / ${config.adminPassword ? '(mật khẩu từ ADMIN_PASSWORD)' : server.adminPassword}`);
  if (!config.adminPassword) console.log('(Mật khẩu này chỉ hiện một lần — hãy ghi lại và đổi sau khi đăng nhập.)');
}
console.log('\nCác màn hình:');
const screens: [string, string][] = [
  ['Trang chủ', '/'], ['Ki-ốt lấy số', '/kiosk'], ['Quầy giao dịch (cán bộ)', '/counter'], ['Đánh giá hài lòng', '/rating'],
  ['Màn hình sảnh + loa', '/display'], ['Biển số quầy 1', '/display/counter/1'], ['Theo dõi số trên điện thoại', '/t/<mã vé>'],
  ['Quản trị, giám sát, báo cáo', '/admin'], ['API (kiểm tra)', '/api/health'],
];
for (const [name, path] of screens) console.log(`  ${name.padEnd(30)} ${base}${path}`);
console.log(`\nĐiện thoại quét mã QR sẽ mở: ${server.publicUrl()}/t/…`);
console.log('Sẵn sàng. Nhấn Ctrl+C để dừng.\n');

let stopping = false;
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\nĐang dừng (${sig})…`);
    server.close().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
  });
}

function findRoot(dir: string): string {
  // Compiled to dist/server/server/src; the repository root holds package.json.
  let d = dir;
  for (let i = 0; i < 6; i++) {
    if (existsSync(resolve(d, 'package.json'))) return d;
    d = resolve(d, '..');
  }
  return process.cwd();
}
