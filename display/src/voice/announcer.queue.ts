/**
 * Says calls one after another: a new call waits for the one playing (never cuts it off),
 * the same call event is said once, and a backlog is capped with every drop logged.
 *
 * Source order for each call: the voice pack when it can say every word → the browser's
 * local Vietnamese voice (after the chime) → what the pack can say, or the chime alone.
 */
import type { Announcement } from './announcement.clips.ts';
import { CHIME } from './clip.names.ts';

/** The part of a `ticket:called` event the announcer needs. */
export interface CallEvent {
  ticket: { id: string; number: string };
  counter: { id?: string; number: number | string };
  recall?: boolean;
  at: string;
}

export interface ClipPlayer {
  /** Plays the clips back to back; resolves when the last one has ended. */
  play(clips: readonly string[]): Promise<void>;
  /** False when these clips cannot be played from the pack (not loaded, missing); absent = always. */
  canPlay?(clips: readonly string[]): boolean;
  /** Resolves once the pack has loaded or failed; the announcer waits for it before choosing a source. */
  ready?(): Promise<void>;
  /** Silences whatever is playing; used only when playing hangs past the timeout. */
  stop?(): void;
}

export interface SpeechFallback {
  canSpeak(): boolean;
  /** Says the text `repeat` times; resolves when done. */
  speak(text: string, repeat: number): Promise<void>;
  /** Silences speech; used only when speaking hangs past the timeout. */
  cancel?(): void;
}

export interface AnnouncerLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AnnouncerOptions {
  /** Builds clips and text for a call from the center's settings and the pack's clips. */
  build(event: CallEvent): Announcement;
  player: ClipPlayer;
  speech?: SpeechFallback;
  logger: AnnouncerLogger;
  timers?: Timers;
  /** Calls waiting behind the one playing before the oldest is dropped (default 20). */
  maxPending?: number;
  /** A call still playing after this is abandoned so the queue moves on (default 60 s). */
  timeoutMs?: number;
  /** How many past call events are remembered for de-duplication (default 1000). */
  rememberEvents?: number;
}

export type AnnounceResult = 'queued' | 'duplicate' | 'coalesced' | 'invalid' | 'disposed';

export interface Announcer {
  /** Queues a call; never throws. */
  announce(event: CallEvent): AnnounceResult;
  /** Remembers a call without saying it (calls already on screen when the display starts). */
  markSeen(event: CallEvent): void;
  readonly pending: number;
  readonly playing: boolean;
  /** Resolves when nothing is playing or waiting. */
  idle(): Promise<void>;
  /** Drops what is waiting and refuses new calls; the call playing finishes. */
  dispose(): void;
}

interface Entry {
  event: CallEvent;
  key: string;
}

const counterKey = (e: CallEvent) => e.counter.id ?? `#${e.counter.number}`;
const eventKey = (e: CallEvent) => `${e.ticket.id}|${counterKey(e)}|${e.at}`;
const describe = (e: CallEvent) => ({
  ticket: e.ticket.number,
  counter: e.counter.number,
  recall: e.recall === true,
  at: e.at,
});

function isCallEvent(e: unknown): e is CallEvent {
  const c = e as CallEvent | null;
  return (
    typeof c?.ticket?.id === 'string' &&
    typeof c.ticket.number === 'string' &&
    /^[0-9]+$/.test(c.ticket.number.trim()) &&
    (typeof c.counter?.number === 'number' || typeof c.counter?.number === 'string') &&
    typeof c.at === 'string'
  );
}

