/**
 * The one socket hook of every screen: one socket.io connection per key (a token, a ticket), typed handlers and
 * one reconnect policy. socket.io retries a lost transport by itself (server/src/client/socket.client.ts sets the
 * back-off), but it gives up for good when the server closed the link (a graceful restart does that) or refused
 * the handshake (a revoked token, a restart mid-handshake): then, and only then, the hook tries again after
 * RECONNECT_MS, for as long as the screen is open. The server sends `state:snapshot` on every (re)connect, so a
 * screen redraws from it and never has to guess what it missed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import type { QueueSocket } from '@client/socket.client';
import type { ServerToClientEvents } from '@contract/events';

/** How long after socket.io gave up the hook connects again: often enough to heal a restart within seconds. */
export const RECONNECT_MS = 2000;

/** The connection's own events, beside the server's. */
interface ConnectionEvents {
  connect: () => void;
  disconnect: (reason: Socket.DisconnectReason) => void;
  connect_error: (err: Error) => void;
}

/** Any of the server's events and the connection's own, each typed by the contract's event map. */
export type SocketHandlers = Partial<ServerToClientEvents & ConnectionEvents>;

/** The opener's handlers may also hear when socket.io gave up (refused or closed by the server), before the retry. */
export type OpenerHandlers = SocketHandlers & { gaveUp?: () => void };

/** `connecting` until the first answer: a screen decides whether that already counts as offline. */
export type SocketStatus = 'connecting' | 'online' | 'offline';

type AnyHandler = (...args: never[]) => void;

/**
 * Subscribes the events named in `handlers` (the set is read once per socket; the functions are read at each
 * event, so a re-render never re-subscribes) and returns the unsubscribe.
 */
function forward(socket: QueueSocket, current: { current: SocketHandlers }): () => void {
  const names = (Object.keys(current.current) as (keyof OpenerHandlers)[]).filter((n) => n !== 'gaveUp');
  const subs = names.map((name) => {
    const forwarded = ((...args: never[]) =>
      (current.current[name] as AnyHandler | undefined)?.(...args)) as AnyHandler;
    // `name` is a union here, so socket.io cannot pair it with one listener type; `forwarded` is typed per name above.
    socket.on(name, forwarded as never);
    return [name, forwarded] as const;
  });
  return () => {
    for (const [name, fn] of subs) socket.off(name, fn as never);
  };
}

/**
 * Opens a socket with `open()` while `key` stays the same (null `open` = no socket yet: not logged in, not paired),
 * subscribes `handlers` before any event can arrive, and keeps it connected by the policy above. The event names
 * are read when the socket opens (the functions at each event), so an opener names all it will ever handle.
 */
export function useQueueSocket(
  open: (() => QueueSocket) | null,
  key: unknown,
  handlers: OpenerHandlers = {},
): { socket: QueueSocket | null; status: SocketStatus } {
  const current = useRef(handlers);
  current.current = handlers;
  const opener = useRef(open);
  opener.current = open;
  const [socket, setSocket] = useState<QueueSocket | null>(null);
  const [status, setStatus] = useState<SocketStatus>('connecting');
  const enabled = open !== null;
  useEffect(() => {
    if (!opener.current) return;
    const s = opener.current();
    let retry: ReturnType<typeof setTimeout> | null = null;
    const again = () => {
      if (s.active || retry) return;
      current.current.gaveUp?.();
      retry = setTimeout(() => {
        retry = null;
        if (!s.connected) s.connect();
      }, RECONNECT_MS);
    };
    const up = () => setStatus('online');
    const down = () => {
      setStatus('offline');
      again();
    };
    // Ours first: the retry is decided (and `gaveUp` said) before a screen's own handlers run.
    s.on('connect', up);
    s.on('disconnect', down);
    s.on('connect_error', down);
    const unsubscribe = forward(s, current);
    setSocket(s);
    return () => {
      if (retry) clearTimeout(retry);
      unsubscribe();
      s.off('connect', up);
      s.off('disconnect', down);
      s.off('connect_error', down);
      s.disconnect();
      setSocket(null);
      setStatus('connecting');
    };
  }, [enabled, key]);
  return { socket, status };
}

/**
 * Adds a screen part's handlers to a socket opened higher up (by useQueueSocket), for as long as it is mounted;
 * it re-subscribes only when the socket or the set of event names changes.
 */
export function useSocketEvents(socket: QueueSocket | null, handlers: SocketHandlers): void {
  const current = useRef(handlers);
  current.current = handlers;
  const names = Object.keys(handlers).sort().join(' ');
  useEffect(() => (socket ? forward(socket, current) : undefined), [socket, names]);
}
