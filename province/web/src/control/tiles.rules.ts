import { mmss } from '@ui/number.format';
import type { HubCenter, LinkState } from '../province.api.ts';

/**
 * The control room's judgement of each center, pure so it is tested without a screen: how bad it is, which
 * alerts it raises and in what order the tiles stand (problems first). The link state is the hub's
 * (province/src/centers/centers.view.ts: late after 30 s without a heartbeat, offline after 60 s).
 */
/** A wait at this share of the target is amber before it turns red. */
export const NEAR_TARGET = 0.8;

export type Level = 'ok' | 'warn' | 'bad';
export type AlertKind = 'offline' | 'over_target' | 'no_counter' | 'late';

export interface CenterAlert {
  kind: AlertKind;
  level: Level;
  centerId: string;
  text: string;
}

export interface TileView {
  center: HubCenter;
  link: LinkState;
  /** 0 all well, 1 amber, 2 red, 3 offline: the sort's first key. */
  severity: number;
  waitLevel: Level;
  alerts: CenterAlert[];
}

/** The longest wait against the target: red over it, amber near it, none when either is unknown. */
export function waitLevelOf(c: HubCenter): Level {
  const w = c.live.longestWaitSec;
  const t = c.live.targetWaitSec;
  if (w === null || t === null || t <= 0) return 'ok';
  if (w > t) return 'bad';
  return w >= t * NEAR_TARGET ? 'warn' : 'ok';
}

/** "2 phút", "45 giây", "1 giờ 5 phút": ages people read at a glance. */
export function durationWords(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  if (s < 60) return `${s} giây`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} phút`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} giờ ${m % 60} phút` : `${h} giờ`;
}

/** The lag under a tile: "Trễ 2 phút" while the center still holds events the hub has not applied. */
export function lagWords(c: HubCenter, link: LinkState, nowMs: number): string {
  if (link === 'offline') {
    if (!c.lastSeenAt) return 'Chưa kết nối';
    return `Mất kết nối ${durationWords((nowMs - Date.parse(c.lastSeenAt)) / 1000)}`;
  }
  return c.lagSec > 0 ? `Trễ ${durationWords(c.lagSec)}` : 'Đồng bộ';
}

export function judge(c: HubCenter, nowMs: number): TileView {
  const link = c.live.linkState;
  const waitLevel = waitLevelOf(c);
  const alerts: CenterAlert[] = [];
  const add = (kind: AlertKind, level: Level, text: string) => alerts.push({ kind, level, centerId: c.id, text });
  if (link === 'offline') add('offline', 'bad', `${c.name}: ${lagWords(c, link, nowMs).toLowerCase()}`);
  else if (link === 'late') add('late', 'warn', `${c.name}: đường truyền chậm (${lagWords(c, link, nowMs)})`);
  if (waitLevel === 'bad' && c.live.longestWaitSec !== null && c.live.targetWaitSec !== null)
    add(
      'over_target',
      'bad',
      `${c.name}: chờ lâu nhất ${mmss(c.live.longestWaitSec)}, vượt mục tiêu ${mmss(c.live.targetWaitSec)}`,
    );
  const stranded = c.live.waitingNoCounter;
  if (stranded > 0) add('no_counter', 'bad', `${c.name}: ${stranded} người chờ nhưng không có quầy nào mở`);
  const severity =
    link === 'offline'
      ? 3
      : alerts.some((a) => a.level === 'bad')
        ? 2
        : link === 'late' || waitLevel === 'warn'
          ? 1
          : 0;
  return { center: c, link, severity, waitLevel, alerts };
}

/** Problems first (offline, then red, then amber), then the worse wait, then the more people waiting, then the code. */
export function sortTiles(tiles: TileView[]): TileView[] {
  const ratio = (t: TileView) => {
    const w = t.center.live.longestWaitSec ?? 0;
    const target = t.center.live.targetWaitSec ?? 0;
    return target > 0 ? w / target : 0;
  };
  return [...tiles].sort(
    (a, b) =>
      b.severity - a.severity ||
      ratio(b) - ratio(a) ||
      b.center.today.waiting - a.center.today.waiting ||
      a.center.code.localeCompare(b.center.code),
  );
}

/** Vietnamese search that forgives missing diacritics: "nghi loc" finds "Nghi Lộc". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export type TileFilter = 'all' | 'problems' | 'offline';

export function filterTiles(tiles: TileView[], q: string, filter: TileFilter): TileView[] {
  const needle = fold(q.trim());
  return tiles.filter(
    (t) =>
      (filter === 'all' || (filter === 'problems' ? t.severity > 0 : t.link === 'offline')) &&
      (!needle || fold(`${t.center.code} ${t.center.name}`).includes(needle)),
  );
}

/** The province at a glance: centers online, people waiting, served and the satisfaction share weighted by served. */
export function provinceTotals(tiles: TileView[]) {
  let waiting = 0,
    served = 0,
    issued = 0,
    online = 0,
    satW = 0,
    satN = 0;
  for (const t of tiles) {
    waiting += t.center.today.waiting;
    served += t.center.today.served;
    issued += t.center.today.issued;
    if (t.link !== 'offline') online++;
    if (t.center.today.satisfiedShare !== null && t.center.today.served > 0) {
      satW += t.center.today.satisfiedShare * t.center.today.served;
      satN += t.center.today.served;
    }
  }
  return { centers: tiles.length, online, waiting, served, issued, satisfiedShare: satN ? satW / satN : null };
}
