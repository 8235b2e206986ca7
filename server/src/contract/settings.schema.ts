import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:mm');

export const hoursSchema = z
  .array(
    z.object({
      days: z.array(z.number().int().min(0).max(6)).min(1),
      from: hhmm,
      to: hhmm,
    }),
  )
  .max(50);

export type IssuingHours = z.infer<typeof hoursSchema>;

const minutes = (max: number) => z.number().int().min(0).max(max);

/** Bookings and remote numbers (issue 13); the contract's defaults, plus onlineSharePercent (docs/api.md). */
export const bookingSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  daysAhead: z.number().int().min(0).max(60).default(6),
  slotMinutes: z.number().int().min(5).max(240).default(30),
  checkInEarlyMinutes: minutes(240).default(30),
  checkInLateMinutes: minutes(240).default(15),
  remoteTickets: z.boolean().default(false),
  perAddressPerHour: z.number().int().min(1).max(10_000).default(10),
  /** The share of each slot's capacity bookable online; the rest stays for walk-ins and staff. */
  onlineSharePercent: z.number().int().min(0).max(100).default(100),
});

/** Per citizen and business day, across every channel (tickets plus open bookings). */
export const citizenLimitsSchema = z.object({
  perDay: z.number().int().min(1).max(100).default(2),
  perAreaPerDay: z.number().int().min(1).max(100).default(1),
  /** A kiosk ticket needs the ID card (or a booking code, or the staff override PIN). */
  requireCardAtKiosk: z.boolean().default(false),
});

/** The center's settings: every field has a default so a partial document is always whole. */
export const centerSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200).default('Trung tâm Phục vụ hành chính công'),
  shortName: z.string().trim().max(80).default(''),
  timeZone: z.string().min(1).max(64).default('Asia/Ho_Chi_Minh'),
  announcement: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .default('Xin mời công dân có số thứ tự {number} đến quầy số {counter}'),
  announceTimes: z.number().int().min(1).max(5).default(2),
  numberReading: z.enum(['words', 'digits']).default('words'),
  dialect: z.enum(['north', 'south']).default('north'),
  voicePack: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,40}$/)
    .default('default'),
  issuingHours: hoursSchema.default([]),
  enforceIssuingHours: z.boolean().default(false),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .max(400)
    .default([]),
  ratingLevels: z
    .array(z.object({ key: z.string().regex(/^[a-z0-9_]{1,40}$/), label: z.string().trim().min(1).max(60) }))
    .min(2)
    .max(7)
    .default([
      { key: 'very_satisfied', label: 'Rất hài lòng' },
      { key: 'satisfied', label: 'Hài lòng' },
      { key: 'unsatisfied', label: 'Chưa hài lòng' },
    ]),
  /** Levels that ask the citizen for reasons; empty means the lowest level. */
  ratingReasonLevels: z.array(z.string()).max(7).default([]),
  ratingReasons: z
    .array(z.string().trim().min(1).max(120))
    .max(20)
    .default([
      'Thái độ của cán bộ',
      'Thời gian chờ lâu',
      'Hướng dẫn chưa rõ ràng',
      'Phải bổ sung hồ sơ nhiều lần',
      'Khác',
    ]),
  ratingWindowMinutes: z.number().int().min(1).max(240).default(30),
  priorityGroups: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  notice: z.string().max(1000).default(''),
  kioskIdleSeconds: z.number().int().min(5).max(600).default(30),
  ratingTimeoutSeconds: z.number().int().min(5).max(600).default(30),
  ticketInstruction: z.string().max(200).default('Vui lòng chờ đến khi số của bạn được gọi'),
  ticketThanks: z.string().max(200).default('Xin cảm ơn Quý khách!'),
  printerTimeoutMs: z.number().int().min(500).max(30000).default(3000),
  printerPaperWidth: z.union([z.literal(80), z.literal(58)]).default(80),
  printerMode: z.enum(['raster', 'text']).default('raster'),
  printerCodePage: z.enum(['cp1258', 'tcvn3']).default('cp1258'),
  /** Address phones use to reach the server (QR on tickets); empty: the server's LAN address. */
  publicUrl: z.string().max(200).default(''),
  booking: bookingSettingsSchema.prefault({}),
  citizenLimits: citizenLimitsSchema.prefault({}),
  /** Citizens this old or older get priority automatically when they take a number with their ID card. */
  elderlyAge: z.number().int().min(0).max(150).default(60),
});

export type CenterSettings = z.infer<typeof centerSettingsSchema>;

export const centerSettingsPatchSchema = centerSettingsSchema.partial().strict();

/** GET/PATCH /api/settings answer: the settings, and whether a staff override PIN is set (never the PIN). */
export type SettingsDto = CenterSettings & {
  // Optional in the type only (forms built from the schema's defaults); the server always sends it.
  citizenLimits: CenterSettings['citizenLimits'] & { overridePinSet?: boolean };
};

/**
 * A settings patch: any top-level field; `booking` and `citizenLimits` may name only some of their fields (the
 * others are kept). `citizenLimits.overridePin` (4–8 digits, or null to remove it) is write-only: stored hashed.
 */
export type SettingsPatch = Omit<Partial<CenterSettings>, 'booking' | 'citizenLimits'> & {
  booking?: Partial<CenterSettings['booking']>;
  citizenLimits?: Partial<CenterSettings['citizenLimits']> & { overridePin?: string | null; overridePinSet?: boolean };
};

/** The staff override PIN as an admin sets it. */
export const overridePinSchema = z
  .string()
  .regex(/^\d{4,8}$/, 'mã xác nhận: 4–8 chữ số')
  .nullable();
