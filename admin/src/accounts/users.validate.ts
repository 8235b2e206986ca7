import { createUserInput } from '@contract/inputs.schema';
import { schemaErrors, unlessTooLong, type Errors } from '../schema.validate.ts';

export type { Errors };

/** The server's own schema (contract `createUserInput`) checked before sending, then a name already in use. */
export function validateNewUser(
  u: { username: string; password: string; displayName: string },
  taken: string[],
): Errors {
  const e = schemaErrors(
    createUserInput.pick({ username: true, password: true, displayName: true }),
    { username: u.username, password: u.password, displayName: u.displayName },
    {
      username: '2–64 ký tự: chữ không dấu, số, . _ -',
      password: unlessTooLong('Mật khẩu ít nhất 8 ký tự.'),
      displayName: unlessTooLong('Nhập họ tên.'),
    },
  );
  if (!e.username && taken.some((t) => t.toLowerCase() === u.username.trim().toLowerCase()))
    e.username = 'Tên đăng nhập đã tồn tại.';
  return e;
}
