import { describe, expect, it } from 'vitest';
import type { AreaDto, CounterDto } from '../../../server/src/contract/dto.ts';
import { computeAlerts, longestWait, overTarget } from './monitor.alerts.ts';

const area = (p: Partial<AreaDto>): AreaDto => ({
  id: 'a1', code: 'LLTP', name: 'Lý lịch tư pháp', departmentId: 'd', departmentName: 'Sở Tư pháp', departmentCode: 'STP', open: true, active: true, available: true,
  unavailableReason: null, waiting: 0, issuedToday: 0, dailyLimit: null, numberStart: 1001, numberEnd: 1999, targetWaitMinutes: 20, servingCounters: 1,
  estimatedWaitMin: null, longestWaitSec: 0, hours: null, sort: 0, ...p,
});
const counter = (p: Partial<CounterDto>): CounterDto => ({
  id: 'c1', number: 1, name: 'Quầy 1', areaIds: ['a1'], status: 'open', clerk: { id: 'u', username: 'an', displayName: 'Nguyễn Văn An' }, currentTicket: null, updatedAt: '', ...p,
});
const busy = { number: '1001', areaId: 'a1', status: 'serving' as const, calledAt: '2026-11-26T08:00:00+07:00', priority: false };

describe('control-room alerts', () => {
  it('flags an area whose oldest citizen waits past the target, counting the time since the fetch', () => {
    const a = area({ waiting: 3, longestWaitSec: 19 * 60 });
    expect(overTarget(a)).toBe(false);
    expect(computeAlerts([a], [counter({ currentTicket: busy })])).toEqual([]);
    expect(overTarget(a, 61)).toBe(true);
    const alerts = computeAlerts([a], [counter({ currentTicket: busy })], 61);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.kind).toBe('wait_over_target');
    expect(alerts[0]!.text).toBe('LLTP – Lý lịch tư pháp: công dân chờ lâu nhất 20:01, vượt mục tiêu 20 phút (3 người đang chờ).');
  });

  it('an empty queue never waits, and an area without a target never alerts on time', () => {
    expect(longestWait(area({ waiting: 0, longestWaitSec: 5000 }), 100)).toBe(0);
    expect(computeAlerts([area({ waiting: 2, longestWaitSec: 99999, targetWaitMinutes: null })], [counter({ currentTicket: busy })])).toEqual([]);
  });

  it('flags an open counter with no current ticket while its areas have people waiting', () => {
    const alerts = computeAlerts([area({ waiting: 2 })], [counter({})]);
    expect(alerts.map((a) => a.kind)).toEqual(['idle_counter']);
    expect(alerts[0]!.text).toContain('Quầy 1 (Nguyễn Văn An) đang mở nhưng không phục vụ');
    expect(alerts[0]!.text).toContain('LLTP có 2 người chờ');
  });

  it('an idle counter whose areas are empty, or a paused/closed one, is not an alert', () => {
    expect(computeAlerts([area({ waiting: 0 })], [counter({})])).toEqual([]);
    expect(computeAlerts([area({ waiting: 2 })], [counter({ status: 'paused' }), counter({ id: 'c2', number: 2, currentTicket: busy })])).toEqual([]);
  });

  it('flags an area with people waiting and no open counter, and sorts the worst first', () => {
    const a1 = area({ waiting: 4, longestWaitSec: 30 * 60 });
    const a2 = area({ id: 'a2', code: 'HTCT', name: 'Hộ tịch', waiting: 1 });
    const alerts = computeAlerts([a1, a2], [counter({ areaIds: ['a2'] }), counter({ id: 'c9', number: 9, status: 'closed', areaIds: ['a1'] })]);
    expect(alerts.map((a) => `${a.kind}:${a.key}`)).toEqual(['wait_over_target:wait:a1', 'no_counter:nocounter:a1', 'idle_counter:idle:c1']);
  });

  it('ignores inactive areas', () => {
    expect(computeAlerts([area({ active: false, waiting: 5, longestWaitSec: 99999 })], [])).toEqual([]);
  });
});
