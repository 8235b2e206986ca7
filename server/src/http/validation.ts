import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../contract/errors.ts';
import { jsonTextTooDeep } from '../contract/json.bounds.ts';

/** Reads a JSON body: malformed → 400, wrong shape → 422 with the fields at fault. */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  opts: { optional?: boolean } = {},
): Promise<z.infer<S>> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim() !== '') {
    // Depth is read before parsing: nothing after this line ever walks a body nested thousands deep.
    if (jsonTextTooDeep(text)) throw new AppError('request.too_deep');
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('request.malformed_json');
    }
  } else if (!opts.optional) {
    raw = undefined;
  }
  return parseWith(schema, raw);
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const fields = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const where = fields
      .map((f) => f.path)
      .filter(Boolean)
      .join(', ');
    throw new AppError('request.invalid', `Dữ liệu gửi lên không hợp lệ${where ? ` (${where})` : ''}.`, fields);
  }
  return r.data;
}

/** Path ids are opaque strings; anything absurd is treated as unknown. */
export function pathId(c: Context, name: string): string {
  const v = c.req.param(name) ?? '';
  return v.length > 0 && v.length <= 100 ? v : '';
}
