import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './core/clock.ts';
import { createLogger } from './logging/logger.ts';
import { createServer } from './server.ts';

/**
 * Entry point: `npm start`. Prints where every screen is, stops cleanly on SIGTERM/SIGINT. The start-up banner
 * below is for the person at the console and always printed; events go through the logger (JSON lines, stderr).
 */
const root = findRoot(dirname(fileURLToPath(import.meta.url)));
// A setting the center must fix (a bad PORT, a missing certificate) is one clear sentence and exit code 1,
// so systemd shows it in `systemctl status`; anything else keeps its stack trace.
const started = await (async () => {
  try {
    const config = loadConfig(process.env, root);
    // The one logger of the process (LOG_LEVEL), handed to everything that logs.
    const log = createLogger({ level: config.logLevel, now: systemClock.now });
    return { config, log, server: await createServer(config, { log }) };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`\nKhông khởi động được: ${e.message}\n`);
    process.exit(1);
  }
})();
const { config, log, server } = started;
const port = await server.listen();

// Over HTTPS the links use a name the certificate covers (a wildcard or IP-only certificate: localhost).
const certName = server.tls?.names.match(/DNS:([^*,\s][^,\s]*)/)?.[1];
const base = `${server.scheme}://${certName ?? 'localhost'}:${port}`;
console.log(`\nHệ thống xếp hàng — ${server.services.settings.get().name}`);
console.log(`Dữ liệu: ${config.dataDir}`);
if (server.tls) {
  console.log(`HTTPS: chứng chỉ cho ${server.tls.names}, hết hạn ${server.tls.validTo.toISOString().slice(0, 10)}`);
  console.log(
    '(Mở các màn hình bằng một tên có trong chứng chỉ; với tên hay địa chỉ IP khác, trình duyệt sẽ cảnh báo.)',
  );
  if (!config.publicUrl && !server.services.settings.get().publicUrl)
    console.log('Nên đặt PUBLIC_URL=https://<tên trong chứng chỉ>:<cổng> để mã QR trên phiếu dùng đúng tên đó.');
  if (server.tls.validTo.getTime() < Date.now())
    console.log(
      'CẢNH BÁO: chứng chỉ đã hết hạn — trình duyệt sẽ từ chối kết nối. / WARNING: the certificate has expired.',
    );
}
if (server.adminPassword) {
  console.log(
    `\nTài khoản quản trị: admin / ${config.adminPassword ? '(mật khẩu từ ADMIN_PASSWORD)' : server.adminPassword}`,
  );
  if (!config.adminPassword) console.log('(Mật khẩu này chỉ hiện một lần — hãy ghi lại và đổi sau khi đăng nhập.)');
}
console.log('\nCác màn hình:');
const screens: [string, string][] = [
  ['Trang chủ', '/'],
  ['Ki-ốt lấy số', '/kiosk'],
  ['Quầy giao dịch (cán bộ)', '/counter'],
  ['Đánh giá hài lòng', '/rating'],
  ['Màn hình sảnh + loa', '/display'],
  ['Biển số quầy 1', '/display/counter/1'],
  ['Theo dõi số trên điện thoại', '/t/<mã vé>'],
  ['Đặt lịch hẹn / lấy số từ xa', '/book'],
  ['Quản trị, giám sát, báo cáo', '/admin'],
  ['API (kiểm tra)', '/api/health'],
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
    server.close().then(
      () => process.exit(0),
      (e) => {
        log.error('Không dừng được máy chủ một cách sạch sẽ', e);
        process.exit(1);
      },
    );
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
