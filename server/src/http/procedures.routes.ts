import { unzipSync } from 'fflate';
import { Hono, type Context } from 'hono';
import { AppError } from '../contract/errors.ts';
import { parseCsv } from '../contract/csv.ts';
import type { ImportCell } from '../contract/procedure.columns.ts';
import { procedureInput, procedureQuery } from '../contract/inputs.schema.ts';
import { createProcedureCatalog } from '../core/procedures/procedure.catalog.ts';
import { readImportTable } from '../core/procedures/procedure.import.ts';
import {
  createProcedure,
  importProcedures,
  replaceProcedure,
  withdrawProcedure,
} from '../core/procedures/procedures.usecases.ts';
import { requireActor } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { reply } from './route.reply.ts';
import { parseWith, pathId, readBody } from './validation.ts';

/** The one route whose body may exceed the API's body limit: a province's catalogue file. */
export const PROCEDURE_IMPORT_PATH = '/api/procedures/import';
export const PROCEDURE_IMPORT_LIMIT = 8 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An 8 MB XLSX of 2,000 rows unpacks to a few tens of MB; more is a ZIP bomb, refused before unpacking. */
const XLSX_UNPACKED_LIMIT = 128 * 1024 * 1024;
const unreadable = (message: string) => new AppError('import.invalid', undefined, [{ row: 1, message }]);

/** The catalogue of procedures: anyone reads and searches it (procedure information is public); admins change it. */
export function procedureRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const catalog = createProcedureCatalog(s.deps);
  const admin = (c: Context<AppEnv>) => requireActor(c, { roles: ['admin'] });
  /** Admins also see (marked) the procedures of inactive areas and departments; nobody else does. */
  const isAdmin = (c: Context<AppEnv>) => {
    const a = c.get('actor');
    return a?.kind === 'user' && a.role === 'admin';
  };

  app.get('/', (c) => {
    const q = parseWith(procedureQuery, c.req.query());
    return reply(c, 'GET /api/procedures', catalog.list({ ...q, includeUnlisted: isAdmin(c) }));
  });
  app.get('/:id', (c) => {
    const p = catalog.get(pathId(c, 'id'), isAdmin(c));
    if (!p) throw new AppError('procedure.not_found');
    return reply(c, 'GET /api/procedures/:id', p);
  });
  app.post('/import', async (c) => {
    const a = admin(c);
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    const rows = readImportTable(await readTable(c));
    const result = s.run((tx) => importProcedures(tx, { rows, dryRun, actor: a }));
    return reply(c, 'POST /api/procedures/import', result);
  });
  app.post('/', async (c) => {
    const a = admin(c);
    const input = await readBody(c, procedureInput);
    const p = s.run((tx) => createProcedure(tx, { ...input, actor: a }));
    return reply(c, 'POST /api/procedures', catalog.dto(p, true), 201);
  });
  app.put('/:id', async (c) => {
    const a = admin(c);
    const input = await readBody(c, procedureInput);
    const p = s.run((tx) => replaceProcedure(tx, { ...input, id: pathId(c, 'id'), actor: a }));
    return reply(c, 'PUT /api/procedures/:id', catalog.dto(p, true));
  });
  app.delete('/:id', (c) => {
    const a = admin(c);
    const p = s.run((tx) => withdrawProcedure(tx, { id: pathId(c, 'id'), actor: a }));
    return reply(c, 'DELETE /api/procedures/:id', catalog.dto(p, true));
  });
  return app;
}

/**
 * The import body as rows of cells: XLSX (by content type or its ZIP signature), otherwise UTF-8 CSV. A numeric
 * XLSX cell keeps its digits as the file wrote them and says it was a number (a code typed as 1.001230 is stored
 * as 1.00123: contract/procedure.columns.ts restores it).
 */
export async function readTable(c: Context): Promise<ImportCell[][]> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw unreadable('Tệp trống.');
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (type.startsWith(XLSX_TYPE) || zip) {
    if (unpackedSize(bytes) > XLSX_UNPACKED_LIMIT) throw unreadable('Tệp XLSX giải nén ra quá lớn.');
    // Loaded on demand: only an admin's import needs the XLSX reader.
    const { default: readXlsxFile } = await import('read-excel-file/node');
    let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
    try {
      sheets = await readXlsxFile(Buffer.from(bytes), { parseNumber: (digits: string) => ({ number: digits }) });
    } catch {
      throw unreadable('Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính).');
    }
    return (sheets[0]?.data ?? []).map((r) =>
      r.map((v): ImportCell => {
        if (v === null || v === undefined) return '';
        if (typeof v === 'object' && 'number' in v) return { number: String(v.number) };
        return String(v);
      }),
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('Tệp CSV phải ở mã UTF-8 (Excel: "CSV UTF-8").');
  }
  return parseCsv(text);
}

/** The sizes the ZIP's directory declares, summed without unpacking anything (unreadable: 0, the reader says so). */
function unpackedSize(bytes: Uint8Array): number {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return 0;
  }
  return total;
}
