/**
 * The simulated day's agenda: what happens next, in time order (a binary heap). Two things at the same
 * millisecond happen in the order they were planned, so a run is the same every time.
 */
interface Entry {
  at: number;
  order: number;
  fn: () => void;
}

export class Agenda {
  private heap: Entry[] = [];
  private planned = 0;

  get size(): number {
    return this.heap.length;
  }

  at(at: number, fn: () => void): void {
    const e = { at: Math.round(at), order: this.planned++, fn };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** The earliest entry, removed; undefined when the day is over. */
  take(): { at: number; fn: () => void } | undefined {
    const h = this.heap;
    const top = h[0];
    if (!top) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.order < b.order);
