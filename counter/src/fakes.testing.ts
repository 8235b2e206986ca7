import type { ApiClient } from '@client/api.client';
import type { CounterDto, PublicConfigDto, TicketDto } from '@contract/dto';

/** Test doubles for component tests: the shared socket stand-in (ui/src/socket.testing.ts) and sample DTOs. */
export { fakeSocket } from '@ui/socket.testing';

export const config: PublicConfigDto = {
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
  shortName: 'TTPVHCC',
  timeZone: 'Asia/Ho_Chi_Minh',
  ratingLevels: [
    { key: 'very_satisfied', label: 'Rất hài lòng' },
    { key: 'satisfied', label: 'Hài lòng' },
    { key: 'unsatisfied', label: 'Chưa hài lòng' },
  ],
  ratingReasons: ['Thái độ của cán bộ', 'Thời gian chờ lâu', 'Khác'],
  ratingReasonLevels: ['unsatisfied'],
  priorityGroups: [],
  announcement: '',
  announceTimes: 2,
  numberReading: 'words',
  dialect: 'north',
  voicePack: '',
  notice: '',
  kioskIdleSeconds: 60,
  ratingTimeoutSeconds: 30,
  ticketInstruction: '',
  ticketThanks: '',
  enforceIssuingHours: false,
  businessDay: '2026-11-26',
  serverTime: '2026-11-26T02:00:00.000Z',
};

export function ticket(over: Partial<TicketDto> = {}): TicketDto {
  return {
    channel: 'kiosk',
    id: 't1',
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
    issuedAt: '2026-11-26T01:15:00.000Z',
    calledAt: null,
    finishedAt: null,
    waitingAhead: 0,
    estimatedWaitMin: null,
    counter: null,
    targetCounterId: null,
    recalls: 0,
    transfers: 0,
    trackUrl: '',
    procedure: null,
    dossierCode: null,
    note: null,
    ...over,
  };
}

export function counter(over: Partial<CounterDto> = {}): CounterDto {
  return {
    id: 'c1',
    number: 1,
    name: 'Quầy 1 – Tư pháp',
    areaIds: ['a1'],
    status: 'open',
    clerk: { id: 'u1', username: 'canbo1', displayName: 'Nguyễn Văn An' },
    currentTicket: null,
    updatedAt: '2026-11-26T01:00:00.000Z',
    ...over,
  };
}

/** An ApiClient whose methods the test overrides; anything not given rejects so an unexpected call shows up. */
/** The clerk signed in at the console in the tests. */
export const clerk = { id: 'u1', username: 'canbo1', displayName: 'Nguyễn Văn An', role: 'clerk' as const };

/** The console's API on a quiet morning: the config, one counter, no area, nobody waiting, nothing served yet. */
export const quietDay = {
  config: async () => config,
  counters: async () => [counter()],
  areas: async () => [],
  counterQueue: async () => ({ waiting: [], noShows: [] }),
  myTally: async () => ({
    businessDay: '2026-11-26',
    served: 0,
    noShow: 0,
    called: 0,
    avgServiceSec: null,
    ratings: {},
  }),
};

export function fakeApi(methods: Partial<Record<keyof ApiClient, (...a: any[]) => Promise<unknown>>>): ApiClient {
  return new Proxy(
    {},
    {
      get: (_t, name: string) =>
        methods[name as keyof ApiClient] ?? (() => Promise.reject(new Error(`unexpected api.${name}`))),
    },
  ) as ApiClient;
}

export const flush = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};
