import { AppError, ERRORS, type ErrorCode } from '../contract/errors.ts';
import type { Logger } from '../logging/logger.ts';
import { storageFault, type StorageFault } from '../storage/storage.fault.ts';

/** Socket handlers only ever log errors (a bug, a storage fault): the logger's `error`. */
export type Log = Logger['error'];

/** Where a storage fault met by a socket goes: the health check (storage.health.ts), as for HTTP requests. */
export type NoteFault = (fault: StorageFault, err: unknown) => void;

/** What an event with an ack gets back: `{ok: true}` or the coded error, as HTTP would answer it. */
export type Ack = { ok: true } | { ok: false; error: { code: ErrorCode; message: string } };

interface EventSource {
  on(event: string, fn: (...args: any[]) => void): unknown;
  onAny(fn: (event: string, ...args: any[]) => void): unknown;
  listenerCount(event: string): number;
}

/** The coded answer for an error; what is not the caller's doing is told to the health check or logged. */
export function answerFor(err: unknown, where: string, log: Log, noteFault?: NoteFault): Ack {
  if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
  // A storage fault is the machine's (disk full, read-only): health turns 503, not a bug. Anything else is a bug.
  const fault = storageFault(err);
  if (fault && noteFault) noteFault(fault, err);
  else log(fault ? `Lỗi lưu trữ ở ${where}` : `Lỗi không mong đợi ở ${where}`, err);
  const code: ErrorCode = fault ? 'server.storage_unavailable' : 'server.internal';
  return { ok: false, error: { code, message: ERRORS[code].vi } };
}

/**
 * The one way a socket handler is registered: whatever the handler throws (a bad payload, SQLITE_FULL from the
 * store, a bug) becomes an error ack, or nothing when the client asked for no ack. A handler never throws into
 * socket.io's event emitter, where it would be an uncaught exception and stop the process.
 */
export function guardedHandlers(log: Log, noteFault?: NoteFault) {
  /** Runs `fn`, answering `ack` either way; false when it threw (synchronously). */
  function run(where: string, fn: () => unknown, ack?: (a: Ack) => void): boolean {
    const reply = (a: Ack) => {
      try {
        ack?.(a);
      } catch (e) {
        log(`Lỗi không mong đợi khi trả lời ${where}`, e);
      }
    };
    try {
      const r = fn();
      if (r instanceof Promise)
        r.then(
          () => reply({ ok: true }),
          (e: unknown) => reply(answerFor(e, where, log, noteFault)),
        );
      else reply({ ok: true });
      return true;
    } catch (e) {
      reply(answerFor(e, where, log, noteFault));
      return false;
    }
  }

  return {
    run,
    /** Registers `fn` for `event`; a trailing function argument is the client's ack. */
    on(socket: EventSource, event: string, fn: (payload: unknown) => unknown): void {
      socket.on(event, (...args: unknown[]) => {
        const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (a: Ack) => void) : undefined;
        run(`sự kiện socket ${event}`, () => fn(args[0]), ack);
      });
    },
    /** Before any handler: events this socket does not handle are ignored, but answered when the client waits for an answer. */
    answerUnknown(socket: EventSource): void {
      socket.onAny((event: string, ...args: unknown[]) => {
        // An "error" from the client (socket.io does not reserve the name) meets only socket.io's own no-op listener.
        if (event !== 'error' && socket.listenerCount(event) > 0) return;
        const ack = args[args.length - 1];
        if (typeof ack === 'function')
          run(
            'sự kiện socket lạ',
            () => {
              throw new AppError('request.not_found');
            },
            ack as (a: Ack) => void,
          );
      });
    },
  };
}
