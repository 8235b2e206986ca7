import { ConfigError, loadConfig } from '../server/src/config.ts';
import { STORAGE_FAULT_VI, storageFault } from '../server/src/storage/storage.fault.ts';
import { ArgsError, parseSimulateArgs, USAGE_VI } from './simulate/simulate.args.ts';
import { SimulateRefusedError } from './simulate/simulate.database.ts';
import { simulate } from './simulate/simulate.run.ts';

/**
 * `npm run simulate -- --days N [--per-day M] [--seed S] [--force]` (server stopped; DATA_DIR as for `npm start`):
 * the N business days before today filled with a simulated history, so reports and the control room show
 * something real (scripts/simulate/simulate.run.ts).
 */
try {
  const args = parseSimulateArgs(process.argv.slice(2));
  const config = loadConfig(process.env, process.cwd());
  console.log(
    `Mô phỏng ${args.days} ngày làm việc, ${args.perDay} lượt/ngày, hạt giống ${args.seed} vào ${config.dataDir}…`,
  );
  const s = await simulate({ dataDir: config.dataDir, ...args, config, log: (line) => console.log(line) });
  if (s.adminPassword)
    console.log(`Cơ sở dữ liệu mới: tài khoản admin, mật khẩu ${s.adminPassword} (chỉ hiện một lần, hãy ghi lại).`);
  if (s.clerksCreated) console.log(`Đã tạo ${s.clerksCreated} cán bộ mô phỏng (mo-phong-NN, mật khẩu ngẫu nhiên).`);
  if (s.skipped.length)
    console.log(
      `Bỏ qua ${s.skipped.length} ngày đã có vé (${s.skipped[0]} … ${s.skipped.at(-1)}); thêm --force để mô phỏng cả những ngày đó.`,
    );
  const range = s.days.length ? ` (${s.days[0]} … ${s.days.at(-1)})` : '';
  console.log(
    `Xong: ${s.days.length} ngày${range}, ${s.issued} vé (${s.done} đã phục vụ, ${s.noShow} vắng mặt, ` +
      `${s.transferred} chuyển, ${s.recalled} gọi lại, ${s.rated} đánh giá, ${s.refused} bị từ chối vì hết số trong ngày), ` +
      `${s.seconds.toFixed(1)} giây (${Math.round(s.issued / Math.max(s.seconds, 0.001))} vé/giây).`,
  );
} catch (e) {
  if (e instanceof ArgsError) console.error(`${e.message}\n${USAGE_VI}`);
  else if (e instanceof SimulateRefusedError || e instanceof ConfigError) console.error(e.message);
  else {
    const fault = storageFault(e);
    console.error(`Mô phỏng thất bại: ${fault ? STORAGE_FAULT_VI[fault] : (e as Error).stack}`);
  }
  process.exit(1);
}
