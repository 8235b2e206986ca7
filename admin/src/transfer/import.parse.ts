import { restoreText } from '@contract/csv';
import { configAreaRow, configCounterRow, configDepartmentRow } from '@contract/config.schema';
import type { ConfigDoc } from '../admin.api.ts';
import { schemaErrors, type FieldMessage } from '../schema.validate.ts';

export interface SheetRows {
  name: string;
  rows: string[][];
}
export interface RowError {
  sheet: string;
  row: number;
  message: string;
}
export interface ImportPlan {
  doc: ConfigDoc;
  errors: RowError[];
  kinds: string[];
}

/** Header names → our keys; headers are compared without diacritics, case or spaces. */
const ALIASES: Record<string, string[]> = {
  deptCode: ['ma_so_nganh', 'ma_nganh', 'department', 'department_code'],
  deptName: ['ten_so_nganh', 'ten_nganh', 'department_name'],
  areaCode: ['ma_linh_vuc', 'area', 'area_code'],
  areaName: ['ten_linh_vuc', 'area_name'],
  start: ['so_bat_dau', 'numberstart', 'number_start'],
  end: ['so_ket_thuc', 'numberend', 'number_end'],
  limit: ['gioi_han_ngay', 'dailylimit', 'daily_limit'],
  target: ['thoi_gian_cho_muc_tieu', 'targetwaitminutes', 'target_wait_minutes'],
  counters: ['quay', 'cac_quay', 'counters'],
  counterNo: ['so_quay', 'counter', 'counter_number'],
  counterName: ['ten_quay', 'counter_name'],
  counterAreas: ['linh_vuc', 'cac_linh_vuc', 'areas'],
  code: ['ma', 'code'],
  name: ['ten', 'name'],
};

export function normHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function columns(header: string[]): Record<string, number> {
  const norm = header.map(normHeader);
  const out: Record<string, number> = {};
  for (const [key, names] of Object.entries(ALIASES)) {
    const i = norm.findIndex((h) => names.includes(h));
    if (i >= 0) out[key] = i;
  }
  return out;
}

// The rules are the server's (contract/config.schema.ts); only the wording, tied to a spreadsheet row, is here.
const validCode = (code: string) => configDepartmentRow.shape.code.safeParse(code).success;
const validCounterNumber = (no: number) => configCounterRow.shape.number.safeParse(no).success;
const numbers = (issue: { code: string }) =>
  issue.code === 'too_big' || issue.code === 'too_small'
    ? 'số bắt đầu/kết thúc phải là số nguyên từ 0 đến 999999'
    : 'số bắt đầu/kết thúc phải là số nguyên';
