import { deadline } from './deadline.signal.ts';
import { createHash } from 'node:crypto';
import type { OutboxStore } from './outbox.store.ts';

/**
 * Pushes the outbox to the province hub (wire protocol: docs/province.md). It runs on its own timer, never on a
 * request's path: a hub that is down, slow or wrong costs the queue nothing — every fetch has a timeout, every
 * failure (network, HTTP, the center's own storage) only moves the next try further out (exponential backoff with
 * jitter, capped), and the outbox keeps everything until the hub acknowledges it.
 */

export interface LinkConfig {
  url: string;
  token: string;
}
export type LinkState = 'off' | 'ok' | 'retrying';
export interface SenderStatus {
  state: LinkState;
  lastError: string | null;
  /** When the hub last acknowledged (ms), from SQLite: survives restarts. */
  lastAckAt: number | null;
  pending: number;
  /** Age in seconds of the oldest line the hub has not acknowledged (0 when none). */
  lagSec: number;
}
export type CycleResult = 'off' | 'idle' | 'sent' | 'more' | 'failed';

export interface SenderOptions {
  store: OutboxStore;
  now: () => number;
  config: () => LinkConfig | null;
  fetch?: typeof fetch;
  /** Applies the province catalogue's rows; throws to be asked again at the next answer. */
  applyCatalog?: (rows: unknown[]) => void;
  log?: (level: 'info' | 'warn', msg: string, data?: Record<string, unknown>) => void;
  batchSize?: number;
  timeoutMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
}

/** Thrown inside a cycle: what the admin's link screen shows. */
class LinkError extends Error {}

