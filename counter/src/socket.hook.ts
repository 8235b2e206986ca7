import { useEffect, useState } from 'preact/hooks';
import { connectQueueSocket, type QueueSocket } from '../../server/src/client/socket.client.ts';

const RETRY_MS = 2000;

/**
 * One socket per logged-in session (or paired device). `online` drives the offline banner;
 * the socket reconnects forever and the server sends `state:snapshot` each time.
 */
export function useQueueSocket(
  token: string | null,
  connect: typeof connectQueueSocket = connectQueueSocket,
): { socket: QueueSocket | null; online: boolean } {
  const [socket, setSocket] = useState<QueueSocket | null>(null);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    if (!token) return;
    const s = connect({ auth: { token } });
    const up = () => setOnline(true);
    let retry: ReturnType<typeof setTimeout> | null = null;
    // socket.io stops retrying when the server closed the link or refused it (a restart does both): keep trying ourselves.
    const again = () => {
      if (!s.active && !retry)
        retry = setTimeout(() => {
          retry = null;
          s.connect();
        }, RETRY_MS);
    };
    const down = () => {
      setOnline(false);
      again();
    };
    s.on('connect', up);
    s.on('disconnect', down);
    s.on('connect_error', down);
    setSocket(s);
    return () => {
      if (retry) clearTimeout(retry);
      s.off('connect', up);
      s.off('disconnect', down);
      s.off('connect_error', down);
      s.disconnect();
      setSocket(null);
    };
  }, [token]);
  return { socket, online };
}
