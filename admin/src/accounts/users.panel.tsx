import { useEffect, useState } from 'preact/hooks';
import type { Role, UserDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Field, FormActions, Notice, Section } from '../admin.fields.tsx';
import { ROLE_LABEL } from '../admin.session.ts';
import { validateNewUser, type Errors } from './users.validate.ts';

/** People: create, change role, reset password, lock/unlock. */
export function UsersPanel(props: { api: AdminApi; selfId: string }) {
  const [users, setUsers] = useState<UserDto[]>([]);
  const [draft, setDraft] = useState<{ username: string; password: string; displayName: string; role: Role } | null>(
    null,
  );
  const [errors, setErrors] = useState<Errors>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = () => props.api.users().then(setUsers, (e) => setMsg({ kind: 'error', text: errorText(e) }));
  useEffect(() => {
    void load();
  }, []);

  async function act(f: () => Promise<unknown>, ok: string) {
    try {
      await f();
      setMsg({ kind: 'ok', text: ok });
      await load();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    }
  }

  async function create(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const errs = validateNewUser(
      draft,
      users.map((u) => u.username),
    );
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMsg(null); // the field errors are the news now: an older "Đã lưu …" beside them would contradict them
      return;
    }
    await act(
      () => props.api.createUser({ ...draft, username: draft.username.trim(), displayName: draft.displayName.trim() }),
      `Đã tạo tài khoản ${draft.username.trim()}.`,
    );
    setDraft(null);
  }

  function resetPassword(u: UserDto) {
    const pw = prompt(`Mật khẩu mới cho ${u.displayName} (ít nhất 8 ký tự):`);
    if (pw === null) return;
    if (pw.length < 8) {
      setMsg({ kind: 'error', text: 'Mật khẩu ít nhất 8 ký tự.' });
      return;
    }
    void act(() => props.api.updateUser(u.id, { password: pw }), `Đã đặt lại mật khẩu cho ${u.username}.`);
  }

  return (
    <Section
      title="Người dùng"
      actions={
        <button
          class="btn btn-primary"
          onClick={() => {
            setDraft({ username: '', password: '', displayName: '', role: 'clerk' });
            setErrors({});
          }}
        >
          + Thêm người dùng
        </button>
      }
    >
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {draft && (
        <form class="edit-box" onSubmit={create} noValidate aria-label="Người dùng mới">
          <div class="grid-4">
            <Field label="Tên đăng nhập" error={errors.username}>
              <input
                name="username"
                autoComplete="off"
                value={draft.username}
                onInput={(e) => setDraft({ ...draft, username: e.currentTarget.value })}
              />
            </Field>
            <Field label="Họ tên" error={errors.displayName}>
              <input
                name="displayName"
                value={draft.displayName}
                onInput={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
              />
            </Field>
            <Field label="Mật khẩu" error={errors.password}>
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                value={draft.password}
                onInput={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
              />
            </Field>
            <Field label="Vai trò">
              <select
                name="role"
                value={draft.role}
                onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as Role })}
              >
                {(['clerk', 'supervisor', 'admin'] as Role[]).map((r) => (
                  <option value={r} key={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <FormActions save="Tạo tài khoản" onCancel={() => setDraft(null)} />
        </form>
      )}
      <table class="data-table">
        <thead>
          <tr>
            <th>Tên đăng nhập</th>
            <th>Họ tên</th>
            <th>Vai trò</th>
            <th>Trạng thái</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} class={u.active === false ? 'row-off' : ''}>
              <td>
                <b>{u.username}</b>
              </td>
              <td>{u.displayName}</td>
              <td>
                <select
                  value={u.role}
                  disabled={u.id === props.selfId}
                  aria-label={`Vai trò của ${u.username}`}
                  onChange={(e) =>
                    act(
                      () => props.api.updateUser(u.id, { role: e.currentTarget.value as Role }),
                      `Đã đổi vai trò của ${u.username}.`,
                    )
                  }
                >
                  {(['clerk', 'supervisor', 'admin'] as Role[]).map((r) => (
                    <option value={r} key={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <span class={`status-chip ${u.active === false ? 'off' : 'ok'}`}>
                  {u.active === false ? 'Đã khoá' : 'Hoạt động'}
                </span>
              </td>
              <td class="actions">
                <button class="btn btn-soft btn-sm" onClick={() => resetPassword(u)}>
                  Đặt lại mật khẩu
                </button>
                {u.id !== props.selfId &&
                  (u.active === false ? (
                    <button
                      class="btn btn-soft btn-sm"
                      onClick={() =>
                        act(() => props.api.updateUser(u.id, { active: true }), `Đã mở khoá ${u.username}.`)
                      }
                    >
                      Mở khoá
                    </button>
                  ) : (
                    <button
                      class="btn btn-danger btn-sm"
                      onClick={() =>
                        confirm(`Khoá tài khoản ${u.username}?`) &&
                        act(() => props.api.updateUser(u.id, { active: false }), `Đã khoá ${u.username}.`)
                      }
                    >
                      Khoá
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
