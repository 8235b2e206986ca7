import type { Server } from 'socket.io';

/**
 * The shape of socket.io's connection internals this module leans on (engine.io 6: `conn` is the engine socket,
 * its websocket transport wraps a `ws` WebSocket whose `_socket` is the TCP socket). Anything else (long-polling,
 * a future shape) is left alone: it is written the usual way.
 */
interface EngineConn {
  readyState: string;
  writeBuffer: unknown[];
  flush(): void;
  transport: { name: string; writable: boolean; socket?: { _socket?: { cork(): void; uncork(): void } } };
}

/**
 * Runs `publish` (every event of one commit) so that each websocket gets all of them in ONE write to the kernel,
 * done before this returns — that is, before the HTTP answer (docs/architecture.md, point 4).
 *
 * Without it, socket.io writes the first event of a batch at once and holds the others until that write's
 * callback (engine.io's transport is "not writable" meanwhile), then writes each as its own frame: a call-next
 * (ticket, call, counter, queue: 4–6 events) cost 200 displays ~1,000 writev calls, and the later events left
 * after the answer. Here the transports are held for the batch (their packets gather in engine.io's buffer, each
 * payload still encoded once per room broadcast), then each is flushed with its TCP socket corked: one writev.
 */
export function writeAsOne(io: Server, publish: () => void): void {
  const held: EngineConn[] = [];
  for (const s of io.sockets.sockets.values()) {
    const conn = (s as unknown as { conn?: EngineConn }).conn;
    if (!conn || conn.transport?.name !== 'websocket' || typeof conn.flush !== 'function') continue;
    conn.transport.writable = false;
    held.push(conn);
  }
  try {
    publish();
  } finally {
    for (const conn of held) {
      const t = conn.transport;
      // Also when an earlier write's callback is still pending (engine.io would hold these packets until it
      // fires, after the answer): the TCP socket keeps writes in order, and each flush gets its own drain.
      t.writable = true;
      if (conn.readyState === 'closed' || conn.writeBuffer.length === 0) continue;
      const tcp = t.socket?._socket;
      tcp?.cork();
      try {
        conn.flush();
      } finally {
        tcp?.uncork();
      }
    }
  }
}
