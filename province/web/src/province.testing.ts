import type { HubCenter, HubReport } from './province.api.ts';
import type { ReportRow } from '@contract/dto';

/** Test data and a fake hub for the component tests: `fetch` answers by path and records every call. */
export function center(
  code: string,
  over: Partial<HubCenter> = {},
  live: Partial<NonNullable<HubCenter['live']>> = {},
) {
  return {
    id: `id-${code}`,
    code,
    name: `Trung tâm ${code}`,
    lastSeenAt: '2026-12-01T03:00:00.000Z',
    lagSec: 0,
    today: { issued: 40, served: 30, noShow: 2, waiting: 5, avgWaitSec: 300, satisfiedShare: 0.9 },
    live: { longestWaitSec: 120, targetWaitSec: 900, openCounters: 3, waitingNoCounter: 0, linkState: 'ok', ...live },
    tokenActive: true,
    ...over,
  } satisfies HubCenter as HubCenter;
}

export function row(key: string, label: string, over: Partial<ReportRow> = {}): ReportRow {
  return {
    key,
    label,
    issued: 10,
    served: 8,
    noShow: 1,
    transferred: 0,
    expired: 1,
    avgWaitSec: 125,
    medianWaitSec: 100,
    p90WaitSec: 400,
    avgServiceSec: 240,
    serviceLevel: 0.75,
    ratings: { very_satisfied: 3, satisfied: 1, unsatisfied: 1 },
    ratedCount: 5,
    satisfiedShare: 0.8,
    ...over,
  };
}

export function report(q: URLSearchParams, rows: ReportRow[]): HubReport {
  return {
    from: q.get('from')!,
    to: q.get('to')!,
    groupBy: q.get('groupBy') as HubReport['groupBy'],
    rows,
    totals: row('', '', { issued: rows.reduce((s, r) => s + r.issued, 0) }),
  };
}

export type Handler = (url: URL, init: RequestInit) => { status?: number; body: unknown } | undefined;

export function fakeHub(handler: Handler) {
  const calls: { method: string; url: URL; body: unknown; auth: string | null }[] = [];
  const fetch = (async (input: string, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://hub.test');
    const headers = new Headers(init.headers);
    calls.push({
      method: init.method ?? 'GET',
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      auth: headers.get('authorization'),
    });
    const res = handler(url, init) ?? {
      status: 404,
      body: { error: { code: 'request.not_found', message: 'Không có' } },
    };
    return new Response(JSON.stringify(res.body), {
      status: res.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}
