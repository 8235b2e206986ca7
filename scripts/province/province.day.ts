import type { FeedCatalog, FeedItem } from '../../server/src/contract/province.feed.ts';

/**
 * A commune center's business day as the feed items its sender would push (docs/province.md, wire protocol):
 * the catalogue first, counters opening, then every ticket's states (waiting → called → serving → done or
 * no-show, each a new `rev`), the `called` events and the ratings, in time order with contiguous seqs. A small
 * first-come-first-served simulation over the center's counters gives real waits. Used by the province bench
 * (130 centers pushing into one hub) and by the browser test (a few centers, so the screens show real numbers).
 */
export interface DayOptions {
  /** The center's index: names, ids and the random stream follow from it. */
  index: number;
  day: string;
  tickets: number;
  counters?: number;
  /** Offset of the center's zone from UTC in hours (Việt Nam: 7). */
  utcOffsetH?: number;
  /** Only the part of the day before this instant (ms): the rest has not happened yet. */
  until?: number;
  /** Before every ticket id: two days of one center must not share ids (the hub keys facts by center and id). */
  idPrefix?: string;
}

export const AREAS = [
  { code: 'HT', name: 'Hộ tịch', departmentCode: 'TP', departmentName: 'Tư pháp', targetWaitSec: 900 },
  {
    code: 'DD',
    name: 'Đất đai',
    departmentCode: 'TNMT',
    departmentName: 'Tài nguyên và Môi trường',
    targetWaitSec: 1200,
  },
  { code: 'CT', name: 'Chứng thực', departmentCode: 'TP', departmentName: 'Tư pháp', targetWaitSec: 600 },
];
const PROCS = [
  { code: '1.001193', name: 'Đăng ký khai sinh', area: 0 },
  { code: '1.004227', name: 'Đăng ký kết hôn', area: 0 },
  { code: '1.012345', name: 'Cấp giấy chứng nhận quyền sử dụng đất', area: 1 },
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', area: 2 },
];

export const centerCode = (i: number) => `XA${String(i + 1).padStart(3, '0')}`;
const PLACES = [
  'Nghi Lộc',
  'Đô Lương',
  'Quỳnh Lưu',
  'Diễn Châu',
  'Yên Thành',
  'Thanh Chương',
  'Nam Đàn',
  'Hưng Nguyên',
  'Tân Kỳ',
  'Nghĩa Đàn',
  'Anh Sơn',
  'Con Cuông',
  'Tương Dương',
  'Kỳ Sơn',
  'Quế Phong',
  'Quỳ Châu',
  'Quỳ Hợp',
  'Thái Hoà',
  'Hoàng Mai',
  'Cửa Lò',
  'Hưng Dũng',
  'Bến Thuỷ',
];
/** "Xã Nghi Lộc 3": names as long as real ones, so the tiles are tried on realistic text. */
export const centerName = (i: number) =>
  `Xã ${PLACES[i % PLACES.length]}${i >= PLACES.length ? ` ${Math.floor(i / PLACES.length) + 1}` : ''}`;

export function dayCatalog(i: number, counters = 3): FeedCatalog {
  return {
    areas: AREAS.map((a) => ({ id: `a-${a.code}`, ...a })),
    counters: Array.from({ length: counters }, (_, k) => ({ id: `k${k + 1}`, number: k + 1, name: `Quầy ${k + 1}` })),
    clerks: Array.from({ length: counters }, (_, k) => ({
      id: `u${k + 1}`,
      username: `canbo${k + 1}`,
      displayName: `Cán bộ ${k + 1} xã ${i + 1}`,
    })),
    procedures: PROCS.map((p, k) => ({ id: `p${k + 1}`, code: p.code, name: p.name })),
    ratingLevels: [
      { key: 'very_satisfied', label: 'Rất hài lòng' },
      { key: 'satisfied', label: 'Hài lòng' },
      { key: 'unsatisfied', label: 'Chưa hài lòng' },
    ],
  };
}

type Draft = { at: number; kind: FeedItem['kind']; data: unknown };

