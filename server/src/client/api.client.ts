import type {
  ActionWarning,
  AlertDto,
  AreaDto,
  CounterDto,
  DepartmentDto,
  PublicConfigDto,
  StateDto,
  TicketDto,
  UserDto,
} from '../contract/dto.ts';
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

  const counterAction = <T>(id: string, action: string, body?: unknown) =>
    request<T>('POST', `/counters/${encodeURIComponent(id)}/${action}`, body);
  type TicketAnswer = { ticket: TicketDto | null };
  type CounterView = { expectedTicketId?: string | null };

  return {
    request,
    health: () => request<{ ok: boolean }>('GET', '/health'),
    config: () => request<PublicConfigDto>('GET', '/config/public'),
    login: (username: string, password: string) =>
      request<{ token: string; user: UserDto }>('POST', '/auth/login', { username, password }),
    logout: () => request<{ ok: boolean }>('POST', '/auth/logout'),
    me: () =>
      request<{
        kind: 'user' | 'device';
        user?: UserDto;
        counterId?: string | null;
        device?: {
          id: string;
          kind: string;
          name: string;
          counterId: string | null;
          kioskId: string | null;
          printer: string | null;
          settings: Record<string, unknown>;
        };
      }>('GET', '/auth/me'),
    myTally: () =>
      request<{
        businessDay: string;
        served: number;
        noShow: number;
        called: number;
        avgServiceSec: number | null;
        ratings: Record<string, number>;
      }>('GET', '/auth/me/tally'),
    pair: (code: string) =>
      request<{ token: string; device: { id: string; kind: string; name: string; counterId: string | null } }>(
        'POST',
        '/auth/pair',
        { code },
      ),
    departments: () => request<DepartmentDto[]>('GET', '/departments'),
    areas: () => request<AreaDto[]>('GET', '/areas'),
    counters: () => request<CounterDto[]>('GET', '/counters'),
    state: () => request<StateDto>('GET', '/state'),
    /** The control room's server-side alerts (supervisor, admin). */
    alerts: () => request<{ alerts: AlertDto[] }>('GET', '/alerts'),
    issueTicket: (input: {
      areaId: string;
      priority?: boolean;
      priorityGroup?: string | null;
      idempotencyKey?: string;
    }) => request<TicketDto>('POST', '/tickets', input),
    ticket: (id: string) => request<TicketDto>('GET', `/tickets/${encodeURIComponent(id)}`),
    findTickets: (number: string) => request<TicketDto[]>('GET', `/tickets?number=${encodeURIComponent(number)}`),
    annotate: (id: string, input: { dossierCode?: string | null; note?: string | null }) =>
      request<{ ticket: TicketDto }>('POST', `/tickets/${encodeURIComponent(id)}/annotate`, input),
    reprint: (id: string) =>
      request<{ ticket: TicketDto; print: { status: string; message?: string } }>(
        'POST',
        `/tickets/${encodeURIComponent(id)}/reprint`,
      ),
    counterQueue: (id: string) =>
      request<{ waiting: TicketDto[]; noShows: TicketDto[] }>('GET', `/counters/${encodeURIComponent(id)}/queue`),
    openCounter: (id: string) => counterAction<{ counter: CounterDto }>(id, 'open'),
    // `view`: what the clerk saw ({expectedTicketId}: the current ticket's id or null); a stale one is 409 counter.stale_view.
    callNext: (id: string, view?: CounterView) => counterAction<TicketAnswer>(id, 'call-next', view),
    call: (id: string, ticketId: string, view?: CounterView) =>
      counterAction<{ ticket: TicketDto }>(id, 'call', { ticketId, ...view }),
    recall: (id: string, view?: CounterView) => counterAction<{ ticket: TicketDto }>(id, 'recall', view),
    startServing: (id: string, view?: CounterView) => counterAction<{ ticket: TicketDto }>(id, 'start', view),
    noShow: (id: string, view?: CounterView) => counterAction<{ ticket: TicketDto }>(id, 'no-show', view),
    finish: (id: string, view?: CounterView) => counterAction<{ ticket: TicketDto }>(id, 'finish', view),
    /** `force`: even to a closed counter (otherwise 409 counter.closed); `warning`: nobody open can call it yet. */
    transfer: (id: string, to: ({ areaId: string } | { counterId: string }) & CounterView & { force?: boolean }) =>
      counterAction<{ ticket: TicketDto; warning?: ActionWarning }>(id, 'transfer', to),
    pause: (id: string) => counterAction<{ counter: CounterDto }>(id, 'pause'),
    resume: (id: string) => counterAction<{ counter: CounterDto }>(id, 'resume'),
    closeCounter: (id: string) => counterAction<{ counter: CounterDto }>(id, 'close'),
    rate: (input: { ticketId: string; level: string; reasons?: string[]; comment?: string | null }) =>
      request<{ id: string; ticketId: string; level: string }>('POST', '/ratings', input),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
