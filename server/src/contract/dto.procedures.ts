/** Procedure catalogue shapes (re-exported by dto.ts). */
import type { FieldChange } from './dto.config.ts';

/** A procedure as a ticket carries it. */
export interface ProcedureRef {
  id: string;
  code: string;
  name: string;
}

/**
 * A procedure (thủ tục hành chính) of the catalogue, as anyone may see it (GET /api/procedures). `timeLimit` and
 * `fee` are free text ('' when not given); `active` is false once withdrawn (only GET /api/procedures/:id shows those).
 */
export interface ProcedureDto {
  id: string;
  code: string;
  name: string;
  areaId: string;
  areaCode: string;
  areaName: string;
  departmentName: string;
  timeLimit: string;
  fee: string;
  documents: string[];
  keywords: string[];
  active: boolean;
  /**
   * Admins only: set when the procedure is in force but its area or department is inactive, so the public and the
   * kiosks do not list or find it (the admin screen warns). Absent in every answer to anyone else.
   */
  unlisted?: 'area_inactive' | 'department_inactive';
  /** 'province': from the province catalogue ("Từ tỉnh"); the center cannot change it (409 procedure.from_province). */
  source?: 'province';
}

/** The answer of POST /api/procedures/import (and of its `?dryRun=1` preview, which changes nothing). */
export interface ProcedureImportResultDto {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  /** Per row it creates or changes, what it changes (`before` null on create): the admin's preview. */
  changes: { code: string; action: 'create' | 'update'; fields: FieldChange[] }[];
}