const areaRowMessages = (row: { code: string; department: string }): Record<string, FieldMessage> => ({
  code: `mã lĩnh vực «${row.code}» không hợp lệ`,
  name: (issue) => (issue.code === 'too_big' ? `tên lĩnh vực tối đa ${issue.maximum} ký tự` : 'thiếu tên lĩnh vực'),
  numberStart: numbers,
  numberEnd: numbers,
  dailyLimit: (issue) =>
    issue.code === 'too_big'
      ? `giới hạn ngày tối đa ${issue.maximum}`
      : 'giới hạn ngày phải là số nguyên dương hoặc để trống',
  targetWaitMinutes: (issue) =>
    issue.code === 'too_big'
      ? `thời gian chờ mục tiêu tối đa ${issue.maximum} phút`
      : 'thời gian chờ mục tiêu phải là số phút hoặc để trống',
  department: row.department ? `mã sở, ngành «${row.department}» không hợp lệ` : 'thiếu mã sở, ngành',
  '': 'số kết thúc nhỏ hơn số bắt đầu',
});
const list = (s: string) =>
  s
    .split(/[;,|\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Turns sheets (XLSX sheets or CSV files) into the import document, with every problem tied to its row.
 * A sheet is recognised by its columns: flat (ma_so_nganh + ma_linh_vuc), departments, areas, or counters.
 * existing: department and area codes already on the server, which rows may refer to; a flat sheet keeps existing counter names.
 */
export function planImport(
  sheets: SheetRows[],
  existing: {
    departments: string[];
    areas: string[];
    counterNames?: Record<number, string>;
    blocks?: { code: string; numberStart: number; numberEnd: number }[];
  } = { departments: [], areas: [] },
): ImportPlan {
  const errors: RowError[] = [];
  const depts = new Map<string, { code: string; name: string }>();
  const areas = new Map<string, ConfigDoc['areas'][number]>();
  const counters = new Map<number, { number: number; name: string; areas: string[] }>();
  const kinds: string[] = [];

  for (const sheet of sheets) {
    const [header, ...body] = sheet.rows;
    if (!header) continue;
    const col = columns(header);
    const kind =
      col.areaCode !== undefined && (col.start !== undefined || col.areaName !== undefined)
        ? col.deptName !== undefined
          ? 'flat'
          : 'areas'
        : col.counterNo !== undefined
          ? 'counters'
          : col.deptCode !== undefined || (col.code !== undefined && col.name !== undefined)
            ? 'departments'
            : 'unknown';
    kinds.push(
      `${sheet.name}: ${{ flat: 'bảng phẳng', areas: 'lĩnh vực', counters: 'quầy', departments: 'sở, ngành', unknown: 'không nhận ra' }[kind]}`,
    );
    if (kind === 'unknown') {
      errors.push({ sheet: sheet.name, row: 1, message: 'Không nhận ra các cột. Xem tệp mẫu mau-nhap-lieu.csv.' });
      continue;
    }
    body.forEach((cells, i) => {
      const row = i + 2;
      // A cell our writer made inert ('=…) reads back as written: export → edit → import keeps names exact.
      const get = (k: string) => (col[k] === undefined ? '' : restoreText(String(cells[col[k]!] ?? '')).trim());
      const err = (message: string) => errors.push({ sheet: sheet.name, row, message });
      if (kind === 'departments' || kind === 'flat') {
        const code = get('deptCode') || get('code');
        const name = get('deptName') || get('name');
        if (!validCode(code)) err(`Mã sở, ngành «${code}» không hợp lệ.`);
        else if (name) depts.set(code, { code, name });
        else if (!depts.has(code) && kind === 'departments') err('Thiếu tên sở, ngành.');
      }
      if (kind === 'areas' || kind === 'flat') {
        const code = get('areaCode');
        const name = get('areaName');
        const num = (k: string) => {
          const v = get(k);
          return v === '' ? null : /^\d+$/.test(v) ? Number(v) : NaN;
        };
        const start = num('start');
        const end = num('end');
        const limit = num('limit');
        const target = num('target');
        const dept = get('deptCode');
        const candidate = {
          code,
          department: dept,
          name,
          numberStart: start,
          numberEnd: end,
          dailyLimit: limit,
          targetWaitMinutes: target,
        };
        // The import route's own row schema, so a file the server would refuse is refused here, row by row.
        const bad = [...new Set(Object.values(schemaErrors(configAreaRow, candidate, areaRowMessages(candidate))))];
        if (bad.length) {
          err(bad.join('; ') + '.');
          return;
        }
        if (areas.has(code)) {
          err(`Lĩnh vực ${code} xuất hiện hai lần.`);
          return;
        }
        areas.set(code, {
          ...candidate,
          numberStart: start!,
          numberEnd: end!,
        });
        if (kind === 'flat')
          for (const n of list(get('counters'))) {
            const no = Number(n);
            if (!validCounterNumber(no)) {
              err(`Số quầy «${n}» không hợp lệ.`);
              continue;
            }
            const c = counters.get(no) ?? { number: no, name: existing.counterNames?.[no] ?? `Quầy ${no}`, areas: [] };
            c.areas.push(code);
            counters.set(no, c);
          }
      }
      if (kind === 'counters') {
        const no = Number(get('counterNo'));
        if (!validCounterNumber(no)) {
          err(`Số quầy «${get('counterNo')}» không hợp lệ.`);
          return;
        }
        const prev = counters.get(no);
        counters.set(no, {
          number: no,
          name: get('counterName') || prev?.name || `Quầy ${no}`,
          areas: [...(prev?.areas ?? []), ...list(get('counterAreas')).filter((a) => !prev?.areas.includes(a))],
        });
      }
    });
  }

  // References and blocks are checked once everything is read: sheets may come in any order.
  const deptCodes = new Set([...depts.keys(), ...existing.departments]);
  const areaCodes = new Set([...areas.keys(), ...existing.areas]);
  const sorted = [...areas.values()].sort((a, b) => a.numberStart - b.numberStart);
  for (const a of areas.values())
    if (!deptCodes.has(a.department))
      errors.push({
        sheet: '—',
        row: 0,
        message: `Lĩnh vực ${a.code}: sở, ngành ${a.department} không có trong tệp hay trên hệ thống.`,
      });
  sorted.forEach((a, i) => {
    const b = sorted[i + 1];
    if (b && b.numberStart <= a.numberEnd)
      errors.push({
        sheet: '—',
        row: 0,
        message: `Dãy số của ${a.code} (${a.numberStart}–${a.numberEnd}) trùng với ${b.code} (${b.numberStart}–${b.numberEnd}).`,
      });
  });
  // Areas already on the server keep their blocks unless this file redefines them (same code).
  for (const a of areas.values()) {
    const hit = existing.blocks?.find(
      (b) => !areas.has(b.code) && b.numberStart <= a.numberEnd && a.numberStart <= b.numberEnd,
    );
    if (hit)
      errors.push({
        sheet: '—',
        row: 0,
        message: `Dãy số của ${a.code} (${a.numberStart}–${a.numberEnd}) trùng với lĩnh vực ${hit.code} đang có (${hit.numberStart}–${hit.numberEnd}).`,
      });
  }
  for (const c of counters.values())
    for (const a of c.areas)
      if (!areaCodes.has(a))
        errors.push({ sheet: '—', row: 0, message: `Quầy ${c.number}: lĩnh vực ${a} không tồn tại.` });

  return {
    doc: {
      departments: [...depts.values()],
      areas: [...areas.values()],
      counters: [...counters.values()].sort((a, b) => a.number - b.number),
    },
    errors,
    kinds,
  };
}

export const FLAT_HEADER = [
  'ma_so_nganh',
  'ten_so_nganh',
  'ma_linh_vuc',
  'ten_linh_vuc',
  'so_bat_dau',
  'so_ket_thuc',
  'gioi_han_ngay',
  'thoi_gian_cho_muc_tieu',
  'quay',
];

/** The same flat sheet the import reads: one row per area, with the counters that serve it. */
export function flatRows(doc: ConfigDoc): (string | number)[][] {
  const names = new Map(doc.departments.map((d) => [d.code, d.name]));
  return [
    FLAT_HEADER,
    ...doc.areas.map((a) => [
      a.department,
      names.get(a.department) ?? '',
      a.code,
      a.name,
      a.numberStart,
      a.numberEnd,
      a.dailyLimit ?? '',
      a.targetWaitMinutes ?? '',
      doc.counters
        .filter((c) => c.areas.includes(a.code))
        .map((c) => c.number)
        .join(';'),
    ]),
  ];
}
