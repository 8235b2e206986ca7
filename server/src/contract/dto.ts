/**
 * Shapes exchanged over HTTP and socket.io. Shared by the server and every front-end. The one import point:
 * each domain's shapes live in `dto.<domain>.ts`, re-exported here so importers need not know the split.
 */
export type * from './dto.tickets.ts';
export type * from './dto.catalog.ts';
export type * from './dto.procedures.ts';
export type * from './dto.bookings.ts';
export type * from './dto.accounts.ts';
export type * from './dto.config.ts';
export type * from './dto.reports.ts';
