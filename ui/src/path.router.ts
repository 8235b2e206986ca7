import { useEffect, useState } from 'preact/hooks';

/**
 * An app's screens as paths (History API): `base` is the home screen, `base/<route>` each other one. The server
 * answers the app's page for any path under `base`, so a reload or a shared link opens the same screen.
 */
export function pathRouter<R extends string>(base: string, home: R, others: readonly R[]) {
  function routeOf(pathname: string): R {
    const p = pathname.replace(/\/+$/, '');
    return others.find((r) => p.endsWith(`${base}/${r}`)) ?? home;
  }
  const pathOf = (r: R) => (r === home ? base : `${base}/${r}`);
  function navigate(r: R): void {
    if (routeOf(location.pathname) === r) return;
    history.pushState(null, '', pathOf(r));
    dispatchEvent(new PopStateEvent('popstate'));
  }
  function useRoute(): R {
    const [route, setRoute] = useState(() => routeOf(location.pathname));
    useEffect(() => {
      const on = () => setRoute(routeOf(location.pathname));
      addEventListener('popstate', on);
      return () => removeEventListener('popstate', on);
    }, []);
    return route;
  }
  return { routeOf, pathOf, navigate, useRoute };
}