export function createAnnouncer(opts: AnnouncerOptions): Announcer {
  const timers: Timers = opts.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  };
  const maxPending = Math.max(1, opts.maxPending ?? 20);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const rememberMax = Math.max(1, opts.rememberEvents ?? 1000);
  const { logger } = opts;

  const queue: Entry[] = [];
  const seen = new Set<string>();
  const seenOrder: string[] = [];
  let current: Entry | null = null;
  let running = false;
  let disposed = false;
  let idleWaiters: Array<() => void> = [];

  function remember(key: string): void {
    seen.add(key);
    seenOrder.push(key);
    while (seenOrder.length > rememberMax) seen.delete(seenOrder.shift() as string);
  }

  /** Over the cap: an older call at a counter that has already called again goes first, then a recall, then the oldest. */
  function pickVictim(): number {
    const superseded = queue.findIndex((e, i) =>
      queue.slice(i + 1).some((later) => counterKey(later.event) === counterKey(e.event)),
    );
    if (superseded >= 0) return superseded;
    const recall = queue.findIndex((e) => e.event.recall === true);
    return recall >= 0 ? recall : 0;
  }

  function enforceCap(): void {
    while (queue.length > maxPending) {
      const i = pickVictim();
      const [dropped] = queue.splice(i, 1);
      if (dropped)
        logger.warn('announcement dropped: too many calls waiting', { ...describe(dropped.event), maxPending });
    }
  }

  async function withTimeout(work: Promise<void>, what: string, onTimeout = () => opts.player.stop?.()): Promise<void> {
    let handle: unknown;
    const timeout = new Promise<'timeout'>((resolve) => {
      handle = timers.setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const result = await Promise.race([work.then(() => 'done' as const), timeout]);
      if (result === 'timeout') {
        logger.warn(`${what} did not finish in time; moving on`, { timeoutMs });
        onTimeout();
      }
    } finally {
      timers.clearTimeout(handle);
    }
  }

  async function say(event: CallEvent): Promise<void> {
    if (opts.player.ready) await withTimeout(opts.player.ready(), 'voice pack loading', () => undefined);
    const a = opts.build(event);
    const canPlay = (clips: readonly string[]) => opts.player.canPlay?.(clips) ?? true;
    if (a.missing.length === 0 && canPlay(a.clips)) {
      await withTimeout(opts.player.play(a.clips), 'voice pack');
      return;
    }
    if (opts.speech?.canSpeak()) {
      logger.info('voice pack incomplete; using the browser voice', { missing: a.missing });
      await withTimeout(
        opts.player.play([CHIME]).catch((err: unknown) => logger.warn('chime failed', { error: String(err) })),
        'chime',
      );
      const speech = opts.speech;
      await withTimeout(speech.speak(a.text, a.repeat), 'speech', () => speech.cancel?.());
      return;
    }
    const saysWords = a.clips.some((c) => c !== CHIME && c !== 'pause');
    if (saysWords && canPlay(a.clips)) {
      logger.warn('voice pack incomplete and no browser voice; playing what the pack has', { missing: a.missing });
      await withTimeout(opts.player.play(a.clips), 'voice pack');
    } else {
      logger.warn('no voice available; chime only', { ...describe(event), missing: a.missing });
      await withTimeout(opts.player.play([CHIME]), 'chime');
    }
  }

  async function pump(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      current = queue.shift() as Entry;
      try {
        await say(current.event);
      } catch (err) {
        // One broken call must not silence the ones behind it.
        logger.warn('announcement failed', { ...describe(current.event), error: String(err) });
      }
      current = null;
    }
    running = false;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  return {
    announce(event) {
      if (disposed) return 'disposed';
      if (!isCallEvent(event)) {
        logger.warn('announcement ignored: malformed call event', { event: JSON.stringify(event) });
        return 'invalid';
      }
      const key = eventKey(event);
      if (seen.has(key)) return 'duplicate';
      remember(key);
      if (event.recall === true) {
        const waiting = queue.some(
          (e) => e.event.ticket.id === event.ticket.id && counterKey(e.event) === counterKey(event),
        );
        if (waiting) {
          logger.info('recall merged with the same call still waiting', describe(event));
          return 'coalesced';
        }
      }
      queue.push({ event, key });
      enforceCap();
      if (!running) void pump();
      return 'queued';
    },
    markSeen(event) {
      if (isCallEvent(event)) remember(eventKey(event));
    },
    get pending() {
      return queue.length;
    },
    get playing() {
      return current !== null;
    },
    idle() {
      if (current === null && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    dispose() {
      disposed = true;
      if (queue.length > 0)
        logger.info('announcer disposed; calls not said', { dropped: queue.map((e) => e.event.ticket.number) });
      queue.length = 0;
    },
  };
}
