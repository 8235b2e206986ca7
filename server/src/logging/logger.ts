/**
 * The server's log: one JSON object per line on stderr (journald keeps it; `jq` reads it), so a message with
 * spaces, quotes or Vietnamese never needs escaping rules of its own and a stack trace stays on its one line:
 *
 *   {"time":"2026-11-26T01:00:00.000Z","level":"error","msg":"Lỗi không mong đợi ở GET /api/x","err":{…}}
 *
 * Levels error < warn < info < debug; LOG_LEVEL picks the most detailed one written (default info).
 * `silent` writes nothing; `quiet` (older scripts and tests) means `error`: a bug is still written, so the
 * test harness that reads a child server's stderr still sees "Lỗi không mong đợi". Created once in main.ts
 * and injected (createServer's `log`); no module-level logger.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogThreshold = LogLevel | 'silent';

/** Extra facts of an event, written as fields of its line. */
export type LogFields = Record<string, unknown>;

/** One event, as handed to a sink (a test keeps them; the default sink writes the JSON line). */
export interface LogEntry {
  time: number;
  level: LogLevel;
  msg: string;
  err?: unknown;
  fields?: LogFields;
}

/**
 * Every method is a plain function (no `this`), so `logger.error` can be handed on where a
 * `(msg, err?) => void` is expected.
 */
export interface Logger {
  error(msg: string, err?: unknown, fields?: LogFields): void;
  warn(msg: string, err?: unknown, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level: LogThreshold;
  /** Wall-clock time of an event, in ms. */
  now: () => number;
  /** Where an entry goes; default: its JSON line on stderr. */
  sink?: (entry: LogEntry) => void;
}

/** LOG_LEVEL as written by a person: unknown or empty values give the default (info). */
export function parseLogLevel(value: string | undefined): LogThreshold {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'quiet') return 'error';
  if (v === 'silent' || (LOG_LEVELS as readonly string[]).includes(v)) return v as LogThreshold;
  return 'info';
}

export function createLogger(opts: LoggerOptions): Logger {
  const max = opts.level === 'silent' ? -1 : LOG_LEVELS.indexOf(opts.level);
  const sink = opts.sink ?? ((entry: LogEntry) => process.stderr.write(formatEntry(entry) + '\n'));
  const emit = (level: LogLevel, msg: string, err?: unknown, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) > max) return;
    const entry: LogEntry = { time: opts.now(), level, msg };
    if (err !== undefined) entry.err = err;
    if (fields) entry.fields = fields;
    sink(entry);
  };
  return {
    error: (msg, err, fields) => emit('error', msg, err, fields),
    warn: (msg, err, fields) => emit('warn', msg, err, fields),
    info: (msg, fields) => emit('info', msg, undefined, fields),
    debug: (msg, fields) => emit('debug', msg, undefined, fields),
  };
}

/** The JSON line of an entry: time, level and msg first, then the fields, then the error. */
export function formatEntry(e: LogEntry): string {
  const line: Record<string, unknown> = { time: new Date(e.time).toISOString(), level: e.level, msg: e.msg };
  for (const [k, v] of Object.entries(e.fields ?? {})) if (!(k in line)) line[k] = v;
  if (e.err !== undefined) line.err = describeError(e.err);
  try {
    return JSON.stringify(line);
  } catch {
    // A field that cannot be written (a cycle, a BigInt) must not cost the event itself.
    const err =
      e.err instanceof Error ? `${e.err.name}: ${e.err.message}` : e.err === undefined ? undefined : String(e.err);
    return JSON.stringify({ time: line.time, level: e.level, msg: e.msg, err, fields: '[không ghi được]' });
  }
}

function describeError(err: unknown, depth = 0): unknown {
  if (err instanceof Error && depth < 3) {
    const out: Record<string, unknown> = { name: err.name, message: err.message };
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') out.code = code;
    if (err.stack) out.stack = err.stack;
    if (err.cause !== undefined) out.cause = describeError(err.cause, depth + 1);
    return out;
  }
  // A rejection with a plain object ({code, message} from a print driver) keeps its fields.
  return typeof err === 'object' && err !== null && !(err instanceof Error) ? err : String(err);
}
