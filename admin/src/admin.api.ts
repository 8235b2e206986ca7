import { ApiError, createApiClient } from '@client/api.client';
import type {
  AuditEntryDto,
  ImportResultDto,
  ProcedureDto,
  ProcedureImportResultDto,
  ReportDto,
  ReportGroupBy,
} from '@contract/dto';
import type { BackupDto, ConfigDocumentDto, PairingCodeDto, RouteBody, RouteRes } from '@contract/routes';
import type { CenterSettings, IssuingHours, SettingsDto, SettingsPatch } from '@contract/settings.schema';

// The admin's names for the contract's shapes (contract/dto.ts, contract/routes.ts): aliases, not copies.
export type { CenterSettings, IssuingHours, SettingsDto, SettingsPatch };
export type GroupBy = ReportGroupBy;
export type Report = ReportDto;
export type AuditEntry = AuditEntryDto;
export type AreaInput = RouteBody<'POST /api/areas'>;
export type CounterInput = RouteBody<'POST /api/counters'>;
export type DeviceInput = RouteBody<'POST /api/devices'>;
export type ConfigDoc = ConfigDocumentDto;
export type ImportResult = ImportResultDto;
export type PairingCode = PairingCodeDto;
export type BackupInfo = BackupDto;
export type Procedure = ProcedureDto;
export type ProcedureImportResult = ProcedureImportResultDto;
/** POST /api/procedures, PUT /api/procedures/:id (contract, section Procedures). */
export type ProcedureInput = RouteBody<'POST /api/procedures'>;
export interface ProcedureQuery {
  q?: string;
  areaId?: string;
  limit?: number;
}

