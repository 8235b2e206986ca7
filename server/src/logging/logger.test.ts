import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger, formatEntry, parseLogLevel, type LogEntry, type LogThreshold } from './logger.ts';

const AT = Date.parse('2026-11-26T01:00:00.000Z');

function kept(level: LogThreshold) {
  const entries: LogEntry[] = [];
  const log = createLogger({ level, now: () => AT, sink: (e) => entries.push(e) });
  log.error('e', new Error('boom'));
  log.warn('w');
  log.info('i', { ticket: 'A-001' });
  log.debug('d');
  return entries.map((e) => e.msg);
}

describe('the logger', () => {
  it('writes the events at or above its level, nothing when silent', () => {
    expect(kept('debug')).toEqual(['e', 'w', 'i', 'd']);
    expect(kept('info')).toEqual(['e', 'w', 'i']);
    expect(kept('warn')).toEqual(['e', 'w']);
    expect(kept('error')).toEqual(['e']);
    expect(kept('silent')).toEqual([]);
  });

  it('reads LOG_LEVEL: the four levels, silent, quiet as error, anything else as info', () => {
    expect(parseLogLevel('debug')).toBe('debug');
    expect(parseLogLevel(' WARN ')).toBe('warn');
    expect(parseLogLevel('silent')).toBe('silent');
    expect(parseLogLevel('quiet')).toBe('error');
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel('loud')).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'warn' }, '/tmp').logLevel).toBe('warn');
    expect(loadConfig({}, '/tmp').logLevel).toBe('info');
  });

  it('one JSON line per event: time, level, msg, the fields and the error with its stack, Vietnamese as is', () => {
    const err = Object.assign(new Error('đĩa đầy', { cause: new Error('SQLITE_FULL') }), { code: 'SQLITE_FULL' });
    const line = formatEntry({ time: AT, level: 'error', msg: 'Lỗi không mong đợi ở GET /x', err, fields: { n: 1 } });
    expect(line).not.toContain('\n');
    expect(line).toContain('Lỗi không mong đợi'); // what the child-process test guard looks for on stderr
    const o = JSON.parse(line);
    expect(o).toMatchObject({
      time: '2026-11-26T01:00:00.000Z',
      level: 'error',
      msg: 'Lỗi không mong đợi ở GET /x',
      n: 1,
    });
    expect(o.err).toMatchObject({
      name: 'Error',
      message: 'đĩa đầy',
      code: 'SQLITE_FULL',
      cause: { message: 'SQLITE_FULL' },
    });
    expect(o.err.stack).toContain('logger.test.ts');
    expect(Object.keys(o).slice(0, 3)).toEqual(['time', 'level', 'msg']);
  });

  it('a field that cannot be written costs the fields, never the event', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const o = JSON.parse(formatEntry({ time: AT, level: 'warn', msg: 'm', err: { code: 'x' }, fields: { cycle } }));
    expect(o).toMatchObject({ level: 'warn', msg: 'm' });
    const plain = JSON.parse(formatEntry({ time: AT, level: 'error', msg: 'm', err: { code: 'printer.io' } }));
    expect(plain.err).toEqual({ code: 'printer.io' });
  });

  it('its methods can be handed on alone (no `this`)', () => {
    const entries: LogEntry[] = [];
    const { error } = createLogger({ level: 'info', now: () => AT, sink: (e) => entries.push(e) });
    error('m', 'why');
    expect(entries).toEqual([{ time: AT, level: 'error', msg: 'm', err: 'why' }]);
  });
});
