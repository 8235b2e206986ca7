/** The command line of `npm run simulate -- --days N [--per-day M] [--seed S] [--force]`. */
export interface SimulateArgs {
  days: number;
  perDay: number;
  seed: number;
  force: boolean;
}

export const USAGE_VI =
  'Cách dùng: npm run simulate -- --days N [--per-day M] [--seed S] [--force]\n' +
  '  --days N      số ngày làm việc trước hôm nay cần mô phỏng (1–3650)\n' +
  '  --per-day M   số công dân lấy số trong một ngày làm việc đủ giờ (mặc định 300)\n' +
  '  --seed S      hạt giống ngẫu nhiên: cùng hạt giống, cùng lịch sử (mặc định 1)\n' +
  '  --force       mô phỏng cả những ngày đã có vé (thêm vào); mặc định các ngày đó được bỏ qua\n' +
  '(Usage: fills the N business days before today with a simulated history; stop the server first.)';

export class ArgsError extends Error {
  override readonly name = 'ArgsError';
}

const LIMITS = { days: [1, 3650], 'per-day': [1, 20_000], seed: [0, 2 ** 32 - 1] } as const;

export function parseSimulateArgs(argv: string[]): SimulateArgs {
  const values: Record<string, number> = {};
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') {
      force = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = m?.[1];
    if (!m || !name || !(name in LIMITS)) throw new ArgsError(`Tham số không hợp lệ: ${arg}`);
    const raw = m[2] ?? argv[++i];
    const [min, max] = LIMITS[name as keyof typeof LIMITS];
    const n = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isInteger(n) || n < min || n > max)
      throw new ArgsError(`--${name} phải là số nguyên từ ${min} đến ${max} (nhận được: ${raw ?? 'không có'})`);
    values[name] = n;
  }
  if (values.days === undefined) throw new ArgsError('Thiếu --days N');
  return { days: values.days, perDay: values['per-day'] ?? 300, seed: values.seed ?? 1, force };
}
