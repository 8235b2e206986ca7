import { pathRouter } from '@ui/path.router';

/** The admin app's own paths; the server falls back to index.html for any /admin/*. */
export type Route = 'settings' | 'monitor' | 'reports' | 'bookings';

export const { routeOf, pathOf, navigate, useRoute } = pathRouter<Route>('/admin', 'settings', [
  'monitor',
  'reports',
  'bookings',
]);