/** fetch's "fetch failed" hides the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) in its cause. */
const causeOf = (e: unknown): string => {
  const c = (e as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const what = c?.code ?? c?.message;
  return what ? `: ${String(what)}` : '';
};

export function linkKey(c: LinkConfig): string {
  return createHash('sha256').update(`${c.url}\n${c.token}`).digest('hex');
}

export function createProvinceSender(o: SenderOptions) {
  const doFetch = o.fetch ?? fetch;
  const heartbeatMs = o.heartbeatMs ?? 15_000;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const pollMs = o.pollMs ?? 1000;
  const base = o.backoffBaseMs ?? 1000;
  const cap = o.backoffCapMs ?? 60_000;
  const random = o.random ?? Math.random;
  let batchSize = o.batchSize ?? 500;
  let state: LinkState = 'off';
  let lastError: string | null = null;
  let failures = 0;
  let gaps = 0;
  let lastContactAt = -Infinity;
  /** The key of the hub the catalogue was queued for since this start (the first push always carries it). */
  let catalogFor: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<CycleResult> | null = null;
  let stopped = true;
  let halt = new AbortController();

  /** Exponential, capped, with jitter (half fixed, half random) so 130 centers do not all come back at once. */
  const backoffMs = (n: number) => {
    const d = Math.min(cap, base * 2 ** Math.max(0, n - 1));
    return Math.round(d / 2 + (random() * d) / 2);
  };

  /** A request to the hub and its JSON body (`wanted` statuses; others discarded) in one deadline, then released. */
  async function exchange(
    cfg: LinkConfig,
    path: string,
    init: RequestInit,
    wanted: (status: number) => boolean = () => true,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    // A stop (SIGTERM) does not wait for a hub that never answers.
    const limit = deadline(timeoutMs, halt.signal);
    try {
      const res = await doFetch(`${cfg.url.replace(/\/+$/, '')}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${cfg.token}`, 'content-type': 'application/json' },
        signal: limit.signal,
      });
      if (wanted(res.status)) return { status: res.status, body: await readJson(res) };
      await res.body?.cancel();
      return { status: res.status, body: {} };
    } catch (e) {
      const name = (e as Error)?.name;
      throw new LinkError(
        name === 'TimeoutError' || name === 'AbortError'
          ? `Máy chủ tỉnh không trả lời sau ${timeoutMs / 1000} giây (timeout)`
          : `Không kết nối được máy chủ tỉnh (${(e as Error)?.message ?? String(e)}${causeOf(e)})`,
      );
    } finally {
      limit.release();
    }
  }

  async function readJson(res: Response): Promise<Record<string, unknown>> {
    try {
      const v = (await res.json()) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  async function pullCatalog(cfg: LinkConfig, version: string, applied: string | null): Promise<void> {
    const q = applied === null ? '' : `?since=${encodeURIComponent(applied)}`;
    const res = await exchange(cfg, `/api/province/catalog${q}`, { method: 'GET' }, (status) => status === 200);
    if (res.status !== 200) throw new LinkError(`Không tải được danh mục thủ tục của tỉnh (HTTP ${res.status})`);
    const body = res.body;
    const v = body.version === undefined || body.version === null ? version : String(body.version);
    if (body.unchanged !== true) {
      if (!Array.isArray(body.procedures)) throw new LinkError('Danh mục thủ tục của tỉnh không đúng định dạng');
      o.applyCatalog?.(body.procedures);
    }
    o.store.setCatalogVersion(v);
    o.log?.('info', 'Đã áp dụng danh mục thủ tục của tỉnh (province catalogue applied)', { version: v });
  }

  async function cycleOnce(): Promise<CycleResult> {
    const cfg = o.config();
    if (!cfg) {
      try {
        o.store.disable();
      } catch {
        /* a storage fault: asked again at the next poll; a center without a hub has nothing to report */
      }
      state = 'off';
      lastError = null;
      catalogFor = null;
      return 'off';
    }
    const key = linkKey(cfg);
    if (o.store.enable(key)) o.log?.('info', 'Bắt đầu gửi dữ liệu lên máy chủ tỉnh (province feed started)');
    const now = o.now();
    o.store.queueCatalog(now, catalogFor !== key);
    catalogFor = key;
    const st = o.store.state();
    const fromSeq = st.ackSeq + 1;
    // While the hub is unreachable, each try is an empty batch (a heartbeat): a failed try costs the event loop
    // no payload building; the lines go in the next cycle, once the hub answered.
    const probing = state !== 'ok';
    const items = probing ? [] : o.store.batch(fromSeq, batchSize);
    if (items.length === 0 && now - lastContactAt < heartbeatMs && state === 'ok') return 'idle';
    const last = items.length ? items[items.length - 1]!.seq : st.ackSeq;
    const body = { center: { sentAt: now, oldestPendingAt: o.store.oldestAfter(last) }, fromSeq, items };
    const res = await exchange(cfg, '/api/province/feed', { method: 'POST', body: JSON.stringify(body) });
    lastContactAt = now;
    const answer = res.body;
    const ackSeq = typeof answer.ackSeq === 'number' && Number.isInteger(answer.ackSeq) ? answer.ackSeq : null;
    if (res.status === 409 && ackSeq !== null && ackSeq >= 0) {
      settle(cfg, ackSeq, o.now());
      lastError = `Máy chủ tỉnh báo thiếu dữ liệu, gửi lại từ vị trí ${ackSeq + 1} (feed gap)`;
      // Resent at once; a hub that keeps answering a gap is backed off like any other failure.
      if (++gaps > 3) throw new LinkError(lastError);
      return 'more';
    }
    gaps = 0;
    if (res.status === 401) throw new LinkError('Máy chủ tỉnh từ chối mã kết nối của trung tâm (province.bad_token)');
    if (res.status === 413 && batchSize > 1) {
      batchSize = Math.max(1, Math.floor(batchSize / 2)); // a batch too large for the hub: smaller ones next
      throw new LinkError(`Lô dữ liệu quá lớn, giảm còn ${batchSize} mục (HTTP 413)`);
    }
    if (res.status !== 200 || ackSeq === null) throw new LinkError(`Máy chủ tỉnh trả lời HTTP ${res.status}`);
    settle(cfg, ackSeq, o.now());
    if (state === 'retrying') o.log?.('info', 'Đã kết nối lại máy chủ tỉnh (province link back)', { ackSeq });
    state = 'ok';
    lastError = null;
    failures = 0;
    const version = answer.catalogVersion;
    if (version !== undefined && version !== null && String(version) !== (st.catalogVersion ?? '')) {
      try {
        await pullCatalog(cfg, String(version), st.catalogVersion);
      } catch (e) {
        // The feed itself went through: the catalogue is asked for again with the next answer.
        lastError = e instanceof Error ? e.message : String(e);
        o.log?.('warn', 'Chưa áp dụng được danh mục thủ tục của tỉnh, sẽ thử lại', { error: lastError });
      }
    }
    if (probing) return o.store.firstSeq() !== null ? 'more' : 'idle';
    return items.length >= batchSize ? 'more' : items.length ? 'sent' : 'idle';
  }

  /** What the hub says it holds decides what stays: prune up to it, or start over when it knows less or more. */
  function settle(cfg: LinkConfig, ackSeq: number, now: number): void {
    const first = o.store.firstSeq();
    const st = o.store.state();
    const highest = Math.max(st.ackSeq, o.store.highestSeq());
    if (ackSeq > highest || (first !== null && ackSeq + 1 < first) || (first === null && ackSeq < st.ackSeq)) {
      // The hub is ahead of every seq we made (our database came from an older backup) or behind what we pruned
      // (its database did): number the whole history again after its position, it applies repeats as no change.
      o.log?.('warn', 'Vị trí của máy chủ tỉnh khác với trung tâm: gửi lại toàn bộ lịch sử (feed restarted)', {
        hubAckSeq: ackSeq,
        centerAckSeq: st.ackSeq,
      });
      o.store.restartAfter(ackSeq, now);
      catalogFor = null;
      void cfg;
      return;
    }
    o.store.acknowledge(ackSeq, now);
  }

  /** One cycle at a time: the loop's and a caller's (tests, a kick) never push the same lines side by side. */
  let chain: Promise<CycleResult> = Promise.resolve('idle');
  function cycle(): Promise<CycleResult> {
    chain = chain.then(guarded, guarded);
    return chain;
  }
  async function guarded(): Promise<CycleResult> {
    try {
      return await cycleOnce();
    } catch (e) {
      // Network, HTTP or the center's own storage (disk full, locked): never thrown out of here.
      failures++;
      lastError = e instanceof Error ? e.message : String(e);
      if (!(e instanceof LinkError)) lastError = `Lỗi phía trung tâm: ${lastError}`;
      // Logged when the link goes down, not at every try (a day offline would fill the log).
      if (state !== 'retrying')
        o.log?.('warn', 'Chưa gửi được dữ liệu lên máy chủ tỉnh, sẽ thử lại', { error: lastError });
      state = 'retrying';
      return 'failed';
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    timer = setTimeout(loop, ms);
    timer.unref?.();
  }
  function loop(): void {
    timer = null;
    running = cycle();
    void running.then((r) => {
      running = null;
      schedule(r === 'more' ? 0 : r === 'failed' ? backoffMs(failures) : r === 'off' ? pollMs * 5 : pollMs);
    });
  }

  return {
    /** One push (or heartbeat); what the loop runs. Tests call it directly. */
    cycle,
    backoffMs,
    start(): void {
      if (!stopped) return;
      stopped = false;
      halt = new AbortController();
      schedule(0);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      halt.abort();
      await running;
    },
    status(): SenderStatus {
      if (!o.config()) return { state: 'off', lastError: null, lastAckAt: null, pending: 0, lagSec: 0 };
      try {
        const p = o.store.pending();
        const st = o.store.state();
        return {
          state: state === 'off' ? 'retrying' : state,
          lastError,
          lastAckAt: st.ackedAt,
          pending: p.count,
          lagSec: p.oldestAt === null ? 0 : Math.max(0, Math.round((o.now() - p.oldestAt) / 1000)),
        };
      } catch (e) {
        return { state: 'retrying', lastError: String(e), lastAckAt: null, pending: 0, lagSec: 0 };
      }
    },
    get failures() {
      return failures;
    },
  };
}

export type ProvinceSender = ReturnType<typeof createProvinceSender>;
