import { z } from 'zod';

/**
 * Bounds for free-form JSON (a device's settings, anything typed `unknown`). Without them a value
 * nested a few thousand levels deep overflows the stack in JSON.stringify (audit log, storage) and
 * answers 500; a wide one fills the database. Every check here is iterative, so measuring a hostile
 * value cannot overflow either.
 */
export interface JsonBounds {
  /** Levels of objects/arrays: `{}` is depth 1, `{"a": []}` depth 2. */
  maxDepth: number;
  /** Values in total (every object, array, string, number, boolean, null). */
  maxNodes: number;
  /** Characters of any one string or key. */
  maxString: number;
  /** Size of the value written as JSON, in characters. */
  maxBytes: number;
}

export const FREE_FORM_BOUNDS: JsonBounds = { maxDepth: 8, maxNodes: 1000, maxString: 2000, maxBytes: 16 * 1024 };
/** A whole settings document (PATCH /api/settings, the `center` of an import): typed field by field afterwards. */
export const DOCUMENT_BOUNDS: JsonBounds = { maxDepth: 8, maxNodes: 5000, maxString: 2000, maxBytes: 64 * 1024 };

/** Depth any JSON body may have before it is parsed; real bodies stay under 10. */
export const MAX_BODY_DEPTH = 32;

/** Why a value is out of bounds (Vietnamese, shown to the admin), or null when it fits. */
export function jsonBoundsProblem(value: unknown, b: JsonBounds = FREE_FORM_BOUNDS): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  let bytes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > b.maxNodes) return `quá nhiều phần tử (tối đa ${b.maxNodes})`;
    if (v === null || typeof v === 'boolean') bytes += 5;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'số không hợp lệ';
      bytes += String(v).length;
    } else if (typeof v === 'string') {
      if (v.length > b.maxString) return `chuỗi quá dài (tối đa ${b.maxString} ký tự)`;
      bytes += v.length + 2;
    } else if (typeof v === 'object') {
      if (depth + 1 > b.maxDepth) return `lồng nhau quá sâu (tối đa ${b.maxDepth} mức)`;
      bytes += 2;
      if (Array.isArray(v)) {
        if (v.length > b.maxNodes) return `quá nhiều phần tử (tối đa ${b.maxNodes})`;
        for (const x of v) stack.push([x, depth + 1]);
        bytes += v.length;
      } else {
        const entries = Object.entries(v as Record<string, unknown>);
        if (entries.length > b.maxNodes) return `quá nhiều phần tử (tối đa ${b.maxNodes})`;
        for (const [k, x] of entries) {
          if (k.length > b.maxString) return `tên trường quá dài (tối đa ${b.maxString} ký tự)`;
          bytes += k.length + 4;
          stack.push([x, depth + 1]);
        }
      }
    } else return 'giá trị không phải JSON';
    if (bytes > b.maxBytes) return `quá lớn (tối đa ${Math.round(b.maxBytes / 1024)} KB)`;
  }
  return null;
}

const refineBounds = (b: JsonBounds) => (v: unknown, ctx: z.RefinementCtx) => {
  const why = jsonBoundsProblem(v, b);
  if (why) ctx.addIssue({ code: 'custom', message: `Dữ liệu tự do ${why}.` });
};

/** Any JSON value, within the bounds. The one schema for every `unknown` a client may send. */
export const boundedJson = (b: JsonBounds = FREE_FORM_BOUNDS) => z.unknown().superRefine(refineBounds(b));

/** A JSON object of free-form values (device settings, a settings document), within the bounds. */
export const boundedRecord = (b: JsonBounds = FREE_FORM_BOUNDS) =>
  z.record(z.string().max(b.maxString), z.unknown()).superRefine(refineBounds(b));

/**
 * How deep a JSON text nests, read without parsing (strings skipped), stopping as soon as `max` is
 * passed: a body of 100 000 "[" is refused before JSON.parse or anything after it sees it.
 */
export function jsonTextTooDeep(text: string, max = MAX_BODY_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > max) return true;
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth--;
  }
  return false;
}
