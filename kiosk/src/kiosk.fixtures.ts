import { act } from 'preact/test-utils';
import type { AreaDto, DepartmentDto, ProcedureDto, PublicConfigDto, TicketDto } from '@contract/dto';
import type { IdleClock } from './kiosk.idle.ts';

/** Small, readable test data shared by the kiosk's tests. */
export function area(over: Partial<AreaDto> = {}): AreaDto {
  return {
    id: 'a1',
    code: 'LLTP',
    name: 'Lý lịch tư pháp',
    departmentId: 'd1',
    departmentName: 'Sở Tư pháp',
    departmentCode: 'STP',
    open: true,
    active: true,
    available: true,
    unavailableReason: null,
    waiting: 3,
    issuedToday: 10,
    dailyLimit: 300,
    numberStart: 1001,
    numberEnd: 1999,
    targetWaitMinutes: 20,
    servingCounters: 1,
    estimatedWaitMin: 15,
    longestWaitSec: 0,
    hours: null,
    sort: 1,
    ...over,
  };
}

export function department(over: Partial<DepartmentDto> = {}): DepartmentDto {
  return { id: 'd1', code: 'STP', name: 'Sở Tư pháp', sort: 1, active: true, ...over };
}

export function config(over: Partial<PublicConfigDto> = {}): PublicConfigDto {
  return {
    centerName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
    shortName: 'TTPVHCC Nghệ An',
    timeZone: 'Asia/Ho_Chi_Minh',
    ratingLevels: [],
    ratingReasons: [],
    ratingReasonLevels: [],
    priorityGroups: ['Người cao tuổi (từ 60 tuổi)', 'Người khuyết tật'],
    announcement: '',
    announceTimes: 2,
    numberReading: 'words',
    dialect: 'north',
    voicePack: '',
    notice: '',
    kioskIdleSeconds: 30,
    ratingTimeoutSeconds: 30,
    ticketInstruction: 'Vui lòng chờ đến khi số của bạn được gọi',
    ticketThanks: 'Xin cảm ơn Quý khách!',
    enforceIssuingHours: false,
    businessDay: '2026-11-26',
    serverTime: '2026-11-26T08:15:02+07:00',
    ...over,
  };
}

export function ticket(over: Partial<TicketDto> = {}): TicketDto {
  return {
    channel: 'kiosk',
    id: 't-abc',
    number: '1005',
    areaId: 'a1',
    areaCode: 'LLTP',
    areaName: 'Lý lịch tư pháp',
    departmentId: 'd1',
    departmentName: 'Sở Tư pháp',
    status: 'waiting',
    priority: false,
    priorityGroup: null,
    businessDay: '2026-11-26',
    issuedAt: '2026-11-26T08:15:02+07:00',
    calledAt: null,
    finishedAt: null,
    waitingAhead: 7,
    estimatedWaitMin: 35,
    counter: null,
    targetCounterId: null,
    recalls: 0,
    transfers: 0,
    trackUrl: 'http://10.0.0.2:8080/t/t-abc',
    dossierCode: null,
    note: null,
    print: { status: 'printed' },
    procedure: null,
    ...over,
  };
}

export function procedure(over: Partial<ProcedureDto> = {}): ProcedureDto {
  return {
    id: 'p1',
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    areaId: 'a2',
    areaCode: 'HTCT',
    areaName: 'Hộ tịch',
    departmentName: 'Sở Tư pháp',
    timeLimit: 'Trong ngày',
    fee: 'Miễn lệ phí',
    documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'],
    keywords: ['khai sinh'],
    active: true,
    ...over,
  };
}

/** The idle countdown's clock, moved by hand: no real waiting. */
export function manualIdleClock() {
  let now = 1_000_000;
  const ticks = new Set<() => void>();
  const clock: IdleClock = {
    now: () => now,
    every(_ms, fn) {
      ticks.add(fn);
      return () => ticks.delete(fn);
    },
  };
  const advance = (seconds: number) =>
    act(() => {
      for (let i = 0; i < seconds * 4; i++) {
        now += 250;
        for (const f of [...ticks]) f();
      }
    });
  /** Time passing with no tick at all (a frozen tab), then one tick. */
  const jump = (seconds: number) =>
    act(() => {
      now += seconds * 1000;
      for (const f of [...ticks]) f();
    });
  return { clock, advance, jump };
}
