import { io, type Socket } from 'socket.io-client';

/** What a refused handshake gave the client: the message a screen shows, and the coded data. */
export interface Refusal {
  message: string;
  data: { code?: string; message?: string } | undefined;
}

export type Attempt = { ok: true; socket: Socket; events: [string, any][] } | { ok: false; refusal: Refusal };

/**
 * Real socket.io clients against a test server (websocket transport, so handshake headers such as Cookie
 * and Origin are sent as a browser would). Every socket opened is closed by closeAll().
 */
export function socketClients(url: () => string) {
  const open: Socket[] = [];

  /** Resolves once the server sent its snapshot (connected) or refused the handshake. */
  function attempt(auth: unknown, headers: Record<string, string> = {}): Promise<Attempt> {
    const s = io(url(), {
      auth: auth as Record<string, unknown>,
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: headers,
      forceNew: true,
    });
    open.push(s);
    const events: [string, any][] = [];
    s.onAny((n, p) => events.push([n, p]));
    return new Promise((res) => {
      s.once('state:snapshot', () => res({ ok: true, socket: s, events }));
      s.once('connect_error', (e: Error & { data?: Refusal['data'] }) =>
        res({ ok: false, refusal: { message: e.message, data: e.data } }),
      );
      // socket.io itself drops a connection whose handshake packet is not an object: the transport just closes.
      // (A refusal closes the transport too, just before connect_error: let connect_error win.)
      s.io.once('close', (reason) =>
        queueMicrotask(() => res({ ok: false, refusal: { message: `closed: ${reason}`, data: undefined } })),
      );
    });
  }

  async function connect(auth: unknown, headers: Record<string, string> = {}) {
    const a = await attempt(auth, headers);
    if (!a.ok) throw new Error(`refused: ${a.refusal.message}`);
    return a;
  }

  async function refused(auth: unknown, headers: Record<string, string> = {}): Promise<Refusal> {
    const a = await attempt(auth, headers);
    if (a.ok) throw new Error('the handshake was accepted');
    return a.refusal;
  }

  /** Resolves when the server closes this socket ('io server disconnect'), with the reason. */
  const closedByServer = (s: Socket) =>
    new Promise<string>((r) => {
      if (!s.connected) r('already');
      else s.once('disconnect', (reason) => r(reason));
    });

  /**
   * A round trip through the server: it answers any event that asks for an ack, so once this resolves the
   * server has handled everything this socket sent before, and what it sent back before has arrived (no sleeps).
   */
  const roundTrip = (s: Socket) => s.timeout(5000).emitWithAck('test:probe' as never) as Promise<unknown>;

  return {
    attempt,
    connect,
    refused,
    closedByServer,
    roundTrip,
    /** Closes every socket opened here and, given the server, waits until it has seen them go. */
    async closeAll(server?: { io: { sockets: { sockets: Map<string, unknown> } } }) {
      for (const s of open.splice(0)) s.close();
      for (let i = 0; server && server.io.sockets.sockets.size > 0 && i < 500; i++)
        await new Promise((r) => setTimeout(r, 10));
    },
  };
}
