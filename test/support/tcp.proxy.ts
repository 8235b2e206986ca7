import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of the server, that a test can cut (every connection destroyed,
 * new ones refused), stall (nothing moves but nothing closes: an unplugged switch, TCP keeps the bytes),
 * restore, or set to drop answers (the request reaches the server, the connection dies as the first byte
 * of the answer comes back: the kiosk's worst case).
 */
export async function startProxy(targetPort: number) {
  type Mode = 'open' | 'cut' | 'stall' | 'drop-answers';
  let mode: Mode = 'open';
  const live = new Set<Socket>();
  const server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    live.add(client);
    live.add(upstream);
    const kill = () => {
      client.destroy();
      upstream.destroy();
      live.delete(client);
      live.delete(upstream);
    };
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      if (mode === 'drop-answers') kill();
      else client.write(d);
    });
    for (const s of [client, upstream]) {
      s.on('error', kill);
      s.on('close', kill);
      if (mode === 'stall') s.pause();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** Destroys every connection and refuses new ones until restore(). */
    cut(): void {
      mode = 'cut';
      for (const s of live) s.destroy();
      live.clear();
    },
    /** Stops reading on every connection, new ones too: bytes wait in the kernel's buffers, nothing closes. */
    stall(): void {
      mode = 'stall';
      for (const s of live) s.pause();
    },
    restore(): void {
      mode = 'open';
      for (const s of live) s.resume();
    },
    dropAnswers(): void {
      mode = 'drop-answers';
    },
    connections: () => live.size / 2,
    close(): Promise<void> {
      for (const s of live) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
