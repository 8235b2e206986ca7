import { z } from 'zod';
import { areaFields, blockInOrder, counterInput, departmentInput, procedureInput } from './inputs.schema.ts';
import { boundedRecord, DOCUMENT_BOUNDS } from './json.bounds.ts';

/**
 * The configuration as one document, the same shape as the demo seed: export, edit in a spreadsheet, import.
 * Rows are the route schemas' own fields (POST /api/departments, /areas, /counters), keyed by codes instead of
 * ids: an import can never store what those routes would refuse. The admin's spreadsheet reader checks each row with these too.
 */
export const configDepartmentRow = departmentInput.pick({ code: true, name: true }).strict();
export const configAreaRow = areaFields
  .pick({ code: true, name: true, numberStart: true, numberEnd: true, dailyLimit: true, targetWaitMinutes: true })
  .extend({ department: departmentInput.shape.code })
  .strict()
  .refine(...blockInOrder);
export const configCounterRow = counterInput
  .pick({ number: true, name: true })
  .extend({ areas: z.array(areaFields.shape.code).max(200) })
  .strict();
/**
 * A procedure of the catalogue, its area by code: POST /api/procedures' own fields, so the document is held to the
 * same rules as the procedure import (whose rows are these fields too). Withdrawn procedures are not exported.
 */
export const configProcedureRow = procedureInput
  .omit({ areaId: true })
  .extend({ area: areaFields.shape.code })
  .strict();
export type ConfigProcedureRow = z.infer<typeof configProcedureRow>;

export const configDocument = z
  .object({
    center: boundedRecord(DOCUMENT_BOUNDS).optional(),
    departments: z.array(configDepartmentRow).max(500).default([]),
    areas: z.array(configAreaRow).max(5000).default([]),
    counters: z.array(configCounterRow).max(1000).default([]),
    /** Absent: the import leaves the catalogue of procedures as it is (documents exported before issue 12). */
    procedures: z.array(configProcedureRow).max(10_000).optional(),
  })
  .strict();

export type ConfigDocument = z.infer<typeof configDocument>;
