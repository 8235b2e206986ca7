/**
 * The top bar of the staff apps (the center's admin, the hub's screens): the app's name, its screens as links
 * (a click moves without a reload; the href still opens a new tab), and who is signed in with the way out.
 */
export function AppBar<R extends string>(props: {
  title: string;
  subtitle: string;
  nav: [R, string][];
  route: R;
  pathOf: (r: R) => string;
  navigate: (r: R) => void;
  user: { name: string; role: string };
  onLogout: () => void;
}) {
  return (
    <header class="app-bar no-print">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true">
          ★
        </span>
        <div>
          <b>{props.title}</b>
          <small>{props.subtitle}</small>
        </div>
      </div>
      <nav class="main-nav" aria-label="Chức năng">
        {props.nav.map(([r, label]) => (
          <a
            key={r}
            href={props.pathOf(r)}
            class={props.route === r ? 'active' : ''}
            aria-current={props.route === r ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              props.navigate(r);
            }}
          >
            {label}
          </a>
        ))}
      </nav>
      <div class="who">
        <span>
          {props.user.name}
          <small>{props.user.role}</small>
        </span>
        <button class="btn btn-ghost btn-sm" onClick={props.onLogout}>
          Đăng xuất
        </button>
      </div>
    </header>
  );
}
