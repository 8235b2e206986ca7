import { methodOf, type RouteBody, type RouteKey, type RoutePath, type RouteRes } from '../contract/routes.ts';
import { ERRORS } from '../contract/errors.ts';

/** An API error as the server sent it (or a network failure: code `network.offline`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  baseUrl?: string;
  getToken?: () => string | null;
  fetch?: typeof fetch;
  /** Per-request timeout; a kiosk must never hang on a dead network. */
  timeoutMs?: number;
}

/** Typed HTTP client for every route of the contract; used by all front-ends and by tests. */
export function createApiClient(opts: ApiClientOptions = {}) {
  const base = (opts.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = opts.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), opts.timeoutMs ?? 10_000);
    let res: Response;
    try {
      res = await doFetch(`${base}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: ctrl.signal,
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'network.offline', 'Mất kết nối tới máy chủ. Vui lòng thử lại.');
    } finally {
      clearTimeout(timer);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* non-JSON answer */
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      const code = err?.code ?? 'server.internal';
      throw new ApiError(
        res.status,
        code,
        err?.message ?? (ERRORS as Record<string, { vi: string }>)[code]?.vi ?? `Lỗi ${res.status}`,
        err?.details,
      );
    }
    return json as T;
  }

  /** A route of the contract's map: its path, body and answer are typed from contract/routes.ts. */
  const send = <K extends RouteKey>(route: K, path: RoutePath<K>, body?: RouteBody<K>) =>
    request<RouteRes<K>>(methodOf(route), path, body);
  const seg = encodeURIComponent;
  type CounterView = RouteBody<'POST /api/counters/:id/recall'>;

  return {
    request,
    send,
    health: () => send('GET /api/health', '/health'),
    config: () => send('GET /api/config/public', '/config/public'),
    login: (username: string, password: string) => send('POST /api/auth/login', '/auth/login', { username, password }),
    logout: () => send('POST /api/auth/logout', '/auth/logout'),
    me: () => send('GET /api/auth/me', '/auth/me'),
    myTally: () => send('GET /api/auth/me/tally', '/auth/me/tally'),
    pair: (code: string) => send('POST /api/auth/pair', '/auth/pair', { code }),
    departments: () => send('GET /api/departments', '/departments'),
    areas: () => send('GET /api/areas', '/areas'),
    /** The public catalogue; with `q` best match first (the server forgives diacritics and typos). */
    procedures: (f: { q?: string; areaId?: string; limit?: number } = {}) => {
      const qs = new URLSearchParams();
      if (f.q !== undefined) qs.set('q', f.q);
      if (f.areaId) qs.set('areaId', f.areaId);
      if (f.limit !== undefined) qs.set('limit', String(f.limit));
      return send('GET /api/procedures', `/procedures?${qs.toString()}`);
    },
    counters: () => send('GET /api/counters', '/counters'),
    state: () => send('GET /api/state', '/state'),
    /** The control room's server-side alerts (supervisor, admin). */
    alerts: () => send('GET /api/alerts', '/alerts'),
    issueTicket: (input: RouteBody<'POST /api/tickets'>) => send('POST /api/tickets', '/tickets', input),
    ticket: (id: string) => send('GET /api/tickets/:id', `/tickets/${seg(id)}`),
    findTickets: (number: string) => send('GET /api/tickets', `/tickets?number=${seg(number)}`),
    annotate: (id: string, input: RouteBody<'POST /api/tickets/:id/annotate'>) =>
      send('POST /api/tickets/:id/annotate', `/tickets/${seg(id)}/annotate`, input),
    reprint: (id: string) => send('POST /api/tickets/:id/reprint', `/tickets/${seg(id)}/reprint`),
    counterQueue: (id: string) => send('GET /api/counters/:id/queue', `/counters/${seg(id)}/queue`),
    openCounter: (id: string) => send('POST /api/counters/:id/open', `/counters/${seg(id)}/open`),
    // `view`: what the clerk saw ({expectedTicketId}: the current ticket's id or null); a stale one is 409 counter.stale_view.
    callNext: (id: string, view?: CounterView) =>
      send('POST /api/counters/:id/call-next', `/counters/${seg(id)}/call-next`, view),
    call: (id: string, ticketId: string, view?: CounterView) =>
      send('POST /api/counters/:id/call', `/counters/${seg(id)}/call`, { ticketId, ...view }),
    recall: (id: string, view?: CounterView) =>
      send('POST /api/counters/:id/recall', `/counters/${seg(id)}/recall`, view),
    startServing: (id: string, view?: CounterView) =>
      send('POST /api/counters/:id/start', `/counters/${seg(id)}/start`, view),
    noShow: (id: string, view?: CounterView) =>
      send('POST /api/counters/:id/no-show', `/counters/${seg(id)}/no-show`, view),
    finish: (id: string, view?: CounterView) =>
      send('POST /api/counters/:id/finish', `/counters/${seg(id)}/finish`, view),
    /** `force`: even to a closed counter (otherwise 409 counter.closed); `warning`: nobody open can call it yet. */
    transfer: (id: string, to: ({ areaId: string } | { counterId: string }) & CounterView & { force?: boolean }) =>
      send('POST /api/counters/:id/transfer', `/counters/${seg(id)}/transfer`, to),
    pause: (id: string) => send('POST /api/counters/:id/pause', `/counters/${seg(id)}/pause`),
    resume: (id: string) => send('POST /api/counters/:id/resume', `/counters/${seg(id)}/resume`),
    closeCounter: (id: string) => send('POST /api/counters/:id/close', `/counters/${seg(id)}/close`),
    rate: (input: RouteBody<'POST /api/ratings'>) => send('POST /api/ratings', '/ratings', input),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
