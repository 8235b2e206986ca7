import { describe, expect, it } from 'vitest';
import { center } from '../province.testing.ts';
import { filterTiles, judge, lagWords, provinceTotals, sortTiles } from './tiles.rules.ts';

const NOW = Date.parse('2026-12-01T03:00:10.000Z');

describe('province control room rules', () => {
  it('judges a center: offline, over target, people waiting with no open counter, late link', () => {
    expect(judge(center('A'), NOW).severity).toBe(0);
    const off = judge(center('B', {}, { linkState: 'offline' }), NOW);
    expect([off.severity, off.alerts.map((a) => a.kind)]).toEqual([3, ['offline']]);
    const over = judge(center('C', {}, { longestWaitSec: 1200, targetWaitSec: 900 }), NOW);
    expect(over.waitLevel).toBe('bad');
    expect(over.alerts[0]!.text).toBe('Trung tâm C: chờ lâu nhất 20:00, vượt mục tiêu 15:00');
    const near = judge(center('D', {}, { longestWaitSec: 800, targetWaitSec: 900 }), NOW);
    expect([near.waitLevel, near.severity, near.alerts.length]).toEqual(['warn', 1, 0]);
    const stranded = judge(center('E', {}, { openCounters: 0, waitingNoCounter: 6 }), NOW);
    expect(stranded.alerts.map((a) => a.text)).toEqual(['Trung tâm E: 6 người chờ nhưng không có quầy nào mở']);
    expect(judge(center('F', { lagSec: 130 }, { linkState: 'late' }), NOW).alerts[0]!.text).toBe(
      'Trung tâm F: đường truyền chậm (Trễ 2 phút)',
    );
  });

  it('says the lag in words, and how long a center has been gone', () => {
    expect(lagWords(center('A', { lagSec: 0 }), 'ok', NOW)).toBe('Đồng bộ');
    expect(lagWords(center('A', { lagSec: 45 }), 'ok', NOW)).toBe('Trễ 45 giây');
    expect(lagWords(center('A', { lagSec: 3900 }), 'late', NOW)).toBe('Trễ 1 giờ 5 phút');
    expect(lagWords(center('A', { lastSeenAt: '2026-12-01T02:48:10.000Z' }), 'offline', NOW)).toBe(
      'Mất kết nối 12 phút',
    );
    expect(lagWords(center('A', { lastSeenAt: null }), 'offline', NOW)).toBe('Chưa kết nối');
  });

  it('puts problems first: offline, then red (worse wait first), then amber, then the rest by code', () => {
    const tiles = sortTiles(
      [
        center('OK2'),
        center('OK1'),
        center('AMBER', {}, { longestWaitSec: 800 }),
        center('RED1', {}, { longestWaitSec: 1000 }),
        center('RED2', {}, { longestWaitSec: 1800 }),
        center('OFF', {}, { linkState: 'offline' }),
      ].map((c) => judge(c, NOW)),
    );
    expect(tiles.map((t) => t.center.code)).toEqual(['OFF', 'RED2', 'RED1', 'AMBER', 'OK1', 'OK2']);
  });

  it('finds a center by code or by name without diacritics, and filters problems or offline ones', () => {
    const tiles = [
      center('NL', { name: 'Xã Nghi Lộc' }),
      center('DL', { name: 'Phường Đô Lương' }, { linkState: 'offline' }),
      center('QL', { name: 'Xã Quỳnh Lưu' }, { longestWaitSec: 2000 }),
    ].map((c) => judge(c, NOW));
    expect(filterTiles(tiles, 'nghi loc', 'all').map((t) => t.center.code)).toEqual(['NL']);
    expect(filterTiles(tiles, 'do luong', 'all').map((t) => t.center.code)).toEqual(['DL']);
    expect(filterTiles(tiles, 'ql', 'all').map((t) => t.center.code)).toEqual(['QL']);
    expect(filterTiles(tiles, '', 'problems').map((t) => t.center.code)).toEqual(['DL', 'QL']);
    expect(filterTiles(tiles, '', 'offline').map((t) => t.center.code)).toEqual(['DL']);
  });

  it('sums the province: centers online, waiting, served, satisfaction weighted by served', () => {
    const t = provinceTotals(
      [
        center('A', { today: { issued: 10, served: 10, noShow: 0, waiting: 2, avgWaitSec: 1, satisfiedShare: 1 } }),
        center('B', { today: { issued: 40, served: 30, noShow: 0, waiting: 3, avgWaitSec: 1, satisfiedShare: 0.6 } }),
        center('C', {}, { linkState: 'offline' }),
      ].map((c) => judge(c, NOW)),
    );
    expect(t).toMatchObject({ centers: 3, online: 2, waiting: 10, served: 70, issued: 90 });
    expect(t.satisfiedShare).toBeCloseTo((10 + 18 + 27) / 70, 6);
  });
});
