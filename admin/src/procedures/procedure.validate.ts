import { procedureInput } from '@contract/inputs.schema';
import type { Procedure, ProcedureInput } from '../admin.api.ts';
import { schemaErrors, unlessTooLong, type Errors, type FieldMessage } from '../schema.validate.ts';

export type { Errors };

/** The edit form's state: documents one per line, keywords separated by `;`, as the admin types them. */
export interface ProcedureDraft {
  id?: string;
  code: string;
  name: string;
  areaId: string;
  timeLimit: string;
  fee: string;
  documents: string;
  keywords: string;
}

export const blankProcedure = (areaId = ''): ProcedureDraft => ({
  code: '',
  name: '',
  areaId,
  timeLimit: '',
  fee: '',
  documents: '',
  keywords: '',
});

export const draftOfProcedure = (p: Procedure): ProcedureDraft => ({
  id: p.id,
  code: p.code,
  name: p.name,
  areaId: p.areaId,
  timeLimit: p.timeLimit ?? '',
  fee: p.fee ?? '',
  documents: (p.documents ?? []).join('\n'),
  keywords: (p.keywords ?? []).join('; '),
});

const lines = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

/** What the route is sent: the text boxes split into the contract's lists. */
export function procedureBody(d: ProcedureDraft): ProcedureInput {
  return {
    code: d.code.trim(),
    name: d.name.trim(),
    areaId: d.areaId,
    timeLimit: d.timeLimit.trim(),
    fee: d.fee.trim(),
    documents: lines(d.documents, /\r?\n/),
    keywords: lines(d.keywords, /;/),
  };
}

/** A list box's message: too many entries, or one entry too long (the schema's limits, in the admin's words). */
const tooMany =
  (unit: string): FieldMessage =>
  (issue) =>
    issue.code === 'too_big' ? `Tối đa ${String(issue.maximum)} ${unit}.` : 'Giá trị không hợp lệ.';
const tooLong =
  (unit: string): FieldMessage =>
  (issue) =>
    issue.code === 'too_big' ? `Mỗi ${unit} tối đa ${String(issue.maximum)} ký tự.` : 'Giá trị không hợp lệ.';

/**
 * Checks a procedure with the route's own schema (contract `procedureInput`): the server's rule, the admin's words.
 * A code another listed procedure holds is said before sending (the server answers 409 procedure.code_taken).
 */
export function validateProcedure(d: ProcedureDraft, others: Pick<Procedure, 'id' | 'code'>[] = []): Errors {
  const body = procedureBody(d);
  const e = schemaErrors(procedureInput, body, {
    code: unlessTooLong('Mã thủ tục: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang (ví dụ 2.000488).'),
    name: unlessTooLong('Nhập tên thủ tục.'),
    areaId: 'Chọn lĩnh vực.',
    timeLimit: unlessTooLong('Giá trị không hợp lệ.'),
    fee: unlessTooLong('Giá trị không hợp lệ.'),
    documents: tooMany('giấy tờ'),
    'documents.*': tooLong('giấy tờ'),
    keywords: tooMany('từ khoá'),
    'keywords.*': tooLong('từ khoá'),
  });
  // One message per list box, whichever entry failed.
  for (const k of Object.keys(e)) {
    const top = k.split('.')[0]!;
    if (top !== k) {
      e[top] ??= e[k]!;
      delete e[k];
    }
  }
  if (!e.code && others.some((o) => o.id !== d.id && o.code.toLowerCase() === body.code.toLowerCase()))
    e.code = 'Mã thủ tục này đã có trong danh mục.';
  return e;
}
