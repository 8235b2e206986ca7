import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { toCsv } from '../../server/src/contract/csv.ts';
import { performance } from 'node:perf_hooks';
import {
  buildProcedureIndex,
  normalizeText,
  type SearchDoc,
} from '../../server/src/core/procedures/procedure.search.ts';
import { fmt, printTable, summary } from './bench.stats.ts';

/**
 * Procedure search over 2,000 procedures (a province's catalogue is ~1,400–2,000): the demo's 181 and variants of
 * them, queried as a citizen types (every prefix of real queries, typos included). The floor, in the same run: a
 * bare loop over the same normalized names testing `includes` of the normalized query, the least any search
 * over every name costs (and it neither ranks nor forgives a typo).
 */
const QUERIES = [
  'khai sinh',
  'khai sinhh',
  'ket hon',
  'ho chieu',
  'bang lai',
  'doi bang lai',
  'so do',
  'GPLX',
  'CCCD',
  '2.000488',
  'giay phep xay dung',
  'ho kinh doanh',
  'the BHYT',
  'that nghiep',
  'dang ky doanh nghiep',
  'ly lich tu phap',
];

export function procedureCatalog2000(): (SearchDoc & { areaCode: string })[] {
  const demo = JSON.parse(
    readFileSync(new URL('../../server/src/seed/demo-procedures.json', import.meta.url), 'utf8'),
  ) as { code: string; name: string; areaCode: string; keywords: string[] }[];
  const suffixes = ['', ' (cấp tỉnh)', ' (cấp xã)', ' trực tuyến', ' có yếu tố nước ngoài', ' (trường hợp đặc biệt)'];
  const docs: (SearchDoc & { areaCode: string })[] = [];
  for (let i = 0; docs.length < 2000; i++) {
    const p = demo[i % demo.length]!;
    const round = Math.floor(i / demo.length);
    docs.push({
      id: `p${i}`,
      code: round === 0 ? p.code : `${p.code}.V${round}`,
      name: p.name + suffixes[round % suffixes.length],
      keywords: p.keywords,
      areaCode: p.areaCode,
    });
  }
  return docs;
}

export function benchProcedureSearch(rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 20)) {
  const docs = procedureCatalog2000();
  const t0 = performance.now();
  const index = buildProcedureIndex(docs);
  const buildMs = performance.now() - t0;
  const typed = typedQueries();
  const names = docs.map((d) => normalizeText(d.name));
  const search: number[] = [];
  const floor: number[] = [];
  let sink = 0;
  // Two rounds unmeasured first: the JIT's warm-up is not what a kiosk sees after the first minute.
  for (let r = 0; r < 2; r++) for (const q of typed) sink += index.search(q, 20).length;
  for (let r = 0; r < rounds; r++) {
    for (const q of typed) {
      let s = performance.now();
      sink += index.search(q, 20).length;
      search.push(performance.now() - s);
      s = performance.now();
      const nq = normalizeText(q);
      let n = 0;
      for (const name of names) if (name.includes(nq)) n++;
      sink += n;
      floor.push(performance.now() - s);
    }
  }
  return {
    procedures: docs.length,
    buildMs,
    queries: typed.length * rounds,
    search: summary(search),
    floor: summary(floor),
    sink,
  };
}

export function reportProcedureSearch(r: ReturnType<typeof benchProcedureSearch>): void {
  printTable(
    `Tìm thủ tục / procedure search over ${r.procedures.toLocaleString('en')} procedures (in memory, ${r.queries} queries as typed)`,
    [
      ['search p50 / p99 / max ms', `${fmt(r.search.p50, 3)} / ${fmt(r.search.p99, 3)} / ${fmt(r.search.max, 3)}`],
      [
        'floor: bare includes() loop p50 / p99 ms',
        `${fmt(r.floor.p50, 3)} / ${fmt(r.floor.p99, 3)} / ${fmt(r.floor.max, 3)}`,
      ],
      ['index build (on a catalogue change) ms', fmt(r.buildMs, 1)],
      ['load average (1 min) during the run', fmt(loadavg()[0]!, 1)],
    ],
  );
}

/** "k", "kh", "kha", … "khai sinh": every query as a citizen types it at the kiosk. */
const typedQueries = () =>
  QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).filter((x) => x.trim() !== ''));

/**
 * The same over HTTP against the running server: the 2,000 procedures imported through the import route, then
 * `GET /api/procedures?q=` as typed by a kiosk, one request at a time. Floor in the same run: `GET /api/config/public`.
 */
export async function benchProcedureSearchHttp(url: string, adminToken: string, kioskToken: string, rounds = 3) {
  const docs = procedureCatalog2000();
  const csv = toCsv([
    ['Mã thủ tục', 'Tên thủ tục', 'Mã lĩnh vực', 'Từ khoá'],
    ...docs.map((d) => [d.code, d.name, d.areaCode, d.keywords.join('; ')]),
  ]);
  const imported = await fetch(`${url}/api/procedures/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
    body: csv,
  });
  if (!imported.ok) throw new Error(`import: ${imported.status} ${await imported.text()}`);
  const time = async (path: string) => {
    const s = performance.now();
    // As a kiosk asks (a device token: the anonymous rate limit would answer most of these 429).
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${kioskToken}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return performance.now() - s;
  };
  const search: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of typedQueries()) {
      search.push(await time(`/api/procedures?q=${encodeURIComponent(q)}`));
      floor.push(await time('/api/config/public'));
    }
  return { search: summary(search), floor: summary(floor) };
}

export function reportProcedureSearchHttp(r: Awaited<ReturnType<typeof benchProcedureSearchHttp>>): void {
  printTable('Tìm thủ tục qua HTTP / procedure search over HTTP (2,000 procedures imported, one request at a time)', [
    ['GET /api/procedures?q= p50 / p99 / max ms', `${fmt(r.search.p50)} / ${fmt(r.search.p99)} / ${fmt(r.search.max)}`],
    ['floor: GET /api/config/public p50 / p99 ms', `${fmt(r.floor.p50)} / ${fmt(r.floor.p99)} / ${fmt(r.floor.max)}`],
  ]);
}
