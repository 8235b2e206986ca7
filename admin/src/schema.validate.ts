import type { z } from 'zod';

export type Errors = Record<string, string>;
type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** A field's message: fixed, or chosen from the issue (which part of the field failed). */
export type FieldMessage = string | ((issue: Issue) => string);

const n = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v));

/**
 * Zod's issues in Vietnamese (the admin is read by Vietnamese staff). Used as the parse's error map, so a field
 * with no message of its own still reads well; messages a schema sets itself (a regex hint) are kept.
 */
export function viIssue(issue: RawIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'Không được để trống.' : `Phải có ít nhất ${n(issue.minimum)} ký tự.`;
      if (issue.origin === 'array') return `Cần ít nhất ${n(issue.minimum)} mục.`;
      return `Phải từ ${n(issue.minimum)} trở lên.`;
    case 'too_big':
      if (issue.origin === 'string') return `Tối đa ${n(issue.maximum)} ký tự.`;
      if (issue.origin === 'array') return `Tối đa ${n(issue.maximum)} mục.`;
      return `Không được lớn hơn ${n(issue.maximum)}.`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'Nhập một số nguyên.' : 'Thiếu hoặc sai kiểu.';
    case 'invalid_format':
      return 'Sai định dạng.';
    case 'invalid_value':
      return 'Giá trị không nằm trong danh sách cho phép.';
    case 'unrecognized_keys':
      return `Trường không được phép: ${issue.keys.join(', ')}.`;
    default:
      return 'Giá trị không hợp lệ.';
  }
}

/**
 * Checks `value` with the contract's own schema (the server's validation: one rule, two places) and answers one
 * message per field. `messages` is keyed by path with `*` for an array index, e.g. `hours.*` (`''`: an issue of the whole value); an issue takes the
 * longest key that matches its path and is reported under that path (`hours.1`). Paths with no key report under
 * their top-level field with the Vietnamese error map's message. The first issue of a field wins.
 */
export function schemaErrors(schema: z.ZodType, value: unknown, messages: Record<string, FieldMessage> = {}): Errors {
  const r = schema.safeParse(value, { error: viIssue });
  const e: Errors = {};
  if (r.success) return e;
  for (const issue of r.error.issues) {
    const path = issue.path.map(String);
    let key = path[0] ?? '';
    let message: string = issue.message;
    // Length 0: an issue of the whole value (a cross-field refine), keyed '' in `messages`.
    for (let len = path.length; len >= 0; len--) {
      const pattern = path
        .slice(0, len)
        .map((p) => (/^\d+$/.test(p) ? '*' : p))
        .join('.');
      const m = len > 0 || path.length === 0 ? messages[pattern] : undefined;
      if (m !== undefined) {
        key = path.slice(0, len).join('.');
        message = typeof m === 'string' ? m : m(issue);
        break;
      }
    }
    if (!(key in e)) e[key] = message;
  }
  return e;
}

/** A field's own message, except that too long text says its limit (the error map's "Tối đa N ký tự."). */
export const unlessTooLong =
  (message: string): FieldMessage =>
  (issue) =>
    issue.code === 'too_big' ? issue.message : message;
