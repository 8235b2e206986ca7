/**
 * What went wrong in a test process without failing a test by itself: an uncaught exception or unhandled
 * rejection, an error an in-process test server logged as unexpected (a 500, a socket handler bug), a
 * child-process server that exited unasked. The process guard (test/support/process.guard.ts) fails the
 * current test with them. One list per process, kept on globalThis: vitest may load this module twice.
 */
export interface Unexpected {
  source: string;
  message: string;
  error?: unknown;
}

const KEY = Symbol.for('hcc.test.unexpected');
const list = (): Unexpected[] => ((globalThis as Record<symbol, Unexpected[]>)[KEY] ??= []);

export function recordUnexpected(u: Unexpected): void {
  list().push(u);
}

/** Everything recorded since the last call (and forgets it). */
export function takeUnexpected(): Unexpected[] {
  return list().splice(0);
}

/** What a test server's log line means: the server's own words for a bug are "Lỗi không mong đợi". */
export const isUnexpectedLog = (msg: string): boolean => /không mong đợi/i.test(msg);