/** Everything the admin screens call: the shared typed client plus the admin-only routes. */
export function createAdminApi(getToken: () => string | null, fetchImpl?: typeof fetch) {
  const api = createApiClient({ getToken, ...(fetchImpl ? { fetch: fetchImpl } : {}), timeoutMs: 20_000 });
  const send = api.send;
  const id = encodeURIComponent;

  /** Files (CSV, XLSX) need the auth header too, so they are fetched as blobs and saved by the browser. */
  async function download(path: string, fallbackName: string): Promise<{ blob: Blob; name: string }> {
    const token = getToken();
    let res: Response;
    try {
      res = await (fetchImpl ?? fetch)(`/api${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'network.offline', 'Mất kết nối tới máy chủ. Vui lòng thử lại.');
    }
    if (!res.ok) {
      let body: { error?: { code?: string; message?: string } } | null = null;
      try {
        body = await res.json();
      } catch {
        /* not JSON */
      }
      throw new ApiError(
        res.status,
        body?.error?.code ?? 'server.internal',
        body?.error?.message ?? `Lỗi ${res.status}`,
      );
    }
    const cd = res.headers.get('content-disposition') ?? '';
    const m = /filename="?([^";]+)"?/.exec(cd);
    return { blob: await res.blob(), name: m?.[1] ?? fallbackName };
  }

  /** A file (CSV, XLSX) sent as the body itself, with its own content type; answers and errors as `request`. */
  async function upload<T>(path: string, body: Blob, contentType: string): Promise<T> {
    const token = getToken();
    let res: Response;
    try {
      res = await (fetchImpl ?? fetch)(`/api${path}`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': contentType,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'network.offline', 'Mất kết nối tới máy chủ. Vui lòng thử lại.');
    }
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      /* not JSON */
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new ApiError(res.status, err?.code ?? 'server.internal', err?.message ?? `Lỗi ${res.status}`, err?.details);
    }
    return json as T;
  }

  const procedureQuery = (p: ProcedureQuery): `/procedures?${string}` => {
    const qs = new URLSearchParams();
    if (p.q) qs.set('q', p.q);
    if (p.areaId) qs.set('areaId', p.areaId);
    qs.set('limit', String(p.limit ?? 200));
    return `/procedures?${qs.toString()}`;
  };

  return {
    ...api,
    download,
    /** The catalogue of procedures; `limit` at most 200 (the server's cap). */
    procedures: (p: ProcedureQuery = {}) => send('GET /api/procedures', procedureQuery(p)),
    saveProcedure: (body: ProcedureInput, procId?: string) =>
      procId
        ? send('PUT /api/procedures/:id', `/procedures/${id(procId)}`, body)
        : send('POST /api/procedures', '/procedures', body),
    /** Withdraws a procedure: the kiosk stops offering it; past tickets keep it. */
    withdrawProcedure: (procId: string) => send('DELETE /api/procedures/:id', `/procedures/${id(procId)}`),
    /** A CSV or XLSX file as picked; `dryRun`: the same answer (or row errors), nothing changed. */
    importProcedures: (file: Blob, contentType: string, opts: { dryRun?: boolean } = {}) =>
      upload<RouteRes<'POST /api/procedures/import'>>(
        `/procedures/import${opts.dryRun ? '?dryRun=1' : ''}`,
        file,
        contentType,
      ),
    settings: () => send('GET /api/settings', '/settings'),
    patchSettings: (p: SettingsPatch) => send('PATCH /api/settings', '/settings', p),
    /** Today's (or another day's) bookings for staff: the last three ID digits only (issue 13). */
    bookings: (date: string) => send('GET /api/bookings', `/bookings?date=${encodeURIComponent(date)}`),
    /** Any subset of an area's fields; the booking capacity per slot is set this way. */
    patchArea: (areaId: string, p: RouteBody<'PATCH /api/areas/:id'>) =>
      send('PATCH /api/areas/:id', `/areas/${id(areaId)}`, p),
    /** `all`: inactive entries too (admin screens reactivate them). */
    departments: (all = false) => send('GET /api/departments', `/departments${all ? '?all=1' : ''}`),
    saveDepartment: (d: RouteBody<'POST /api/departments'>, depId?: string) =>
      depId
        ? send('PUT /api/departments/:id', `/departments/${id(depId)}`, d)
        : send('POST /api/departments', '/departments', d),
    areas: (all = false) => send('GET /api/areas', `/areas${all ? '?all=1' : ''}`),
    saveArea: (a: AreaInput, areaId?: string) =>
      areaId ? send('PUT /api/areas/:id', `/areas/${id(areaId)}`, a) : send('POST /api/areas', '/areas', a),
    setAreaOpen: (areaId: string, open: boolean) =>
      open
        ? send('POST /api/areas/:id/open', `/areas/${id(areaId)}/open`)
        : send('POST /api/areas/:id/close', `/areas/${id(areaId)}/close`),
    counters: (all = false) => send('GET /api/counters', `/counters${all ? '?all=1' : ''}`),
    saveCounter: (c: CounterInput, counterId?: string) =>
      counterId
        ? send('PUT /api/counters/:id', `/counters/${id(counterId)}`, c)
        : send('POST /api/counters', '/counters', c),
    users: () => send('GET /api/users', '/users'),
    createUser: (u: RouteBody<'POST /api/users'>) => send('POST /api/users', '/users', u),
    updateUser: (userId: string, p: RouteBody<'PATCH /api/users/:id'>) =>
      send('PATCH /api/users/:id', `/users/${id(userId)}`, p),
    devices: () => send('GET /api/devices', '/devices'),
    createDevice: (d: DeviceInput) => send('POST /api/devices', '/devices', d),
    updateDevice: (devId: string, p: RouteBody<'PATCH /api/devices/:id'>) =>
      send('PATCH /api/devices/:id', `/devices/${id(devId)}`, p),
    revokeDevice: (devId: string) => send('POST /api/devices/:id/revoke', `/devices/${id(devId)}/revoke`),
    /** A fresh pairing code (10 minutes, once); for a device in use this re-pairs it and stops its token. */
    pairingCode: (devId: string) => send('POST /api/devices/:id/pairing-code', `/devices/${id(devId)}/pairing-code`),
    audit: (before?: number, limit = 100) =>
      send('GET /api/audit', `/audit?limit=${limit}${before ? `&before=${before}` : ''}`),
    report: (q: { from: string; to: string; groupBy: GroupBy }) =>
      send('GET /api/reports/summary', `/reports/summary?from=${q.from}&to=${q.to}&groupBy=${q.groupBy}`),
    exportConfig: () => send('GET /api/config/export', '/config/export'),
    /** `dryRun`: the server answers what the import would change, field by field, and changes nothing. */
    importConfig: (doc: RouteBody<'POST /api/config/import'>, opts: { dryRun?: boolean } = {}) =>
      send('POST /api/config/import', `/config/import${opts.dryRun ? '?dryRun=1' : ''}`, doc),
    backups: () => send('GET /api/backups', '/backups'),
    runBackup: () => send('POST /api/backups', '/backups'),
    provinceLink: () => send('GET /api/province/link', '/province/link'),
    saveProvinceLink: (b: RouteBody<'PUT /api/province/link'>) => send('PUT /api/province/link', '/province/link', b),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
