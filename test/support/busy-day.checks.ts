import type { DisplayEvent, LoadResult } from '../../scripts/load/load.types.ts';
import { http } from './server-process.ts';

/**
 * The busy day's invariants, checked against what the load generator saw and what the server says
 * afterwards. Each returns the violations it found (an empty list passes), so a failure names them.
 */

/**
 * Every ticket a kiosk was answered for, read back one by one, as staff (`token`): anonymous reads are
 * rate-limited per address (60 per 10 s), and hundreds from one test process would be refused.
 */
export async function readTickets(url: string, res: LoadResult, token: string): Promise<Map<string, any>> {
  const call = http(url);
  const out = new Map<string, any>();
  const ids = [...new Set(res.issued.map((r) => r.id))];
  for (let i = 0; i < ids.length; i += 16) {
    const batch = await Promise.all(
      ids.slice(i, i + 16).map((id) => call('GET', `/api/tickets/${id}`, undefined, token)),
    );
    batch.forEach((r, j) => out.set(ids[i + j]!, r.status === 200 ? r.body : null));
  }
  return out;
}

/** Issued once; numbers consecutive from the block start per area (unique, no gap, none reused). */
export function checkIssue(res: LoadResult, tickets: Map<string, any>): string[] {
  const v: string[] = [];
  if (new Set(res.issued.map((r) => r.key)).size !== res.issued.length) v.push('a key was answered twice');
  if (new Set(res.issued.map((r) => r.id)).size !== res.issued.length) v.push('two keys got the same ticket');
  for (const r of res.issued) {
    if (r.doubleTapId !== null && r.doubleTapId !== r.id)
      v.push(`double tap of ${r.key} got a second ticket ${r.doubleTapId}`);
    const t = tickets.get(r.id);
    if (!t) v.push(`ticket ${r.id} (${r.areaCode} ${r.number}) answered ${r.status} but is not on the server`);
    else if (t.number !== r.number) v.push(`ticket ${r.id} number ${t.number} ≠ ${r.number}`);
  }
  const byArea = new Map<string, number[]>();
  for (const r of res.issued) byArea.set(r.areaCode, [...(byArea.get(r.areaCode) ?? []), Number(r.number)]);
  for (const [code, nums] of byArea) {
    const start = res.areas[code]!.numberStart;
    const sorted = nums.sort((x, y) => x - y);
    const want = sorted.map((_, i) => start + i);
    if (sorted.join() !== want.join())
      v.push(
        `${code}: numbers are not ${start}…${start + nums.length - 1} exactly once: ${sorted
          .filter((n, i) => n !== want[i])
          .slice(0, 5)
          .join(', ')}`,
      );
  }
  return v;
}

/** Final statuses: nothing left waiting or at a counter, and each ends where the clerks' answers said. */
export function checkFinal(res: LoadResult, tickets: Map<string, any>, counters: any[]): string[] {
  const v: string[] = [];
  const uncertain = new Set(res.uncertain);
  for (const [id, t] of tickets) {
    if (!t) continue;
    if (t.status !== 'done' && t.status !== 'no_show') v.push(`ticket ${t.number} ended ${t.status}`);
    const e = res.expected[id];
    if (!e || uncertain.has(id)) continue;
    if (e.status !== t.status || e.counterId !== (t.counter?.id ?? null))
      v.push(
        `ticket ${t.number}: server ${t.status}@${t.counter?.number}, clerks were told ${e.status}@${res.counters[e.counterId ?? '']?.number}`,
      );
  }
  for (const c of counters) if (c.currentTicket) v.push(`counter ${c.number} still holds ${c.currentTicket.number}`);
  return v;
}

/**
 * Each display, replayed in arrival order: no ticket is ever current at two counters, no ticket is called
 * while another counter holds it; every display saw the same calls in the same order, and those are
 * exactly the calls the clerks were answered for, in each counter's order.
 */
