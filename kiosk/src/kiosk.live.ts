import { useEffect, useRef } from 'preact/hooks';
import type { QueueSocket } from '../../server/src/client/socket.client.ts';
import type { KioskAction } from './kiosk.state.ts';

export interface LiveOptions {
  connect: () => QueueSocket;
  dispatch: (a: KioskAction) => void;
  /** Reload config, departments and areas (after a (re)connect or a config change). */
  reloadAll: () => void;
  /** Reload areas only (estimated waits and availability move with counters and queues). */
  reloadAreas: () => void;
  /** The socket was refused: the caller checks whether the token still holds. */
  onRefused: () => void;
  throttleMs?: number;
}

/**
 * Keeps the kiosk's areas live. Waiting counts are patched at once from the events; the estimated
 * waits and availability come from a throttled GET /api/areas, so a busy hall does not flood the server.
 * Every (re)connect brings a fresh snapshot, after which everything is reloaded: a server restart heals by itself.
 */
export function useKioskLive(o: LiveOptions): void {
  const opts = useRef(o);
  opts.current = o;
  useEffect(() => {
    const socket = opts.current.connect();
    let areasTimer: ReturnType<typeof setTimeout> | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    const areasSoon = () => {
      if (areasTimer) return;
      areasTimer = setTimeout(() => {
        areasTimer = null;
        opts.current.reloadAreas();
      }, opts.current.throttleMs ?? 1000);
    };
    socket.on('connect', () => opts.current.dispatch({ type: 'connection', status: 'online' }));
    // When the server refuses or drops us on purpose (revoked token), socket.io stops retrying by itself:
    // ask the caller to check the token, and try again later in case it was only a restart.
    const refused = () => {
      opts.current.onRefused();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!socket.connected) socket.connect();
      }, 3000);
    };
    socket.on('disconnect', (reason) => {
      opts.current.dispatch({ type: 'connection', status: 'offline' });
      if (reason === 'io server disconnect') refused();
    });
    socket.on('connect_error', () => {
      opts.current.dispatch({ type: 'connection', status: 'offline' });
      if (!socket.active) refused();
    });
    socket.on('state:snapshot', (state) => {
      opts.current.dispatch({ type: 'connection', status: 'online' });
      opts.current.dispatch({ type: 'snapshot', state });
      opts.current.reloadAll();
    });
    socket.on('queue:updated', (p) => {
      opts.current.dispatch({ type: 'waiting', areaId: p.areaId, waiting: p.waiting });
      areasSoon();
    });
    socket.on('counter:updated', areasSoon);
    socket.on('config:updated', () => opts.current.reloadAll());
    return () => {
      if (areasTimer) clearTimeout(areasTimer);
      if (retryTimer) clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);
}
