import { z } from 'zod';
import { boundedRecord } from './json.bounds.ts';
import { isPrinterAddress, PRINTER_ADDRESS_HINT, PRINTER_MODEL_HINT, printerModelSchema } from './printer.address.ts';
import { hoursSchema } from './settings.schema.ts';

/** Input schemas for every route body. Unknown keys are rejected so typos do not pass silently. */
const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const loginInput = z.object({ username: text(64), password: z.string().min(1).max(200) }).strict();
export const pairInput = z.object({ code: z.string().trim().min(4).max(20) }).strict();

/** A citizen's ID as typed or scanned: the parser (core/citizens) decides; this only bounds the size. */
const citizenText = z.string().min(1).max(1000);
/** A booking code as typed or scanned (case, spaces and dashes are forgiven by the lookup). */
const bookingCode = z.string().min(1).max(40);

/** `procedureId`: the ticket is in that procedure's area (`areaId`, when also given, must be that area). */
export const issueTicketInput = z
  .object({
    areaId: id.optional(),
    procedureId: id.optional(),
    priority: z.boolean().optional(),
    priorityGroup: z.string().trim().max(120).nullish(),
    idempotencyKey: z.string().min(1).max(200).optional(),
    /** Check in a booking (its area and procedure are the booking's). */
    bookingCode: bookingCode.optional(),
    /** The citizen, typed or as the card's QR text (one of the two): limits, check-in, elderly priority. */
    citizenId: citizenText.optional(),
    citizenQr: citizenText.optional(),
    /** Staff override when the kiosk requires the card (settings citizenLimits.requireCardAtKiosk). */
    overridePin: z.string().max(20).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.areaId || v.procedureId || v.bookingCode), {
    message: 'areaId, procedureId hoặc bookingCode',
    path: ['areaId'],
  })
  .refine((v) => !(v.citizenId && v.citizenQr), { message: 'citizenId hoặc citizenQr (chỉ một)', path: ['citizenId'] });

/** POST /api/public/bookings: a slot start of an area (or of a procedure's area) for a citizen. */
export const bookingInput = z
  .object({
    areaId: id.optional(),
    procedureId: id.optional(),
    start: z.string().min(1).max(40),
    citizenId: citizenText,
    /** Accepted for the contract, never stored (no SMS gateway on a LAN server; docs/booking.md). */
    phone: z.string().max(20).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.areaId || v.procedureId), { message: 'areaId hoặc procedureId', path: ['areaId'] });

/** POST /api/public/tickets: a remote number for today. */
export const remoteTicketInput = z
  .object({
    areaId: id.optional(),
    procedureId: id.optional(),
    citizenId: citizenText,
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.areaId || v.procedureId), { message: 'areaId hoặc procedureId', path: ['areaId'] });

/**
 * What the clerk saw when acting: the current ticket's id, or null for "no one at my counter". Optional, so the
 * contract's body-less calls still work; when given and no longer true the action is refused (409 counter.stale_view).
 */
const expectedTicketId = id.nullable().optional();
export const counterActionInput = z.object({ expectedTicketId }).strict();

export const callTicketInput = z.object({ ticketId: id, expectedTicketId }).strict();

/** `force`: transfer even to a closed counter (the clerk confirmed the warning). */
export const transferInput = z
  .object({ areaId: id.optional(), counterId: id.optional(), expectedTicketId, force: z.boolean().optional() })
  .strict()
  .refine((v) => Boolean(v.areaId) !== Boolean(v.counterId), { message: 'areaId hoặc counterId (chỉ một)' });

export const annotateInput = z
  .object({
    dossierCode: z.string().trim().max(100).nullish(),
    note: z.string().trim().max(1000).nullish(),
  })
  .strict();

export const ratingInput = z
  .object({
    ticketId: id,
    level: z.string().min(1).max(40),
    reasons: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
    comment: z.string().trim().max(1000).nullish(),
  })
  .strict();

export const roleSchema = z.enum(['admin', 'supervisor', 'clerk']);
export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'chỉ chữ không dấu, số, . _ -');
export const passwordSchema = z.string().min(8).max(200);

export const createUserInput = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    displayName: text(100),
    role: roleSchema,
  })
  .strict();

