import type { QueueSocket } from '@client/socket.client';

/**
 * The one socket stand-in of the component tests: the test fires the server's and the connection's events,
 * and sets `active` false to play socket.io giving up (a refused handshake, a server that closed the link).
 */
export function fakeSocket() {
  const handlers = new Map<string, Set<(...a: unknown[]) => void>>();
  const s = {
    active: true,
    connected: false,
    connects: 0,
    disconnects: 0,
    on(ev: string, fn: (...a: unknown[]) => void) {
      (handlers.get(ev) ?? handlers.set(ev, new Set()).get(ev)!).add(fn);
      return s;
    },
    off(ev: string, fn: (...a: unknown[]) => void) {
      handlers.get(ev)?.delete(fn);
      return s;
    },
    removeAllListeners() {
      handlers.clear();
      return s;
    },
    connect() {
      s.connects++;
      s.active = true;
      return s;
    },
    disconnect() {
      s.disconnects++;
      s.active = false;
      s.connected = false;
      return s;
    },
    close() {
      return s.disconnect();
    },
    fire(ev: string, ...a: unknown[]) {
      if (ev === 'connect') s.connected = true;
      if (ev === 'disconnect') s.connected = false;
      for (const fn of [...(handlers.get(ev) ?? [])]) fn(...a);
    },
    /** How many listeners an event has: proves a screen unsubscribed what it subscribed. */
    count(ev: string) {
      return handlers.get(ev)?.size ?? 0;
    },
  };
  return s as typeof s & QueueSocket;
}
