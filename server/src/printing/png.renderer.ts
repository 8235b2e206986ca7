import { AppError } from '../contract/errors.ts';

/** Draws one ticket; the renderer only keys its cache by the JSON of what it is given. */
export type RenderPng<D, O> = (data: D, options: O) => Promise<Buffer>;

export interface PngRendererLimits {
  /** Renders waiting or running at once, server-wide; one more is refused (503 server.busy, Retry-After). */
  maxPending: number;
  /** Bytes of rendered PNGs kept (least recently used dropped first). */
  cacheBytes: number;
}

const PNG_LIMITS: PngRendererLimits = { maxPending: 10, cacheBytes: 4 * 1024 * 1024 };

/**
 * The ticket PNG without stalling the queue (issue #11, defect 16). Drawing a ticket is ~30 ms of synchronous
 * canvas work on the event loop, so renders run one at a time, each started from setImmediate: between two
 * renders the loop reads sockets again, and a clerk's call or a health check waits at most one render.
 * The result is cached by what the ticket prints (the whole print payload is the key), so a change of a
 * printed field (number, people ahead, estimate, center name…) is a new entry and a repeat costs nothing;
 * requests for the same payload while it renders share that render.
 */
export function createPngRenderer<D, O>(render: RenderPng<D, O>, limits: PngRendererLimits = PNG_LIMITS) {
  const cache = new Map<string, Buffer>();
  let cachedBytes = 0;
  const inflight = new Map<string, Promise<Buffer>>();
  const queue: (() => void)[] = [];
  let running = false;
  let pending = 0;

  function remember(key: string, png: Buffer): void {
    const size = png.length + key.length;
    if (size > limits.cacheBytes) return;
    cache.set(key, png);
    cachedBytes += size;
    for (const [k, v] of cache) {
      if (cachedBytes <= limits.cacheBytes) break;
      cache.delete(k);
      cachedBytes -= v.length + k.length;
    }
  }

  function pump(): void {
    if (running) return;
    const next = queue.shift();
    if (!next) return;
    running = true;
    setImmediate(next);
  }

  return {
    png(data: D, options: O): Promise<Buffer> {
      const key = JSON.stringify([data, options]);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key); // most recently used goes last
        cache.set(key, hit);
        return Promise.resolve(hit);
      }
      const same = inflight.get(key);
      if (same) return same;
      if (pending >= limits.maxPending) return Promise.reject(new AppError('server.busy'));
      pending++;
      const job = new Promise<Buffer>((resolve, reject) => {
        queue.push(() => {
          let out: Promise<Buffer>;
          try {
            out = render(data, options);
          } catch (e) {
            out = Promise.reject(e);
          }
          out
            .then((png) => {
              remember(key, png);
              resolve(png);
            }, reject)
            .finally(() => {
              running = false;
              pending--;
              inflight.delete(key);
              pump();
            });
        });
      });
      inflight.set(key, job);
      pump();
      return job;
    },
    stats: () => ({ pending, cached: cache.size, cachedBytes }),
  };
}
