import type { Db } from './db.ts';
import type { ProceduresRepository } from '../core/store.port.ts';
import type { Procedure } from '../core/entities.ts';
import { bool, int, json } from './row-mapping.ts';

interface ProcedureRow {
  id: string;
  code: string;
  name: string;
  area_id: string;
  time_limit: string;
  fee: string;
  documents: string;
  keywords: string;
  active: number;
  updated_at: number;
  source?: string;
}

const strings = (v: string): string[] => {
  const a = json<unknown>(v, []);
  return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
};

const toProcedure = (r: ProcedureRow): Procedure => ({
  id: r.id,
  code: r.code,
  name: r.name,
  areaId: r.area_id,
  timeLimit: r.time_limit,
  fee: r.fee,
  documents: strings(r.documents),
  keywords: strings(r.keywords),
  active: bool(r.active),
  updatedAt: r.updated_at,
  ...(r.source === 'province' ? { source: 'province' as const } : {}),
});

const params = (p: Procedure) => ({
  id: p.id,
  code: p.code,
  name: p.name,
  areaId: p.areaId,
  timeLimit: p.timeLimit,
  fee: p.fee,
  documents: JSON.stringify(p.documents),
  keywords: JSON.stringify(p.keywords),
  active: int(p.active),
  updatedAt: p.updatedAt,
});

/** The procedure catalogue. `version` counts this connection's writes, so the search index knows when to rebuild. */
export function createProceduresRepository(db: Db): ProceduresRepository {
  const byId = db.prepare<[string], ProcedureRow>('SELECT * FROM procedures WHERE id = ?');
  const byCode = db.prepare<[string], ProcedureRow>('SELECT * FROM procedures WHERE code = ?');
  // In the order they were added (rowid): search's last tie-break is the catalogue's own order.
  const all = db.prepare<[], ProcedureRow>('SELECT * FROM procedures ORDER BY rowid');
  const insert = db.prepare(`INSERT INTO procedures
    (id, code, name, area_id, time_limit, fee, documents, keywords, active, updated_at)
    VALUES (@id, @code, @name, @areaId, @timeLimit, @fee, @documents, @keywords, @active, @updatedAt)`);
  const update = db.prepare(`UPDATE procedures SET code = @code, name = @name, area_id = @areaId,
    time_limit = @timeLimit, fee = @fee, documents = @documents, keywords = @keywords, active = @active,
    updated_at = @updatedAt WHERE id = @id`);
  let version = 0;
  return {
    get: (id) => {
      const r = byId.get(id);
      return r && toProcedure(r);
    },
    byCode: (code) => {
      const r = byCode.get(code);
      return r && toProcedure(r);
    },
    all: () => all.all().map(toProcedure),
    insert: (p) => {
      version++;
      insert.run(params(p));
    },
    update: (p) => {
      version++;
      update.run(params(p));
    },
    version: () => version,
  };
}
