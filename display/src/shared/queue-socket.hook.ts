/**
 * One socket.io connection for a screen's lifetime, reconnecting forever. Handlers are read
 * through a ref so a re-render never tears the connection down.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { connectQueueSocket } from '../../../server/src/client/socket.client.ts';
import type { ServerToClientEvents, SocketAuth } from '../../../server/src/contract/events.ts';

export type QueueHandlers = Partial<
  Pick<
    ServerToClientEvents,
    'state:snapshot' | 'ticket:called' | 'ticket:updated' | 'counter:updated' | 'queue:updated' | 'config:updated'
  >
> & {
  /** A refused handshake (bad token, unknown ticket). */
  connectError?: (message: string) => void;
};

const EVENTS = [
  'state:snapshot',
  'ticket:called',
  'ticket:updated',
  'counter:updated',
  'queue:updated',
  'config:updated',
] as const;

/** Returns whether the socket is connected now; `auth` null = not yet (no socket). */
export function useQueueSocket(auth: SocketAuth | null, handlers: QueueHandlers): boolean {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [connected, setConnected] = useState(false);
  const key = auth ? `${auth.token ?? ''}|${auth.ticketId ?? ''}` : '';
  useEffect(() => {
    if (!auth) return;
    const socket = connectQueueSocket({ auth });
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', (reason) => {
      setConnected(false);
      // socket.io does not reconnect by itself after the server closed the socket (a graceful restart does that).
      if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), 1000);
    });
    socket.on('connect_error', (err: Error) => {
      setConnected(false);
      ref.current.connectError?.(err.message);
    });
    for (const name of EVENTS) {
      // Each event is forwarded to whichever handler is current at the time it arrives.
      socket.on(name, ((payload: never) =>
        (ref.current[name] as ((p: never) => void) | undefined)?.(payload)) as never);
    }
    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    };
    // `key` stands for auth: a new object with the same token must not reconnect.
  }, [key]);
  return connected;
}
