import { describe, expect, it } from 'vitest';
import { consoleReducer, initialConsoleState, type ConsoleState } from './console.reducer.ts';
import { config, counter, ticket } from './fakes.testing.ts';

const run = (...actions: Parameters<typeof consoleReducer>[1][]): ConsoleState =>
  actions.reduce(consoleReducer, initialConsoleState);

describe('console reducer (pure)', () => {
  it('only a called or serving ticket is at the counter', () => {
    expect(run({ type: 'current', ticket: ticket({ status: 'called' }) }).current?.status).toBe('called');
    expect(run({ type: 'current', ticket: ticket({ status: 'serving' }) }).current?.status).toBe('serving');
    for (const status of ['done', 'no_show', 'waiting'] as const)
      expect(run({ type: 'current', ticket: ticket({ status }) }).current).toBeNull();
    expect(run({ type: 'current', ticket: ticket() }, { type: 'current', ticket: null }).current).toBeNull();
  });

  it('a counter closed or left without a clerk releases the console, and nothing un-releases it', () => {
    const open = counter({ status: 'open' });
    expect(run({ type: 'counter', counter: open }).released).toBe(false);
    expect(run({ type: 'counter', counter: counter({ status: 'closed' }) }).released).toBe(true);
    expect(run({ type: 'counter', counter: counter({ clerk: null }) }).released).toBe(true);
    const back = run({ type: 'counter', counter: counter({ status: 'closed' }) }, { type: 'counter', counter: open });
    expect(back.released).toBe(true);
    expect(back.counter).toBe(open);
  });

  it('a counter:updated replaces that counter in the list, or adds one not seen yet', () => {
    const c1 = counter({ id: 'c1', number: 1 });
    const c2 = counter({ id: 'c2', number: 2 });
    const s = run({ type: 'counters', counters: [c1], config }, { type: 'counterUpdated', counter: c2 });
    expect(s.counters.map((c) => c.id)).toEqual(['c1', 'c2']);
    const paused = counter({ id: 'c1', number: 1, status: 'paused' });
    expect(consoleReducer(s, { type: 'counterUpdated', counter: paused }).counters[0]).toBe(paused);
    expect(s.config).toBe(config);
  });

  it('keeps the queue, tally, busy flag, status line and transfer confirmation as given', () => {
    const t = ticket({ id: 't9' });
    const s = run(
      { type: 'queue', waiting: [t], noShows: [], areas: [] },
      { type: 'busy', busy: true },
      { type: 'status', status: { kind: 'ok', text: 'Đã gọi số 1005', at: 1 } },
      { type: 'confirm', confirm: { to: { counterId: 'c2', label: 'Quầy 2' }, message: 'Quầy đã đóng.' } },
    );
    expect(s.waiting).toEqual([t]);
    expect(s.busy).toBe(true);
    expect(s.status?.text).toBe('Đã gọi số 1005');
    expect(s.confirm?.to.label).toBe('Quầy 2');
    expect(consoleReducer(s, { type: 'confirm', confirm: null }).confirm).toBeNull();
  });
});
