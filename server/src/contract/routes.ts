import type { z } from 'zod';
import type {
  ActionWarning,
  AlertDto,
  AreaDto,
  AuditEntryDto,
  BookableAreaDto,
  BookingDto,
  BookingSlotsDto,
  StaffBookingsDto,
  CounterDto,
  DepartmentDto,
  DeviceDto,
  ImportResultDto,
  ProcedureDto,
  ProvinceLinkDto,
  ProcedureImportResultDto,
  PrintResult,
  PublicConfigDto,
  ReportDto,
  StateDto,
  TicketDto,
  UserDto,
} from './dto.ts';
import type { configDocument } from './config.schema.ts';
import type { provinceLinkInput } from './province.link.schema.ts';
import type * as I from './inputs.schema.ts';
import type { SettingsDto, SettingsPatch } from './settings.schema.ts';

/**
 * Every JSON route of the API and its answer: the one place the server's handlers (http/route.reply.ts) and the
 * client (client/api.client.ts) take their types from. `body` is what the route's zod schema accepts (its input
 * type, defaults optional); routes answering a file (CSV, XLSX, PNG) are not here.
 */
type In<S extends z.ZodType> = z.input<S>;
type TicketAnswer = { ticket: TicketDto };
type CounterView = In<typeof I.counterActionInput>;

export interface MeDto {
  kind: 'user' | 'device' | 'system';
  user?: UserDto;
  counterId?: string | null;
  device?: Pick<DeviceDto, 'id' | 'kind' | 'name' | 'counterId' | 'kioskId' | 'printer' | 'settings'>;
}
export interface TallyDto {
  businessDay: string;
  served: number;
  noShow: number;
  called: number;
  avgServiceSec: number | null;
  ratings: Record<string, number>;
}
export interface PairingCodeDto {
  code: string;
  expiresAt: string;
  replacedToken: boolean;
}
export interface BackupDto {
  file: string;
  at: number;
  bytes: number;
}
export interface PrinterStateDto {
  kioskId: string;
  kioskName: string;
  printer: string | null;
  online: boolean | null;
  paper: string;
  lastStatus: string;
  lastError: string | null;
  at: string | null;
}
export type ConfigDocumentDto = z.output<typeof configDocument>;
/** The issue answer: the ticket, and how its print went (`none` when nothing was printed). */
export type IssuedTicketDto = TicketDto & { print?: PrintResult | { status: 'none' } };