export function centerDay(o: DayOptions): FeedItem[] {
  const nCounters = o.counters ?? 3;
  const midnight = Date.parse(`${o.day}T00:00:00Z`) - (o.utcOffsetH ?? 7) * 3600_000;
  const open = midnight + 7.5 * 3600_000;
  const close = midnight + 17 * 3600_000;
  let seed = 1000 + o.index * 7919;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: Draft[] = [{ at: open - 60_000, kind: 'catalog', data: dayCatalog(o.index, nCounters) }];
  const counterState = (k: number, status: string, at: number, current: string | null) => ({
    at,
    kind: 'counter' as const,
    data: {
      id: `k${k + 1}`,
      number: k + 1,
      name: `Quầy ${k + 1}`,
      status,
      clerkId: status === 'closed' ? null : `u${k + 1}`,
      currentTicketId: current,
      areaIds: AREAS.map((a) => `a-${a.code}`),
      updatedAt: at,
    },
  });
  for (let k = 0; k < nCounters; k++) out.push(counterState(k, 'open', open + k * 30_000, null));
  // Arrivals over the day with a morning peak (two thirds before 11:30), served first come, first served.
  const arrivals = Array.from({ length: o.tickets }, () =>
    Math.floor(rand() < 0.66 ? open + rand() * 4 * 3600_000 : open + 4 * 3600_000 + rand() * 5 * 3600_000),
  ).sort((a, b) => a - b);
  const freeAt = Array.from({ length: nCounters }, (_, k) => open + k * 30_000);
  arrivals.forEach((issuedAt, n) => {
    const id = `${o.idPrefix ?? ''}${centerCode(o.index)}-t${n + 1}`;
    const proc = Math.floor(rand() * PROCS.length);
    const areaId = `a-${AREAS[PROCS[proc]!.area]!.code}`;
    const k = freeAt.indexOf(Math.min(...freeAt));
    const calledAt = Math.max(issuedAt + 20_000, freeAt[k]!);
    const noShow = rand() < 0.06;
    const finishedAt = noShow ? calledAt + 120_000 : calledAt + 45_000 + Math.floor(rand() * 9 * 60_000);
    freeAt[k] = finishedAt + 10_000;
    const base = {
      id,
      number: String(n + 1).padStart(4, '0'),
      channel: 'kiosk',
      priority: false,
      issuedAreaId: areaId,
      areaId,
      procedureId: `p${proc + 1}`,
      businessDay: o.day,
      issuedAt,
      transfers: 0,
    };
    const t = (rev: number, at: number, s: Record<string, unknown>) =>
      out.push({ at, kind: 'ticket', data: { ...base, rev, ...s } });
    const none = { counterId: null, clerkId: null, firstCalledAt: null, calledAt: null, finishedAt: null };
    const at = { counterId: `k${k + 1}`, clerkId: `u${k + 1}`, firstCalledAt: calledAt, calledAt };
    t(1, issuedAt, { status: 'waiting', ...none });
    out.push({
      at: calledAt,
      kind: 'event',
      data: {
        id: `${id}-e1`,
        at: calledAt,
        type: 'called',
        ticketId: id,
        counterId: `k${k + 1}`,
        actorId: `u${k + 1}`,
        areaId,
        businessDay: o.day,
        issuedAt,
        procedureId: `p${proc + 1}`,
      },
    });
    t(2, calledAt, { status: 'called', ...at, finishedAt: null });
    if (noShow) t(3, finishedAt, { status: 'no_show', ...at, finishedAt });
    else {
      t(3, calledAt + 30_000, { status: 'serving', ...at, finishedAt: null });
      t(4, finishedAt, { status: 'done', ...at, finishedAt });
      if (rand() < 0.4) {
        const r = rand();
        out.push({
          at: finishedAt + 15_000,
          kind: 'rating',
          data: {
            id: `${id}-r`,
            ticketId: id,
            at: finishedAt + 15_000,
            level: r < 0.7 ? 'very_satisfied' : r < 0.93 ? 'satisfied' : 'unsatisfied',
            areaId,
            counterId: `k${k + 1}`,
            clerkId: `u${k + 1}`,
            businessDay: o.day,
            issuedAt,
            procedureId: `p${proc + 1}`,
          },
        });
      }
    }
  });
  for (let k = 0; k < nCounters; k++) out.push(counterState(k, 'closed', Math.max(close, freeAt[k]!) + k, null));
  const until = o.until ?? Infinity;
  // Stable by time: a ticket's revs keep their order, and an item never precedes what caused it.
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.at - b.d.at || a.i - b.i)
    .filter(({ d }) => d.at <= until)
    .map(({ d }, i) => ({ seq: i + 1, at: d.at, kind: d.kind, data: d.data }) as FeedItem);
}
