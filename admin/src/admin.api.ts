import { ApiError, createApiClient } from '../../server/src/client/api.client.ts';
import type {
  AreaDto,
  CounterDto,
  DepartmentDto,
  DeviceDto,
  ImportResultDto,
  ReportRow,
  UserDto,
} from '../../server/src/contract/dto.ts';
import type { CenterSettings, IssuingHours } from '../../server/src/contract/settings.schema.ts';

export type { CenterSettings, IssuingHours };
export type GroupBy = 'area' | 'department' | 'counter' | 'clerk' | 'hour' | 'day';
export interface Report {
  from: string;
  to: string;
  groupBy: GroupBy;
  rows: ReportRow[];
  totals: ReportRow;
}
export interface AuditEntry {
  id: number;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: unknown;
}
export interface AreaInput {
  code: string;
  departmentId: string;
  name: string;
  numberStart: number;
  numberEnd: number;
  dailyLimit?: number | null;
  targetWaitMinutes?: number | null;
  hours?: IssuingHours | null;
  open?: boolean;
  active?: boolean;
  sort?: number;
}
export interface CounterInput {
  number: number;
  name: string;
  areaIds: string[];
  active?: boolean;
}
export interface DeviceInput {
  kind: DeviceDto['kind'];
  name: string;
  counterId?: string | null;
  kioskId?: string | null;
  printer?: string | null;
  settings?: Record<string, unknown>;
}
export interface ConfigDoc {
  center?: Partial<CenterSettings>;
  departments: { code: string; name: string }[];
  areas: {
    code: string;
    department: string;
    name: string;
    numberStart: number;
    numberEnd: number;
    dailyLimit: number | null;
    targetWaitMinutes: number | null;
  }[];
  counters: { number: number; name: string; areas: string[] }[];
}
export type ImportResult = ImportResultDto;
export interface PairingCode {
  code: string;
  expiresAt: string;
  replacedToken: boolean;
}
export interface BackupInfo {
  file: string;
  at: string | number;
  bytes: number;
}

/** Everything the admin screens call: the shared typed client plus the admin-only routes. */
export function createAdminApi(getToken: () => string | null, fetchImpl?: typeof fetch) {
  const api = createApiClient({ getToken, ...(fetchImpl ? { fetch: fetchImpl } : {}), timeoutMs: 20_000 });
  const r = api.request;
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

  return {
    ...api,
    download,
    settings: () => r<CenterSettings>('GET', '/settings'),
    patchSettings: (p: Partial<CenterSettings>) => r<CenterSettings>('PATCH', '/settings', p),
    /** `all`: inactive entries too (admin screens reactivate them). */
    departments: (all = false) => r<DepartmentDto[]>('GET', `/departments${all ? '?all=1' : ''}`),
    saveDepartment: (d: { code: string; name: string; sort?: number; active?: boolean }, depId?: string) =>
      depId ? r<DepartmentDto>('PUT', `/departments/${id(depId)}`, d) : r<DepartmentDto>('POST', '/departments', d),
    areas: (all = false) => r<AreaDto[]>('GET', `/areas${all ? '?all=1' : ''}`),
    saveArea: (a: AreaInput, areaId?: string) =>
      areaId ? r<AreaDto>('PUT', `/areas/${id(areaId)}`, a) : r<AreaDto>('POST', '/areas', a),
    setAreaOpen: (areaId: string, open: boolean) =>
      r<AreaDto>('POST', `/areas/${id(areaId)}/${open ? 'open' : 'close'}`),
    counters: (all = false) => r<(CounterDto & { active?: boolean })[]>('GET', `/counters${all ? '?all=1' : ''}`),
    saveCounter: (c: CounterInput, counterId?: string) =>
      counterId ? r<CounterDto>('PUT', `/counters/${id(counterId)}`, c) : r<CounterDto>('POST', '/counters', c),
    users: () => r<UserDto[]>('GET', '/users'),
    createUser: (u: { username: string; password: string; displayName: string; role: UserDto['role'] }) =>
      r<UserDto>('POST', '/users', u),
    updateUser: (
      userId: string,
      p: { displayName?: string; role?: UserDto['role']; active?: boolean; password?: string },
    ) => r<UserDto>('PATCH', `/users/${id(userId)}`, p),
    devices: () => r<DeviceDto[]>('GET', '/devices'),
    createDevice: (d: DeviceInput) => r<DeviceDto & { token: string }>('POST', '/devices', d),
    updateDevice: (devId: string, p: Partial<Omit<DeviceInput, 'kind' | 'kioskId'>>) =>
      r<DeviceDto>('PATCH', `/devices/${id(devId)}`, p),
    revokeDevice: (devId: string) => r<DeviceDto>('POST', `/devices/${id(devId)}/revoke`),
    /** A fresh pairing code (10 minutes, once); for a device in use this re-pairs it and stops its token. */
    pairingCode: (devId: string) => r<PairingCode>('POST', `/devices/${id(devId)}/pairing-code`),
    audit: (before?: number, limit = 100) =>
      r<AuditEntry[]>('GET', `/audit?limit=${limit}${before ? `&before=${before}` : ''}`),
    report: (q: { from: string; to: string; groupBy: GroupBy }) =>
      r<Report>('GET', `/reports/summary?from=${q.from}&to=${q.to}&groupBy=${q.groupBy}`),
    exportConfig: () => r<ConfigDoc>('GET', '/config/export'),
    /** `dryRun`: the server answers what the import would change, field by field, and changes nothing. */
    importConfig: (doc: ConfigDoc, opts: { dryRun?: boolean } = {}) =>
      r<ImportResult>('POST', `/config/import${opts.dryRun ? '?dryRun=1' : ''}`, doc),
    backups: () => r<{ lastBackup: BackupInfo | null; backups: BackupInfo[] }>('GET', '/backups'),
    runBackup: () => r<unknown>('POST', '/backups'),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