export interface ApiRoutes {
  'GET /api/health': { res: { ok: boolean; reason?: string; message?: string } };
  'GET /api/config/public': { res: PublicConfigDto };
  'POST /api/auth/login': { body: In<typeof I.loginInput>; res: { token: string; user: UserDto } };
  'POST /api/auth/logout': { res: { ok: boolean } };
  'GET /api/auth/me': { res: MeDto };
  'GET /api/auth/me/tally': { res: TallyDto };
  'POST /api/auth/pair': {
    body: In<typeof I.pairInput>;
    res: { token: string; device: Pick<DeviceDto, 'id' | 'kind' | 'name' | 'counterId'> };
  };
  'GET /api/departments': { res: DepartmentDto[] };
  'GET /api/areas': { res: AreaDto[] };
  'GET /api/counters': { res: (CounterDto & { active?: boolean })[] };
  'GET /api/state': { res: StateDto };
  'GET /api/alerts': { res: { alerts: AlertDto[] } };
  'POST /api/tickets': { body: In<typeof I.issueTicketInput>; res: IssuedTicketDto };
  'GET /api/tickets/:id': { res: TicketDto };
  'GET /api/tickets': { res: TicketDto[] };
  'POST /api/tickets/:id/annotate': { body: In<typeof I.annotateInput>; res: TicketAnswer };
  'POST /api/tickets/:id/reprint': { res: TicketAnswer & { print: PrintResult } };
  'GET /api/counters/:id/queue': { res: { waiting: TicketDto[]; noShows: TicketDto[] } };
  'POST /api/counters/:id/open': { res: { counter: CounterDto } };
  'POST /api/counters/:id/call-next': { body: CounterView; res: { ticket: TicketDto | null } };
  'POST /api/counters/:id/call': { body: In<typeof I.callTicketInput>; res: TicketAnswer };
  'POST /api/counters/:id/recall': { body: CounterView; res: TicketAnswer };
  'POST /api/counters/:id/start': { body: CounterView; res: TicketAnswer };
  'POST /api/counters/:id/no-show': { body: CounterView; res: TicketAnswer };
  'POST /api/counters/:id/finish': { body: CounterView; res: TicketAnswer };
  'POST /api/counters/:id/transfer': {
    body: In<typeof I.transferInput>;
    res: TicketAnswer & { warning?: ActionWarning };
  };
  'POST /api/counters/:id/pause': { res: { counter: CounterDto } };
  'POST /api/counters/:id/resume': { res: { counter: CounterDto } };
  'POST /api/counters/:id/close': { res: { counter: CounterDto } };
  'POST /api/ratings': { body: In<typeof I.ratingInput>; res: { id: string; ticketId: string; level: string } };
  'GET /api/reports/summary': { res: ReportDto };
  'GET /api/users': { res: UserDto[] };
  'POST /api/users': { body: In<typeof I.createUserInput>; res: UserDto };
  'PATCH /api/users/:id': { body: In<typeof I.updateUserInput>; res: UserDto };
  'GET /api/devices': { res: DeviceDto[] };
  'POST /api/devices': {
    body: In<typeof I.createDeviceInput>;
    /** The first pairing code itself (6 digits, shown once); its expiry is the device's `pairingExpiresAt`. */
    res: DeviceDto & { token: string; pairingCode: string };
  };
  'POST /api/devices/:id/pairing-code': { res: PairingCodeDto };
  'PATCH /api/devices/:id': { body: In<typeof I.updateDeviceInput>; res: DeviceDto };
  'DELETE /api/devices/:id': { res: DeviceDto };
  'POST /api/devices/:id/revoke': { res: DeviceDto };
  'POST /api/departments': { body: In<typeof I.departmentInput>; res: DepartmentDto };
  'PUT /api/departments/:id': { body: In<typeof I.departmentInput>; res: DepartmentDto };
  'POST /api/areas': { body: In<typeof I.areaInput>; res: AreaDto };
  'PUT /api/areas/:id': { body: In<typeof I.areaInput>; res: AreaDto };
  'POST /api/areas/:id/open': { res: AreaDto };
  'POST /api/areas/:id/close': { res: AreaDto };
  'POST /api/counters': { body: In<typeof I.counterInput>; res: CounterDto };
  'PUT /api/counters/:id': { body: In<typeof I.counterInput>; res: CounterDto };
  'GET /api/settings': { res: SettingsDto };
  'PATCH /api/settings': { body: SettingsPatch; res: SettingsDto };
  'PATCH /api/areas/:id': { body: In<typeof I.areaPatchInput>; res: AreaDto };
  'GET /api/public/booking/areas': { res: BookableAreaDto[] };
  'GET /api/public/booking/slots': { res: BookingSlotsDto };
  'POST /api/public/bookings': { body: In<typeof I.bookingInput>; res: BookingDto };
  'GET /api/public/bookings/:code': { res: BookingDto };
  'DELETE /api/public/bookings/:code': { res: { status: 'cancelled' } };
  'POST /api/public/tickets': { body: In<typeof I.remoteTicketInput>; res: IssuedTicketDto };
  'GET /api/bookings': { res: StaffBookingsDto };
  'GET /api/audit': { res: AuditEntryDto[] };
  'GET /api/config/export': { res: ConfigDocumentDto };
  'POST /api/config/import': { body: In<typeof configDocument>; res: ImportResultDto };
  'GET /api/backups': { res: { lastBackup: BackupDto | null; backups: BackupDto[]; dir: string } };
  'POST /api/backups': { res: BackupDto };
  'GET /api/printers': { res: PrinterStateDto[] };
  'GET /api/procedures': { res: ProcedureDto[] };
  'GET /api/procedures/:id': { res: ProcedureDto };
  'POST /api/procedures': { body: In<typeof I.procedureInput>; res: ProcedureDto };
  'PUT /api/procedures/:id': { body: In<typeof I.procedureInput>; res: ProcedureDto };
  'DELETE /api/procedures/:id': { res: ProcedureDto };
  /** The body is a CSV or XLSX file (not JSON): the client sends it as is, with its content type. */
  'POST /api/procedures/import': { res: ProcedureImportResultDto };
  'GET /api/province/link': { res: ProvinceLinkDto };
  'PUT /api/province/link': { body: In<typeof provinceLinkInput>; res: ProvinceLinkDto };
}