export function checkDisplays(res: LoadResult): string[] {
  const v: string[] = [];
  const callsOf = (ev: DisplayEvent[]) => ev.filter((e) => e[0] === 'c').map((e) => e.slice(1).join(':'));
  res.displays.forEach((ev, d) => {
    const holds = new Map<string, string | null>();
    const holderOf = (ticket: string) => [...holds].find(([, t]) => t === ticket)?.[0];
    for (const e of ev) {
      if (e[0] === 's') {
        holds.clear();
        for (const [c, t] of e[1]) holds.set(c, t);
      }
      if (e[0] === 'u') holds.set(e[1], e[2]);
      if (e[0] === 'c' && !e[3]) {
        const other = holderOf(e[1]);
        if (other && other !== e[2])
          v.push(
            `display ${d}: ${e[1]} called at ${res.counters[e[2]]?.number} while counter ${res.counters[other]?.number} held it`,
          );
      }
      const current = [...holds.values()].filter((t): t is string => t !== null);
      if (new Set(current).size !== current.length)
        v.push(`display ${d}: one ticket current at two counters after ${JSON.stringify(e)}`);
    }
  });
  const first = callsOf(res.displays[0] ?? []);
  res.displays.forEach((ev, d) => {
    if (callsOf(ev).join() !== first.join()) v.push(`display ${d} saw other calls or another order than display 0`);
  });
  const acked = res.ackedCalls.map((c) => `${c.ticketId}:${c.counterId}:${c.recall}`);
  // Events go out before the HTTP answer: after a crash a display may have seen a call whose answer the clerk
  // lost (that ticket is `uncertain`), never the other way round: a call a clerk was answered for is on screen.
  const uncertain = new Set(res.uncertain);
  const ackedSet = new Set(acked);
  const seenSet = new Set(first);
  const missing = acked.filter((c) => !seenSet.has(c));
  if (missing.length) v.push(`displays missed ${missing.length} of the ${acked.length} calls clerks were answered for`);
  const extra = first.filter((c) => !ackedSet.has(c) && !uncertain.has(c.split(':')[0]!));
  if (extra.length) v.push(`displays saw ${extra.length} calls no clerk made: ${extra.slice(0, 3).join(', ')}`);
  for (const cid of Object.keys(res.counters)) {
    const mine = (xs: string[]) => xs.filter((x) => x.split(':')[1] === cid && ackedSet.has(x)).join();
    if (mine(first) !== mine(acked))
      v.push(`counter ${res.counters[cid]!.number}: calls reached the displays in another order`);
  }
  return v;
}

/** Reports count every finished ticket once, in the area, counter and clerk that finished it. */
export async function checkReports(
  url: string,
  admin: string,
  res: LoadResult,
  tickets: Map<string, any>,
): Promise<string[]> {
  const v: string[] = [];
  const call = http(url);
  const all = [...tickets.values()].filter(Boolean);
  const tally = (key: (t: any) => string, status: string) => {
    const m = new Map<string, number>();
    for (const t of all) if (t.status === status) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
    return m;
  };
  const issuedBy = new Map<string, number>();
  for (const r of res.issued) issuedBy.set(r.areaCode, (issuedBy.get(r.areaCode) ?? 0) + 1);
  const clerkOf = (t: any) => res.counters[t.counter?.id]?.clerk ?? '?';
  const views: [string, Map<string, number>, Map<string, number>][] = [
    ['area', tally((t) => t.areaCode, 'done'), tally((t) => t.areaCode, 'no_show')],
    ['counter', tally((t) => String(t.counter?.number), 'done'), tally((t) => String(t.counter?.number), 'no_show')],
    ['clerk', tally(clerkOf, 'done'), tally(clerkOf, 'no_show')],
  ];
  for (const [groupBy, served, noShow] of views) {
    const r = await call('GET', `/api/reports/summary?groupBy=${groupBy}`, undefined, admin);
    if (r.status !== 200) {
      v.push(`report ${groupBy}: ${r.status}`);
      continue;
    }
    const rows = new Map<string, any>((r.body.rows as any[]).map((row) => [row.key, row]));
    for (const [key, n] of served)
      if ((rows.get(key)?.served ?? 0) !== n)
        v.push(`report ${groupBy} ${key}: served ${rows.get(key)?.served} ≠ ${n} done tickets`);
    for (const [key, n] of noShow)
      if ((rows.get(key)?.noShow ?? 0) !== n)
        v.push(`report ${groupBy} ${key}: noShow ${rows.get(key)?.noShow} ≠ ${n}`);
    const sum = (f: string) => [...rows.values()].reduce((s, row) => s + (row[f] ?? 0), 0);
    if (sum('served') !== all.filter((t) => t.status === 'done').length)
      v.push(`report ${groupBy}: served total ${sum('served')} ≠ ${all.filter((t) => t.status === 'done').length}`);
    if (groupBy === 'area')
      for (const [code, n] of issuedBy)
        if (rows.get(code)?.issued !== n) v.push(`report area ${code}: issued ${rows.get(code)?.issued} ≠ ${n}`);
  }
  return v;
}
