import type { RasterImage } from '../printer.types.ts';

/**
 * A fake Star printer's reading of Star Line Mode bytes (STAR Line Mode Command Specifications): what each
 * command does to the paper, so a test can compare the printed image with the rendered ticket. Only the
 * commands a ticket needs are known; anything else (an Epson GS v 0, say) is reported as unknown rather than
 * skipped, because a real Star printer in Star mode would print it as garbage or ignore it.
 */
export type StarCommand =
  | { type: 'init' }
  /** ESC 0 (3 mm), ESC z 1 (4 mm): the amount one line feed moves the paper, in dots at 8 dots/mm. */
  | { type: 'lineSpacing'; dots: number }
  /** ESC k n1 n2: fine bit image, 24 rows of n1 + 256·n2 bytes each, row after row, MSB = leftmost dot. */
  | { type: 'image'; y: number; width: number; rows: number }
  /** LF, or VT (with no tab stops set it feeds one line). */
  | { type: 'feed'; dots: number }
  /** ESC d n: 0/1 cut here, 2/3 feed to the cutter first; even full, odd partial. */
  | { type: 'cut'; partial: boolean; feedFirst: boolean }
  | { type: 'align'; value: number }
  /** DLE EOT n: not Star, but our TCP transport's confirmation trailer; a Star printer ignores or answers it. */
  | { type: 'epsonStatus'; n: number }
  | { type: 'unknown'; at: number; byte: number };

export interface StarPaper {
  commands: StarCommand[];
  /** The paper as printed, from the first row to the last dot row reached. */
  image: RasterImage;
  /** The stream ended inside a command. */
  truncated: boolean;
}

const DOTS_PER_MM = 8;
/** Memory-switch default of most Star thermal printers (4 mm); a ticket sets its own spacing anyway. */
const DEFAULT_LINE_DOTS = 4 * DOTS_PER_MM;

/** What one command does, read at pos; null when the buffer ends inside it (the stream is still arriving). */
export function parseStarOne(
  buf: Uint8Array,
  pos: number,
): {
  cmd: StarCommand | { type: 'lineFeed' } | { type: 'bitImage'; bpr: number; data: Uint8Array };
  next: number;
} | null {
  const at = (i: number) => buf[pos + i] ?? 0;
  const need = (n: number) => pos + n <= buf.length;
  if (!need(1)) return null;
  const b = at(0);
  if (b === 0x0a || b === 0x0b) return { cmd: { type: 'lineFeed' }, next: pos + 1 };
  if (b === 0x10) {
    if (!need(3)) return null;
    if (at(1) === 0x04) return { cmd: { type: 'epsonStatus', n: at(2) }, next: pos + 3 };
  }
  if (b !== 0x1b) return { cmd: { type: 'unknown', at: pos, byte: b }, next: pos + 1 };
  if (!need(2)) return null;
  const c = at(1);
  if (c === 0x40) return { cmd: { type: 'init' }, next: pos + 2 };
  if (c === 0x30) return { cmd: { type: 'lineSpacing', dots: 3 * DOTS_PER_MM }, next: pos + 2 };
  if (c === 0x7a || c === 0x64) {
    if (!need(3)) return null;
    const n = at(2);
    if (c === 0x7a && (n === 1 || n === 0x31))
      return { cmd: { type: 'lineSpacing', dots: 4 * DOTS_PER_MM }, next: pos + 3 };
    if (c === 0x64 && (n <= 3 || (n >= 0x30 && n <= 0x33)))
      return { cmd: { type: 'cut', partial: (n & 1) === 1, feedFirst: (n & 3) >= 2 }, next: pos + 3 };
  }
  if (c === 0x1d) {
    if (!need(4)) return null;
    if (at(2) === 0x61) return { cmd: { type: 'align', value: at(3) }, next: pos + 4 };
  }
  if (c === 0x6b) {
    if (!need(4)) return null;
    const bpr = at(2) + at(3) * 256;
    const end = pos + 4 + bpr * 24;
    if (end > buf.length) return null;
    return { cmd: { type: 'bitImage', bpr, data: buf.subarray(pos + 4, end) }, next: end };
  }
  return { cmd: { type: 'unknown', at: pos, byte: b }, next: pos + 1 };
}

export function decodeStarLine(buf: Uint8Array): StarPaper {
  const commands: StarCommand[] = [];
  const rows: Uint8Array[] = [];
  let width = 0;
  let y = 0;
  let lineDots = DEFAULT_LINE_DOTS;
  let pos = 0;
  for (;;) {
    const r = parseStarOne(buf, pos);
    if (!r) break;
    pos = r.next;
    const cmd = r.cmd;
    if (cmd.type === 'lineFeed') {
      y += lineDots;
      commands.push({ type: 'feed', dots: lineDots });
    } else if (cmd.type === 'bitImage') {
      width = Math.max(width, cmd.bpr * 8);
      for (let row = 0; row < 24; row++) {
        const line = new Uint8Array(Math.max(cmd.bpr, rows[y + row]?.length ?? 0));
        line.set(rows[y + row] ?? []);
        for (let i = 0; i < cmd.bpr; i++) line[i]! |= cmd.data[row * cmd.bpr + i] ?? 0;
        rows[y + row] = line;
      }
      commands.push({ type: 'image', y, width: cmd.bpr * 8, rows: 24 });
    } else {
      if (cmd.type === 'lineSpacing') lineDots = cmd.dots;
      commands.push(cmd);
    }
  }
  const bpr = Math.ceil(width / 8);
  const bits = new Uint8Array(bpr * rows.length);
  rows.forEach((row, i) => bits.set(row.subarray(0, bpr), i * bpr));
  return { commands, image: { width, height: rows.length, bits }, truncated: pos < buf.length };
}
