import { createApiClient } from '@client/api.client';
import type { UserDto } from '@contract/dto';
import type { CenterTileDto, LinkState } from '../../src/centers/centers.view.ts';
import type { HubReportDto } from '../../src/reports/hub.report.ts';
import type { HubGroupBy } from '../../src/reports/report.sql.ts';

/**
 * The hub's routes the screens call (contract, section "Province hub"). The hub's route map is not the center's
 * (contract/routes.ts), so these go through the shared client's untyped `request`, their answers named by the
 * hub's own types (type-only imports: nothing of the hub's code reaches the bundle).
 */
export type { HubGroupBy, LinkState };
/** One center as `GET /api/province/centers` answers it; `live` is the hub's addition for this screen. */
export type HubCenter = CenterTileDto;
export type HubReport = HubReportDto;

export interface HubLogin {
  token: string;
  user: UserDto;
}

export interface ReportQuery {
  from: string;
  to: string;
  groupBy: HubGroupBy;
}

/** The query string of a hub report; `format` gives the CSV/XLSX file of the same numbers. */
export function reportPath(q: ReportQuery, format?: 'csv' | 'xlsx'): string {
  const qs = new URLSearchParams({ from: q.from, to: q.to, groupBy: q.groupBy });
  if (format) qs.set('format', format);
  return `/province/reports/summary?${qs.toString()}`;
}

export function createProvinceApi(getToken: () => string | null, fetchImpl?: typeof fetch) {
  const api = createApiClient({ getToken, ...(fetchImpl ? { fetch: fetchImpl } : {}), timeoutMs: 20_000 });
  return {
    login: (username: string, password: string) => api.request<HubLogin>('POST', '/auth/login', { username, password }),
    // A JSON body: a cookie-only session may change state only with JSON from our own page (as on a center).
    logout: () => api.request<unknown>('POST', '/auth/logout', {}),
    centers: () => api.request<HubCenter[]>('GET', '/province/centers'),
    report: (q: ReportQuery) => api.request<HubReport>('GET', reportPath(q)),
  };
}

export type ProvinceApi = ReturnType<typeof createProvinceApi>;
