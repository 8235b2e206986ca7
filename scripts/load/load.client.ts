import { performance } from 'node:perf_hooks';

/**
 * HTTP for the load generator, with the "park" gate a crash test uses: when the server goes away
 * (a connection error, or a socket dropping), every worker waits at the gate until the test says
 * "resume", so the test can look at the restarted server while nothing moves.
 */
export class Gate {
  parked = false;
  parkedMs = 0;
  private since = 0;
  private waiters: (() => void)[] = [];
  onPark: () => void = () => {};
  constructor(readonly enabled: boolean) {}

  park(): void {
    if (!this.enabled || this.parked) return;
    this.parked = true;
    this.since = performance.now();
    this.onPark();
  }
  open(): void {
    if (!this.parked) return;
    this.parked = false;
    this.parkedMs += performance.now() - this.since;
    for (const w of this.waiters.splice(0)) w();
  }
  wait(): Promise<void> {
    return this.parked ? new Promise((r) => this.waiters.push(r)) : Promise.resolve();
  }
}

/** The request may or may not have reached the server: the caller must find out, not retry blindly. */
export class LostAnswer extends Error {}

export interface Answer {
  status: number;
  body: any;
}

export function client(url: string, gate: Gate) {
  let inflight = 0;
  let idle: (() => void) | null = null;
  async function once(method: string, path: string, body: unknown, token: string | undefined): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    inflight++;
    try {
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      let json: any = text;
      try {
        json = JSON.parse(text);
      } catch {
        /* keep the text */
      }
      return { status: res.status, body: json };
    } finally {
      if (--inflight === 0 && idle) {
        const f = idle;
        idle = null;
        f();
      }
    }
  }
  return {
    /**
     * Sends once the gate is open. `retry` (reads, and issues carrying an idempotency key) is sent again after
     * a lost connection; anything else throws LostAnswer, since repeating a call-next could skip a citizen.
     */
    async send(
      method: string,
      path: string,
      body?: unknown,
      token?: string,
      retry = method === 'GET',
    ): Promise<Answer & { ms: number; retried: boolean }> {
      let retried = false;
      for (let attempt = 0; attempt < 50; attempt++) {
        await gate.wait();
        const t0 = performance.now();
        try {
          const a = await once(method, path, body, token);
          // While the server restarts it may answer 503 for a moment: treat it like a lost connection.
          if (a.status === 503 && gate.enabled) throw new Error('unavailable');
          return { ...a, ms: performance.now() - t0, retried };
        } catch (e) {
          if (!gate.enabled) throw e;
          gate.park();
          if (!retry) {
            await gate.wait();
            throw new LostAnswer(String(e));
          }
          retried = true;
        }
      }
      throw new Error(`gave up on ${method} ${path}`);
    },
    /** Resolves when no request is in flight (the crash test reports only settled knowledge). */
    settled(): Promise<void> {
      return inflight === 0
        ? Promise.resolve()
        : new Promise((r) => {
            idle = r;
          });
    },
  };
}

export type LoadClient = ReturnType<typeof client>;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
