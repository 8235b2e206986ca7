import type { Server, Socket } from 'socket.io';

/**
 * The shape of socket.io's connection internals this module leans on (engine.io 6: `conn` is the engine socket,
 * its websocket transport wraps a `ws` WebSocket whose `_socket` is the TCP socket and `_sender` writes frames).
 * Anything else (long-polling, per-message deflate, a future shape) is left alone: it is written the usual way.
 */
interface EngineConn {
  readyState: string;
  writeBuffer: EnginePacket[];
  flush(): void;
  transport: {
    name: string;
    writable: boolean;
    perMessageDeflate?: unknown;
    socket?: { _socket?: { cork(): void; uncork(): void }; _sender?: { sendFrame?: unknown } };
  };
}

/** An engine.io packet; one to send as a ready websocket frame (built once for all its sockets) carries it. */
interface EnginePacket {
  type: string;
  data?: string;
  options?: { wsPreEncodedFrame?: Buffer[]; compress?: boolean };
}

/**
 * One event to some rooms (null: everyone) within the batch. False: not handled (a payload socket.io would encode
 * in several parts, or a server that keeps packets for connection recovery): the caller emits it the usual way.
 */
export type RoomWrite = (rooms: readonly string[] | null, event: string, args: readonly unknown[]) => boolean;

/**
 * Runs `publish` (every event of one commit) so that each websocket gets all of them in ONE write to the kernel,
 * done before this returns — that is, before the HTTP answer (docs/architecture.md, point 4).
 *
 * Without it, socket.io writes the first event of a batch at once and holds the others until that write's
 * callback (engine.io's transport is "not writable" meanwhile), then writes each as its own frame: a call-next
 * (ticket, call, counter, queue: 4–6 events) cost 200 displays ~1,000 writev calls, and the later events left
 * after the answer. Here the transports are held for the batch and their packets gather in engine.io's buffer.
 *
 * Each payload is built once, not per socket (issue 15): `write` encodes an event and frames it for websocket once,
 * and gives every held socket of its rooms the same packet (socket.io's own broadcast also encodes once, but then
 * makes a packet, a send and two writes per event and socket). At the end, a socket whose buffer holds only such
 * packets gets them as one buffer, joined once per distinct sequence (every display of the hall hears the same
 * events of a commit): one write per socket, with its TCP socket corked.
 */
export function writeAsOne(io: Server, publish: (write: RoomWrite) => void): void {
  const held: EngineConn[] = [];
  const framed = new Set<EngineConn>();
  for (const s of io.sockets.sockets.values()) {
    const conn = connOf(s);
    if (!conn || conn.transport?.name !== 'websocket' || typeof conn.flush !== 'function') continue;
    conn.transport.writable = false;
    held.push(conn);
    if (!conn.transport.perMessageDeflate && typeof conn.transport.socket?._sender?.sendFrame === 'function')
      framed.add(conn);
  }
  // Connection state recovery (not used: screens redraw from a snapshot) would need socket.io to keep each packet.
  const recovering = Boolean(
    (io as unknown as { opts?: { connectionStateRecovery?: unknown } }).opts?.connectionStateRecovery,
  );
  const write: RoomWrite = (rooms, event, args) => {
    if (recovering) return false;
    const to = [...recipients(io, rooms)];
    // Nobody in these rooms (a ticket's room without a phone, a center with no staff screen open): socket.io would
    // reach nobody either, so the payload is not encoded nor framed (issue 15: three per issued ticket).
    if (to.length === 0) return true;
    const encoded = io.encoder.encode({ type: EVENT, nsp: '/', data: [event, ...args] });
    const text = encoded[0];
    if (encoded.length !== 1 || typeof text !== 'string') return false;
    const packet = framePacket(text);
    const others: string[] = [];
    for (const s of to) {
      const conn = connOf(s)!;
      if (!framed.has(conn)) others.push(s.id);
      // As engine.io's own send: nothing more for a connection that is closing.
      else if (conn.readyState === 'open') conn.writeBuffer.push(packet);
    }
    // Sockets not held or not framed here (long-polling): socket.io as usual, by their own rooms (each socket's id).
    if (others.length) io.to(others).emit(event, ...args);
    return true;
  };
  try {
    publish(write);
  } finally {
    const joined = new Joiner();
    for (const conn of held) {
      const t = conn.transport;
      // Also when an earlier write's callback is still pending (engine.io would hold these packets until it
      // fires, after the answer): the TCP socket keeps writes in order, and each flush gets its own drain.
      t.writable = true;
      if (conn.readyState === 'closed' || conn.writeBuffer.length === 0) continue;
      if (framed.has(conn)) joined.collapse(conn);
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

/** socket.io-parser's EVENT packet type. */
const EVENT = 2 as Parameters<Server['encoder']['encode']>[0]['type'];

const connOf = (s: Socket) => (s as unknown as { conn?: EngineConn }).conn;

/** The connected sockets of these rooms, each once (as socket.io's adapter picks them); null: every socket. */
function recipients(io: Server, rooms: readonly string[] | null): Iterable<Socket> {
  if (rooms === null) return io.sockets.sockets.values();
  const all = io.sockets.sockets;
  if (rooms.length === 1) {
    const ids = io.sockets.adapter.rooms.get(rooms[0]!);
    return ids ? [...ids].flatMap((id) => all.get(id) ?? []) : [];
  }
  const seen = new Set<string>();
  const out: Socket[] = [];
  for (const room of rooms)
    for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const s = all.get(id);
      if (s) out.push(s);
    }
  return out;
}

/**
 * An engine.io message packet with its websocket frame (RFC 6455: FIN + text opcode, unmasked from a server, the
 * payload length in 7, 16 or 64 bits): "4" is engine.io's message type before socket.io's encoded text.
 */
export function framePacket(text: string): EnginePacket {
  const body = Buffer.from(`4${text}`);
  const n = body.length;
  let head: Buffer;
  if (n < 126) head = Buffer.from([0x81, n]);
  else if (n < 65_536) head = Buffer.from([0x81, 126, n >> 8, n & 0xff]);
  else {
    head = Buffer.alloc(10);
    head[0] = 0x81;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return { type: 'message', data: text, options: { wsPreEncodedFrame: [head, body], compress: true } };
}

/**
 * Joins the frames of the packets a socket holds into one pre-encoded packet, built once per distinct sequence of
 * frames in the batch. Frames are complete websocket messages, so the bytes on the wire are the same as sending
 * them one by one. Left as they are: a packet encoded for this socket only (a ping, an emit to one socket).
 */
class Joiner {
  private ids = new Map<Buffer[], number>();
  private built = new Map<string, EnginePacket>();

  collapse(conn: EngineConn): void {
    const packets = conn.writeBuffer;
    if (packets.length < 2) return;
    let key = '';
    for (const p of packets) {
      const frame = p.options?.wsPreEncodedFrame;
      if (!frame) return;
      let id = this.ids.get(frame);
      if (id === undefined) this.ids.set(frame, (id = this.ids.size));
      key += `${id},`;
    }
    let one = this.built.get(key);
    if (!one) {
      const bytes = Buffer.concat(packets.flatMap((p) => p.options!.wsPreEncodedFrame!));
      one = { type: 'message', options: { wsPreEncodedFrame: [bytes] } };
      this.built.set(key, one);
    }
    conn.writeBuffer = [one];
  }
}
