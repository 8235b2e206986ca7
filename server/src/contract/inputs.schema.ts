import { z } from 'zod';
import { hoursSchema } from './settings.schema.ts';

/** Input schemas for every route body. Unknown keys are rejected so typos do not pass silently. */
const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const loginInput = z.object({ username: text(64), password: z.string().min(1).max(200) }).strict();
export const pairInput = z.object({ code: z.string().trim().min(4).max(20) }).strict();

export const issueTicketInput = z.object({
  areaId: id,
  priority: z.boolean().optional(),
  priorityGroup: z.string().trim().max(120).nullish(),
  idempotencyKey: z.string().min(1).max(200).optional(),
}).strict();

export const callTicketInput = z.object({ ticketId: id }).strict();

export const transferInput = z.object({ areaId: id.optional(), counterId: id.optional() }).strict()
  .refine((v) => Boolean(v.areaId) !== Boolean(v.counterId), { message: 'areaId hoặc counterId (chỉ một)' });

export const annotateInput = z.object({
  dossierCode: z.string().trim().max(100).nullish(),
  note: z.string().trim().max(1000).nullish(),
}).strict();

export const ratingInput = z.object({
  ticketId: id,
  level: z.string().min(1).max(40),
  reasons: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
  comment: z.string().trim().max(1000).nullish(),
}).strict();

export const roleSchema = z.enum(['admin', 'supervisor', 'clerk']);
export const usernameSchema = z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._-]+$/, 'chỉ chữ không dấu, số, . _ -');
export const passwordSchema = z.string().min(8).max(200);

export const createUserInput = z.object({
  username: usernameSchema, password: passwordSchema, displayName: text(100), role: roleSchema,
}).strict();

export const updateUserInput = z.object({
  displayName: text(100).optional(), role: roleSchema.optional(), active: z.boolean().optional(), password: passwordSchema.optional(),
}).strict();

export const printerAddress = z.string().trim().max(200).regex(/^(agent|browser|tcp:\/\/[\w.-]+(:\d{1,5})?|file:\/\/\/.+|\/dev\/.+|cups:\/\/[\w.@-]+)$/, 'tcp://host:9100, /dev/usb/lp0, cups://TÊN, agent hoặc browser');

export const createDeviceInput = z.object({
  kind: z.enum(['kiosk', 'display', 'rating', 'printer']),
  name: text(100),
  counterId: id.nullish(),
  kioskId: id.nullish(),
  printer: printerAddress.nullish(),
  settings: z.record(z.string(), z.unknown()).optional(),
}).strict();

export const updateDeviceInput = z.object({
  name: text(100).optional(), counterId: id.nullish(), printer: printerAddress.nullish(), settings: z.record(z.string(), z.unknown()).optional(),
}).strict();

export const departmentInput = z.object({
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/), name: text(200), sort: z.number().int().optional(), active: z.boolean().optional(),
}).strict();

export const areaInput = z.object({
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/),
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
}).strict().refine((a) => a.numberEnd >= a.numberStart, { message: 'numberEnd ≥ numberStart' });

export const counterInput = z.object({
  number: z.number().int().min(1).max(9999), name: text(100), areaIds: z.array(id).max(200), active: z.boolean().optional(),
}).strict();

export const reportQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  groupBy: z.enum(['area', 'counter', 'clerk', 'department', 'hour', 'day']).default('area'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