export const updateUserInput = z
  .object({
    displayName: text(100).optional(),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();

/**
 * A printer address: `agent`, `browser`, or what the printer module accepts (tcp://host:port, cups://QUEUE, a
 * printer device file under /dev/). One rule, shared with the admin form and checked again when printing.
 */
export const printerAddress = z.string().trim().max(200).refine(isPrinterAddress, PRINTER_ADDRESS_HINT);

/** A device's free-form settings; a kiosk's `printerModel`, when given, is one the printer module knows. */
const deviceSettings = boundedRecord().refine(
  (s) => s.printerModel === undefined || printerModelSchema.safeParse(s.printerModel).success,
  { message: PRINTER_MODEL_HINT, path: ['printerModel'] },
);

export const createDeviceInput = z
  .object({
    kind: z.enum(['kiosk', 'display', 'rating', 'printer']),
    name: text(100),
    counterId: id.nullish(),
    kioskId: id.nullish(),
    printer: printerAddress.nullish(),
    settings: deviceSettings.optional(),
  })
  .strict();

export const updateDeviceInput = z
  .object({
    name: text(100).optional(),
    counterId: id.nullish(),
    printer: printerAddress.nullish(),
    settings: deviceSettings.optional(),
  })
  .strict();

export const departmentInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[A-Za-z0-9_-]+$/),
    name: text(200),
    sort: z.number().int().optional(),
    active: z.boolean().optional(),
  })
  .strict();

/** An area's fields before the cross-field check: the config import picks its columns from here (one definition). */
export const areaFields = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[A-Za-z0-9_-]+$/),
    departmentId: id,
    name: text(200),
    numberStart: z.number().int().min(0).max(999999),
    numberEnd: z.number().int().min(0).max(999999),
    dailyLimit: z.number().int().min(1).max(100000).nullish(),
    targetWaitMinutes: z.number().int().min(1).max(1440).nullish(),
    hours: hoursSchema.nullish(),
    open: z.boolean().optional(),
    active: z.boolean().optional(),
    sort: z.number().int().optional(),
  })
  .strict();

export const blockInOrder: [(a: { numberStart: number; numberEnd: number }) => boolean, { message: string }] = [
  (a) => a.numberEnd >= a.numberStart,
  { message: 'numberEnd ≥ numberStart' },
];
export const areaInput = areaFields.refine(...blockInOrder);
/** PATCH /api/areas/:id: any subset of the area's fields, and its booking capacity per slot. */
export const areaPatchInput = areaFields
  .extend({ bookingSlotCapacity: z.number().int().min(0).max(10_000) })
  .partial()
  .strict();

export const counterInput = z
  .object({
    number: z.number().int().min(1).max(9999),
    name: text(100),
    areaIds: z.array(id).max(200),
    active: z.boolean().optional(),
  })
  .strict();

/**
 * A procedure's fields (POST/PUT /api/procedures, and each import row once read). A code is the national code
 * (`2.000488`) or a province's form of it (`1.012786.H19`).
 */
export const procedureCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'mã thủ tục: chữ không dấu, số, . _ -');
const listText = (max: number, count: number) => z.array(text(max)).max(count);
export const procedureInput = z
  .object({
    code: procedureCode,
    name: text(1000),
    areaId: id,
    timeLimit: z.string().trim().max(1000).optional(),
    fee: z.string().trim().max(2000).optional(),
    documents: listText(1000, 100).optional(),
    keywords: listText(200, 50).optional(),
  })
  .strict();

/**
 * GET /api/procedures: `limit` default 20; a larger one is cut to 200 (the most an answer holds). `offset` (beyond
 * the contract): skips that many, so an admin screen can page through a catalogue of thousands.
 */
/** An empty query parameter (`?limit=`, as the contract writes the route) is an absent one, not the number 0. */
const blankIsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema);
export const procedureQuery = z.object({
  offset: blankIsAbsent(z.coerce.number().int().min(0).max(1_000_000).default(0)),
  q: z.string().max(200).optional(),
  areaId: z.string().max(100).optional(),
  limit: blankIsAbsent(
    z.coerce
      .number()
      .int()
      .min(1)
      .default(20)
      .transform((n) => Math.min(n, 200)),
  ),
});

export const reportQuery = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  groupBy: z.enum(['area', 'counter', 'clerk', 'department', 'hour', 'day', 'procedure', 'channel']).default('area'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