export type RouteKey = keyof ApiRoutes;
export type RouteRes<K extends RouteKey> = ApiRoutes[K]['res'];
export type RouteBody<K extends RouteKey> = ApiRoutes[K] extends { body: infer B } ? B : undefined;
type MethodOf<K extends RouteKey> = K extends `${infer M} ${string}` ? M : never;
/** `/api/counters/:id/call` → `/counters/${string}/call` (a query string may follow). */
type Fill<P extends string> = P extends `${infer A}:${string}/${infer B}`
  ? `${A}${string}/${Fill<B>}`
  : P extends `${infer A}:${string}`
    ? `${A}${string}`
    : P;
type BarePath<K extends RouteKey> = K extends `${string} /api${infer P}` ? Fill<P> : never;
export type RoutePath<K extends RouteKey> = BarePath<K> | `${BarePath<K>}?${string}`;
export const methodOf = <K extends RouteKey>(key: K) => key.slice(0, key.indexOf(' ')) as MethodOf<K>;

/**
 * The same keys at run time (the object literal must name each exactly once), so a test can hold the map and
 * the server's registered routes together.
 */
export const API_ROUTE_KEYS = Object.keys({
  'GET /api/health': 0,
  'GET /api/config/public': 0,
  'POST /api/auth/login': 0,
  'POST /api/auth/logout': 0,
  'GET /api/auth/me': 0,
  'GET /api/auth/me/tally': 0,
  'POST /api/auth/pair': 0,
  'GET /api/departments': 0,
  'GET /api/areas': 0,
  'GET /api/counters': 0,
  'GET /api/state': 0,
  'GET /api/alerts': 0,
  'POST /api/tickets': 0,
  'GET /api/tickets/:id': 0,
  'GET /api/tickets': 0,
  'POST /api/tickets/:id/annotate': 0,
  'POST /api/tickets/:id/reprint': 0,
  'GET /api/counters/:id/queue': 0,
  'POST /api/counters/:id/open': 0,
  'POST /api/counters/:id/call-next': 0,
  'POST /api/counters/:id/call': 0,
  'POST /api/counters/:id/recall': 0,
  'POST /api/counters/:id/start': 0,
  'POST /api/counters/:id/no-show': 0,
  'POST /api/counters/:id/finish': 0,
  'POST /api/counters/:id/transfer': 0,
  'POST /api/counters/:id/pause': 0,
  'POST /api/counters/:id/resume': 0,
  'POST /api/counters/:id/close': 0,
  'POST /api/ratings': 0,
  'GET /api/reports/summary': 0,
  'GET /api/users': 0,
  'POST /api/users': 0,
  'PATCH /api/users/:id': 0,
  'GET /api/devices': 0,
  'POST /api/devices': 0,
  'POST /api/devices/:id/pairing-code': 0,
  'PATCH /api/devices/:id': 0,
  'DELETE /api/devices/:id': 0,
  'POST /api/devices/:id/revoke': 0,
  'POST /api/departments': 0,
  'PUT /api/departments/:id': 0,
  'POST /api/areas': 0,
  'PUT /api/areas/:id': 0,
  'POST /api/areas/:id/open': 0,
  'POST /api/areas/:id/close': 0,
  'POST /api/counters': 0,
  'PUT /api/counters/:id': 0,
  'GET /api/settings': 0,
  'PATCH /api/settings': 0,
  'PATCH /api/areas/:id': 0,
  'GET /api/public/booking/areas': 0,
  'GET /api/public/booking/slots': 0,
  'POST /api/public/bookings': 0,
  'GET /api/public/bookings/:code': 0,
  'DELETE /api/public/bookings/:code': 0,
  'POST /api/public/tickets': 0,
  'GET /api/bookings': 0,
  'GET /api/audit': 0,
  'GET /api/config/export': 0,
  'POST /api/config/import': 0,
  'GET /api/backups': 0,
  'POST /api/backups': 0,
  'GET /api/printers': 0,
  'GET /api/procedures': 0,
  'GET /api/procedures/:id': 0,
  'POST /api/procedures': 0,
  'PUT /api/procedures/:id': 0,
  'DELETE /api/procedures/:id': 0,
  'POST /api/procedures/import': 0,
  'GET /api/province/link': 0,
  'PUT /api/province/link': 0,
} satisfies Record<RouteKey, 0>) as RouteKey[];
