import type { TicketDto } from '@contract/dto';

export interface IssueInput {
  areaId: string;
  /** Chosen through the search: the ticket carries the procedure (its area is the procedure's). */
  procedureId?: string;
  priority: boolean;
  priorityGroup: string | null;
  idempotencyKey: string;
}

interface ErrorLike {
  status?: number;
  code?: string;
  message?: string;
}

/** Worth retrying with the same key: the request may not have arrived, or the server was restarting. */
export function isTransient(e: unknown): boolean {
  const err = e as ErrorLike;
  return (
    err?.code === 'network.offline' ||
    err?.status === 0 ||
    err?.status === 502 ||
    err?.status === 503 ||
    err?.status === 504
  );
}

/**
 * A random key for one tap. crypto.randomUUID exists only in secure contexts (https or localhost),
 * and a kiosk on the LAN opens http://SERVER:8080, so fall back to getRandomValues.
 */
export function newIdempotencyKey(c: Crypto = globalThis.crypto): string {
  if (typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      /* insecure context */
    }
  }
  const b = c.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Issues one ticket, retrying transient failures with the same idempotency key (never a second ticket). */
export async function issueWithRetry<I = IssueInput>(
  issue: (input: I) => Promise<TicketDto>,
  input: I,
  opts: { attempts?: number; delayMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<TicketDto> {
  const attempts = opts.attempts ?? 3;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await issue(input);
    } catch (e) {
      last = e;
      if (!isTransient(e) || i === attempts - 1) break;
      await sleep((opts.delayMs ?? 800) * (i + 1));
    }
  }
  throw last;
}

/** What to tell the citizen when no ticket came out. */
export function issueErrorMessage(e: unknown): string {
  const err = e as ErrorLike;
  if (isTransient(e)) return 'Chưa lấy được số do mất kết nối máy chủ. Vui lòng chạm "Thử lại".';
  return err?.message || 'Không lấy được số. Vui lòng thử lại hoặc hỏi cán bộ hướng dẫn.';
}
