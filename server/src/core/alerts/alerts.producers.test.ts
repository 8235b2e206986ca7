import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import * as counters from '../counters/counters.usecases.ts';
import { businessDay } from '../time/zoned-time.ts';
import { issueTicket } from '../tickets/tickets.usecases.ts';
import {
  collectAlerts,
  DEFAULT_PRODUCERS,
  idleCounters,
  strandedTickets,
  type AlertProducer,
} from './alerts.producers.ts';

function setup() {
  const h = coreHarness();
  const issue = (code: string) => {
    h.clock.advance(1000);
    return h.run((tx) => issueTicket(tx, { areaId: h.area(code).id, actor: h.kiosk })).ticket;
  };
  const open = (n: number, name: string) => {
    const a = h.clerk(name);
    h.run((tx) => counters.openCounter(tx, { counterId: h.counter(n).id, actor: a }));
    return a;
  };
  const ctx = () => ({ deps: h.deps, today: businessDay(h.clock.now(), 'Asia/Ho_Chi_Minh') });
  const alerts = (p: readonly AlertProducer[] = DEFAULT_PRODUCERS) => collectAlerts(ctx(), p);
  return { ...h, issue, open, alerts };
}

describe('control-room alerts computed on the server', () => {
  it('names the tickets no open counter can call: an area with no open counter', () => {
    const h = setup();
    h.issue('DKKD');
    h.issue('DKKD'); // counter 3 serves DKKD, closed
    const [a] = h.alerts([strandedTickets]);
    expect(a).toMatchObject({ kind: 'stranded', key: `stranded:area:${h.area('DKKD').id}`, severity: 'high' });
    expect(a!.text).toBe(
      `DKKD – ${h.area('DKKD').name}: 2 người đang chờ nhưng không có quầy nào đang mở gọi được (số 3001, 3002).`,
    );
    h.open(3, 'minh');
    expect(h.alerts([strandedTickets])).toEqual([]);
  });

  it('names a ticket transferred to a counter that is closed, not the counter that cannot call it', () => {
    const h = setup();
    const lan = h.open(1, 'lan');
    const t = h.issue('LLTP');
    h.run((tx) => counters.callNext(tx, { counterId: h.counter(1).id, actor: lan }));
    h.run((tx) =>
      counters.transfer(tx, { counterId: h.counter(1).id, actor: lan, toCounterId: h.counter(2).id, force: true }),
    );
    const all = h.alerts();
    expect(all.map((a) => a.key)).toEqual([`stranded:counter:${h.counter(2).id}`]);
    expect(all[0]!.text).toBe(
      `Số ${t.number} (LLTP – ${h.area('LLTP').name}) chờ riêng quầy 2 nhưng quầy đang đóng: không quầy nào khác gọi được.`,
    );
    // Counter 1 is open and idle while 1001 waits in its area: not its fault, 1001 waits for counter 2 alone.
    expect(h.alerts([idleCounters])).toEqual([]);
  });

  it('an idle open counter is named only for tickets it can call, counted by area', () => {
    const h = setup();
    h.open(1, 'lan');
    h.issue('LLTP');
    h.issue('HTCT');
    h.issue('HTCT');
    h.issue('DKKD'); // not counter 1's
    const [a] = h.alerts([idleCounters]);
    expect(a).toMatchObject({ kind: 'idle_counter', key: `idle:${h.counter(1).id}`, severity: 'medium' });
    expect(a!.text).toBe(
      'Quầy 1 (lan) đang mở nhưng không phục vụ, trong khi có 3 người chờ mà quầy này gọi được (LLTP: 1, HTCT: 2).',
    );
  });

  it('the list is open to more producers: each adds its own alerts, high severity first', () => {
    const h = setup();
    h.open(1, 'lan');
    h.issue('LLTP');
    h.issue('DKKD');
    const extra: AlertProducer = () => [
      { kind: 'clock_step', key: 'clock', severity: 'high', text: 'Đồng hồ máy chủ vừa bị chỉnh lùi.' },
    ];
    expect(h.alerts([idleCounters, strandedTickets, extra]).map((a) => a.kind)).toEqual([
      'stranded',
      'clock_step',
      'idle_counter',
    ]);
  });
});
