/** Report and audit shapes (re-exported by dto.ts). */
import type { z } from 'zod';
import type { reportQuery } from './inputs.schema.ts';

export interface ReportRow {
  key: string;
  label: string;
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  expired: number;
  avgWaitSec: number | null;
  medianWaitSec: number | null;
  p90WaitSec: number | null;
  avgServiceSec: number | null;
  /** Share of called tickets first called within the area's target wait (0–1). */
  serviceLevel: number | null;
  ratings: Record<string, number>;
  ratedCount: number;
  /** Share of ratings at a level other than the lowest (0–1). */
  satisfiedShare: number | null;
}

/** A report's grouping: the values `GET /api/reports/summary?groupBy=` accepts (its query schema's own enum). */
export type ReportGroupBy = z.output<typeof reportQuery>['groupBy'];
/** The answer of GET /api/reports/summary (format=json). */
export interface ReportDto {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  rows: ReportRow[];
  totals: ReportRow;
}

/** One line of GET /api/audit: who changed what, and when (`at`: epoch ms), newest first. */
export interface AuditEntryDto {
  id: number;
  at: number;
  actorKind: string;
  actorId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  data: unknown;
}
