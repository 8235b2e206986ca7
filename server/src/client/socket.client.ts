import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SocketAuth } from '../contract/events.ts';

export type QueueSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket.io connection that reconnects forever; the server sends `state:snapshot` on every (re)connect,
 * so a screen redraws from it and never has to guess what it missed.
 */
export function connectQueueSocket(opts: { url?: string; auth: SocketAuth | (() => SocketAuth) }): QueueSocket {
  const auth = typeof opts.auth === 'function' ? opts.auth : () => opts.auth as SocketAuth;
  return io(opts.url ?? '', {
    path: '/socket.io/',
    transports: ['websocket', 'polling'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    auth: (cb) => cb(auth() as Record<string, unknown>),
  });
}
