export type Errors = Record<string, string>;

/** Same rules as the server's createUserInput, checked before sending. */
export function validateNewUser(
  u: { username: string; password: string; displayName: string },
  taken: string[],
): Errors {
  const e: Errors = {};
  if (!/^[A-Za-z0-9._-]{2,64}$/.test(u.username.trim())) e.username = '2–64 ký tự: chữ không dấu, số, . _ -';
  else if (taken.some((t) => t.toLowerCase() === u.username.trim().toLowerCase()))
    e.username = 'Tên đăng nhập đã tồn tại.';
  if (u.password.length < 8) e.password = 'Mật khẩu ít nhất 8 ký tự.';
  if (!u.displayName.trim()) e.displayName = 'Nhập họ tên.';
  return e;
}
