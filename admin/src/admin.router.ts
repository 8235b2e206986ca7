import { useEffect, useState } from 'preact/hooks';

/** The admin app's own paths (History API); the server falls back to index.html for any /admin/*. */
export type Route = 'settings' | 'monitor' | 'reports' | 'bookings';

export function routeOf(pathname: string): Route {
  const p = pathname.replace(/\/+$/, '');
  if (p.endsWith('/admin/monitor')) return 'monitor';
  if (p.endsWith('/admin/reports')) return 'reports';
  if (p.endsWith('/admin/bookings')) return 'bookings';
  return 'settings';
}

export const pathOf = (r: Route) => (r === 'settings' ? '/admin' : `/admin/${r}`);

export function navigate(r: Route): void {
  if (routeOf(location.pathname) === r) return;
  history.pushState(null, '', pathOf(r));
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname));
  useEffect(() => {
    const on = () => setRoute(routeOf(location.pathname));
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  return route;
}
