import { useEffect, useRef } from 'preact/hooks';
import { useQueueSocket } from '@ui/queue-socket.hook';
import type { QueueSocket } from '@client/socket.client';
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
  const areasTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const areasSoon = () => {
    if (areasTimer.current) return;
    areasTimer.current = setTimeout(() => {
      areasTimer.current = null;
      opts.current.reloadAreas();
    }, opts.current.throttleMs ?? 1000);
  };
  useEffect(
    () => () => {
      if (areasTimer.current) clearTimeout(areasTimer.current);
    },
    [],
  );
  // One socket for the session's lifetime; when the server refuses or drops us on purpose (revoked token),
  // the caller checks the token, and the shared policy tries again in case it was only a restart.
  useQueueSocket(o.connect, 'kiosk', {
    connect: () => opts.current.dispatch({ type: 'connection', status: 'online' }),
    disconnect: () => opts.current.dispatch({ type: 'connection', status: 'offline' }),
    connect_error: () => opts.current.dispatch({ type: 'connection', status: 'offline' }),
    gaveUp: () => opts.current.onRefused(),
    'state:snapshot': (state) => {
      opts.current.dispatch({ type: 'connection', status: 'online' });
      opts.current.dispatch({ type: 'snapshot', state });
      opts.current.reloadAll();
    },
    'queue:updated': (p) => {
      opts.current.dispatch({ type: 'waiting', areaId: p.areaId, waiting: p.waiting });
      areasSoon();
    },
    'counter:updated': areasSoon,
    'config:updated': () => opts.current.reloadAll(),
  });
}
