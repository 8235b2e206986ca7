import type { ApiClient } from '../../server/src/client/api.client.ts';
import type { QueueSocket } from '../../server/src/client/socket.client.ts';
import type { CounterDto, PublicConfigDto, TicketDto } from '../../server/src/contract/dto.ts';

/** Test doubles for component tests: a socket whose events the test fires, and sample DTOs. */
export function fakeSocket() {
  const handlers = new Map<string, Set<(...a: unknown[]) => void>>();
  const s = {
    active: true,
    on(ev: string, fn: (...a: unknown[]) => void) {
      (handlers.get(ev) ?? handlers.set(ev, new Set()).get(ev)!).add(fn);
      return s;
    },
    off(ev: string, fn: (...a: unknown[]) => void) {
      handlers.get(ev)?.delete(fn);
      return s;
    },
    connect() {
      return s;
    },
    disconnect() {
      return s;
    },
    fire(ev: string, ...a: unknown[]) {
      for (const fn of [...(handlers.get(ev) ?? [])]) fn(...a);
    },
    count(ev: string) {
      return handlers.get(ev)?.size ?? 0;
    },
  };
  return s as typeof s & QueueSocket;
}

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
