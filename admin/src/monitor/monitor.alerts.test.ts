import { describe, expect, it } from 'vitest';
import type { AreaDto } from '@contract/dto';
import { computeAlerts, longestWait, overTarget } from './monitor.alerts.ts';

const area = (p: Partial<AreaDto>): AreaDto => ({
  id: 'a1',
  code: 'LLTP',
  name: 'Lý lịch tư pháp',
  departmentId: 'd',
  departmentName: 'Sở Tư pháp',
  departmentCode: 'STP',
  open: true,
  active: true,
  available: true,
  unavailableReason: null,
  waiting: 0,
  issuedToday: 0,
  dailyLimit: null,
  numberStart: 1001,
  numberEnd: 1999,
  targetWaitMinutes: 20,
  servingCounters: 1,
  estimatedWaitMin: null,
  longestWaitSec: 0,
  hours: null,
  sort: 0,
  ...p,
});

describe('control-room alerts', () => {
  it('flags an area whose oldest citizen waits past the target, counting the time since the fetch', () => {
    const a = area({ waiting: 3, longestWaitSec: 19 * 60 });
    expect(overTarget(a)).toBe(false);
    expect(computeAlerts([a], 0, [])).toEqual([]);
    expect(overTarget(a, 61)).toBe(true);
    const alerts = computeAlerts([a], 61, []);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.kind).toBe('wait_over_target');
    expect(alerts[0]!.text).toBe(
      'LLTP – Lý lịch tư pháp: công dân chờ lâu nhất 20:01, vượt mục tiêu 20 phút (3 người đang chờ).',
    );
  });

  it('an empty queue never waits, and an area without a target never alerts on time', () => {
    expect(longestWait(area({ waiting: 0, longestWaitSec: 5000 }), 100)).toBe(0);
    expect(computeAlerts([area({ waiting: 2, longestWaitSec: 99999, targetWaitMinutes: null })], 0, [])).toEqual([]);
  });

  it("never blames an idle counter from area counts: who can call what is the server's to say", () => {
    // Two wait in LLTP while counter 1 is open and idle; they may wait for another counter alone.
    expect(computeAlerts([area({ waiting: 2 })], 0, [])).toEqual([]);
    expect(computeAlerts([area({ waiting: 4 })], 0, [])).toEqual([]); // nor "no open counter": the server names the tickets
  });

  it("shows the server's alerts (stranded tickets, idle counters, any new producer), high severity first", () => {
    const stranded = {
      kind: 'stranded',
      key: 'stranded:counter:c2',
      severity: 'high' as const,
      text: 'Số 1005 (LLTP – Lý lịch tư pháp) chờ riêng quầy 2 nhưng quầy đang đóng: không quầy nào khác gọi được.',
    };
    const idle = {
      kind: 'idle_counter',
      key: 'idle:c1',
      severity: 'medium' as const,
      text: 'Quầy 1 đang mở nhưng không phục vụ…',
    };
    const a1 = area({ waiting: 4, longestWaitSec: 30 * 60 });
    expect(computeAlerts([a1], 0, [idle, stranded]).map((a) => a.key)).toEqual([
      'wait:a1',
      'stranded:counter:c2',
      'idle:c1',
    ]);
  });

  it('ignores inactive areas', () => {
    expect(computeAlerts([area({ active: false, waiting: 5, longestWaitSec: 99999 })], 0, [])).toEqual([]);
  });
});
