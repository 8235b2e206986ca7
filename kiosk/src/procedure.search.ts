import type { ProcedureDto } from '@contract/dto';

export type SearchStatus = 'idle' | 'loading' | 'done' | 'error';
export interface SearchResult {
  query: string;
  status: SearchStatus;
  items: ProcedureDto[];
}

/** When to run something later; the browser's timers by default, a hand-driven one in tests. */
export interface Scheduler {
  after(ms: number, fn: () => void): () => void;
}
export const browserScheduler: Scheduler = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export const SEARCH_LIMIT = 8;
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * Results as the citizen types: each key restarts a short wait (no request per letter of a fast typist), and an
 * answer that arrives after a newer query was typed is dropped, so the list never shows what was typed before.
 */
export function createProcedureSearch(opts: {
  fetch: (q: string) => Promise<ProcedureDto[]>;
  onResult: (r: SearchResult) => void;
  debounceMs?: number;
  schedule?: Scheduler;
}) {
  const schedule = opts.schedule ?? browserScheduler;
  let seq = 0;
  let cancel: (() => void) | null = null;
  return {
    query(raw: string): void {
      const q = raw.trim();
      const mine = ++seq;
      cancel?.();
      cancel = null;
      if (!q) {
        opts.onResult({ query: raw, status: 'idle', items: [] });
        return;
      }
      opts.onResult({ query: raw, status: 'loading', items: [] });
      cancel = schedule.after(opts.debounceMs ?? SEARCH_DEBOUNCE_MS, () => {
        opts.fetch(q).then(
          (items) => {
            if (mine === seq) opts.onResult({ query: raw, status: 'done', items: items.slice(0, SEARCH_LIMIT) });
          },
          () => {
            if (mine === seq) opts.onResult({ query: raw, status: 'error', items: [] });
          },
        );
      });
    },
    dispose(): void {
      seq++;
      cancel?.();
    },
  };
}
