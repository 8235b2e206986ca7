/**
 * A USB 2D scanner is a keyboard ("keyboard wedge"): it types what it read, a few milliseconds a key, then Enter.
 * The kiosk has no physical keyboard, so keys that come that fast and end in Enter are a scan, on any screen.
 * A key after a longer gap starts a new read (a stray key press is never glued to the next scan).
 */
export interface ScanBufferOptions {
  /** Scanners type a key every 2–20 ms; people need over 80. */
  maxGapMs?: number;
  /** Shorter than any booking code (8) or ID number (12): a lone Enter or two keys are not a scan. */
  minLength?: number;
  /** A card's QR is about 100–150 characters; a runaway beyond this is dropped. */
  maxLength?: number;
}

export function createScanBuffer(opts: ScanBufferOptions = {}) {
  const maxGap = opts.maxGapMs ?? 100;
  const min = opts.minLength ?? 6;
  const max = opts.maxLength ?? 600;
  let text = '';
  let last = -Infinity;
  return {
    /** One key (KeyboardEvent.key) at `at` ms: the scanned text when this key ends a scan, otherwise null. */
    key(key: string, at: number): string | null {
      const gap = at - last;
      last = at;
      if (key === 'Enter') {
        const done = gap <= maxGap && text.length >= min ? text : null;
        text = '';
        return done;
      }
      // Shift, Alt and the like come with every capital letter: they neither add nor break a read.
      if (key.length !== 1) return null;
      if (gap > maxGap) text = '';
      text = text.length < max ? text + key : text;
      return null;
    },
    /** Whether a read is under way (its Enter must not press the button that has the focus). */
    busy(at: number): boolean {
      return text.length > 0 && at - last <= maxGap;
    },
  };
}

export type Scan =
  | { kind: 'booking'; code: string }
  | { kind: 'card'; qr: string }
  | { kind: 'id'; citizenId: string }
  | { kind: 'unknown' };

/**
 * What was scanned. A card's QR is `|`-separated and starts with the 12-digit ID (newer cards add fields); a
 * booking's QR holds its 8-letter code (or a link ending in `code=…`, read the same); 12 digits alone are an ID.
 * Scanners with Caps Lock on type the code in lower case: it is read in upper case.
 */
export function classifyScan(raw: string): Scan {
  const text = raw.trim();
  if (text.includes('|')) return /^\d{12}\|/.test(text) ? { kind: 'card', qr: text } : { kind: 'unknown' };
  if (/^\d{12}$/.test(text)) return { kind: 'id', citizenId: text };
  const fromLink = /[?&]code=([0-9a-z]{8})\b/i.exec(text);
  const code = (fromLink?.[1] ?? text).toUpperCase();
  return /^[0-9A-Z]{8}$/.test(code) ? { kind: 'booking', code } : { kind: 'unknown' };
}
