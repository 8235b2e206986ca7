import { pathRouter } from '@ui/path.router';

/** The hub's two screens; the hub answers its page for any /province/* path. */
export type Route = 'control' | 'reports';

export const { routeOf, pathOf, navigate, useRoute } = pathRouter<Route>('/province', 'control', ['reports']);
