/** Center configuration: public settings, config import answers, the province link (re-exported by dto.ts). */
import type { PublicBookingDto } from './dto.bookings.ts';

export interface RatingLevel {
  key: string;
  label: string;
}

export interface PublicConfigDto {
  centerName: string;
  shortName: string;
  timeZone: string;
  ratingLevels: RatingLevel[];
  ratingReasons: string[];
  /** The levels that ask for reasons (the lowest by default). */
  ratingReasonLevels: string[];
  priorityGroups: string[];
  announcement: string;
  announceTimes: number;
  numberReading: 'words' | 'digits';
  dialect: 'north' | 'south';
  voicePack: string;
  notice: string;
  kioskIdleSeconds: number;
  ratingTimeoutSeconds: number;
  ticketInstruction: string;
  ticketThanks: string;
  enforceIssuingHours: boolean;
  businessDay: string;
  serverTime: string;
  /** What /book and the kiosk need of the booking settings (issue 13); never the override PIN or the limits' keys. */
  booking?: PublicBookingDto;
}

/** One field an import changes: `before` is null for a row it creates. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
/** One row an import creates or changes (key: the department or area code, the counter number, `center` for settings). */
export interface ImportChange {
  entity: 'department' | 'area' | 'counter' | 'procedure' | 'settings';
  key: string;
  action: 'create' | 'update';
  fields: FieldChange[];
}
type ImportCounts = Record<'departments' | 'areas' | 'counters', number> & {
  /** The document's procedures (this server always counts them; 0 when the document carries none). */
  procedures?: number;
};
/** The answer of POST /api/config/import (and of its `?dryRun=1` preview, which changes nothing). */
export interface ImportResultDto {
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  changes: ImportChange[];
  dryRun: boolean;
}

/** GET /api/province/link: the center's link to its province hub, as its admin sees it (never the token). */
export interface ProvinceLinkDto {
  configured: boolean;
  url: string | null;
  tokenSet: boolean;
  /** Fields set by PROVINCE_URL / PROVINCE_TOKEN: they win over the stored ones, the screen cannot change them. */
  fromEnv: { url: boolean; token: boolean };
  state: 'off' | 'ok' | 'retrying';
  /** When the hub last acknowledged (ISO, the center's time zone). */
  lastAckAt: string | null;
  /** Outbox entries the hub has not acknowledged yet. */
  pending: number;
  /** Age in seconds of the oldest of them (0: caught up). */
  lagSec: number;
  lastError: string | null;
}
