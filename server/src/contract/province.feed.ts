import { z } from 'zod';

/**
 * The center → province hub feed (docs/province.md, "wire protocol"): one definition of its shapes, used by
 * the hub to validate and by a center's sender to type what it pushes. Every string is bounded and free of
 * NUL (PostgreSQL text cannot hold one), every number finite, so nothing a center sends reaches the database
 * as a value it refuses.
 */
export const FEED_MAX_ITEMS = 1000;
export const FEED_MAX_BYTES = 4 * 1024 * 1024;

const str = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'NUL');
const fid = str(100).min(1);
const ms = z.number().int().min(0).max(8_640_000_000_000_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nid = fid.nullable();

export const feedTicket = z.object({
  id: fid,
  number: z
    .union([str(40), z.number().int()])
    .nullable()
    .optional(),
  rev: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  channel: str(40).nullable().optional(),
  priority: z.boolean().optional(),
  issuedAreaId: fid,
  areaId: fid,
  counterId: nid,
  clerkId: nid,
  status: str(40).min(1),
  businessDay: day,
  issuedAt: ms,
  firstCalledAt: ms.nullable(),
  calledAt: ms.nullable(),
  finishedAt: ms.nullable(),
  transfers: z.number().int().min(0).max(1_000_000),
  procedureId: nid.optional(),
});
export const feedEvent = z.object({
  id: fid,
  at: ms,
  type: z.enum(['called', 'transferred']),
  ticketId: fid,
  counterId: nid,
  actorId: nid,
  areaId: nid,
  businessDay: day,
  issuedAt: ms,
  procedureId: nid.optional(),
});
export const feedRating = z.object({
  id: fid,
  ticketId: fid,
  at: ms,
  level: str(40).min(1),
  areaId: nid,
  counterId: nid,
  clerkId: nid,
  businessDay: day,
  issuedAt: ms,
  procedureId: nid.optional(),
});
export const feedCounter = z.object({
  id: fid,
  number: z.number().int().min(0).max(1_000_000).nullable().optional(),
  name: str(200).nullable().optional(),
  status: str(20).min(1),
  clerkId: nid,
  currentTicketId: nid,
  areaIds: z.array(fid).max(500),
  updatedAt: ms,
});
export const feedCatalog = z.object({
  areas: z
    .array(
      z.object({
        id: fid,
        code: str(100),
        name: str(300),
        departmentCode: str(100).nullable().optional(),
        departmentName: str(300).nullable().optional(),
        targetWaitSec: z.number().int().min(0).max(1_000_000).nullable().optional(),
      }),
    )
    .max(2000),
  counters: z.array(z.object({ id: fid, number: z.number().int().nullable(), name: str(200) })).max(2000),
  clerks: z.array(z.object({ id: fid, username: str(100), displayName: str(200) })).max(5000),
  procedures: z.array(z.object({ id: fid, code: str(100), name: str(1000) })).max(20000),
  /** The center's rating levels, best first (optional; the hub assumes the default three without it). */
  ratingLevels: z
    .array(z.object({ key: str(40), label: str(60) }))
    .max(7)
    .optional(),
});

const item = <K extends string, S extends z.ZodType>(kind: K, data: S) =>
  z.object({ seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), at: ms, kind: z.literal(kind), data });

export const feedItem = z.discriminatedUnion('kind', [
  item('ticket', feedTicket),
  item('event', feedEvent),
  item('rating', feedRating),
  item('counter', feedCounter),
  item('catalog', feedCatalog),
]);

export const feedBatch = z.object({
  center: z.object({ sentAt: ms, oldestPendingAt: ms.nullable() }),
  fromSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  items: z.array(feedItem).max(FEED_MAX_ITEMS),
});

export type FeedItem = z.infer<typeof feedItem>;
export type FeedBatch = z.infer<typeof feedBatch>;
export type FeedCatalog = z.infer<typeof feedCatalog>;
/** 200 answer of POST /api/province/feed. */
export interface FeedAck {
  ackSeq: number;
  catalogVersion: number;
}
/** 200 answer of GET /api/province/catalog. */
export type CatalogAnswer = { version: number; procedures: unknown[] } | { version: number; unchanged: true };
