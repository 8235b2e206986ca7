import { useEffect, useState } from 'preact/hooks';

/** The hub's two screens (History API); the hub answers its page for any /province/* path. */
export type Route = 'control' | 'reports';

export function routeOf(pathname: string): Route {
  return pathname.replace(/\/+$/, '').endsWith('/province/reports') ? 'reports' : 'control';
}

export const pathOf = (r: Route) => (r === 'control' ? '/province' : '/province/reports');

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
