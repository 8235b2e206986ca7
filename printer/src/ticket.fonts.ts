import { createRequire } from 'node:module';
// Before the canvas library: its allocator reads its settings when it loads (canvas.memory.ts).
import './canvas.memory.ts';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * Be Vietnam Pro ships as two subsets; we register each under its own family and always
 * ask for "latin, vietnamese" so every Vietnamese letter comes from the same design and
 * never silently from a system fallback font (which kiosks may not have).
 */
const LATIN = 'QTicket Latin';
const VIET = 'QTicket Vietnamese';
const WEIGHTS = [400, 500, 600, 700, 800] as const;
export type FontWeight = (typeof WEIGHTS)[number];

/** Idempotent: the registry is process-wide inside Skia, so we ask it instead of keeping a flag. */
export function ensureTicketFonts(): void {
  if (GlobalFonts.has(LATIN) && GlobalFonts.has(VIET)) return;
  const require = createRequire(import.meta.url);
  for (const [subset, family] of [
    ['latin', LATIN],
    ['vietnamese', VIET],
  ] as const) {
    for (const w of WEIGHTS) {
      const path = require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${w}-normal.woff2`);
      GlobalFonts.registerFromPath(path, family);
    }
  }
}

export function fontSpec(weight: FontWeight, sizePx: number): string {
  return `${weight} ${sizePx}px "${LATIN}", "${VIET}"`;
}
