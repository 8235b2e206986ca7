import { useEffect, useRef } from 'preact/hooks';
import { classifyScan, createScanBuffer, type Scan } from './scanner.buffer.ts';

/** One function for every render: a new one would restart the listener, and its buffer, in the middle of a scan. */
const monotonicNow = () => performance.now();

const editable = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');

/**
 * Listens for the USB scanner on every screen (window, capture phase). The kiosk is touch-only, so Enter and Space
 * never press the button that kept the focus after a tap: a scanner's Enter (or the spaces in a card's name) would
 * otherwise take a ticket. A real text field, if a screen ever has one, keeps its keys.
 */
export function useScanner(onScan: (scan: Scan) => void, now: () => number = monotonicNow) {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    const buffer = createScanBuffer();
    const down = (e: KeyboardEvent) => {
      if (editable(e.target)) return;
      if (e.key === 'Enter' || e.key === ' ') e.preventDefault();
      const text = buffer.key(e.key, now());
      if (text !== null) handler.current(classifyScan(text));
    };
    const up = (e: KeyboardEvent) => {
      if (!editable(e.target) && (e.key === ' ' || e.key === 'Enter')) e.preventDefault();
    };
    window.addEventListener('keydown', down, true);
    window.addEventListener('keyup', up, true);
    return () => {
      window.removeEventListener('keydown', down, true);
      window.removeEventListener('keyup', up, true);
    };
  }, [now]);
}
