import type { ErrorCode } from '../contract/errors.ts';
import { authenticate } from '../core/accounts/accounts.usecases.ts';
import { hashToken } from '../core/accounts/password.ts';
import type { Actor } from '../core/entities.ts';
import type { Deps } from '../core/ports.ts';
import { SESSION_COOKIE } from '../http/auth.middleware.ts';
import { addressKey } from '../http/client.address.ts';
import { isSameOrigin, ownOrigins } from '../http/origin.guard.ts';

/**
 * What a socket is, decided once at the handshake. `token` is kept (in memory only) so the socket can be
 * checked again later: a socket has no more right than the session or device token it came with.
 */
export interface SocketData {
  actor: Actor | null;
  ticketId: string | null;
  token: string | null;
  tokenHash: string | null;
  /** Remote address as the HTTP limits key it (IPv6 by its /64): anonymous sockets are counted per address. */
  address: string;
}

export type Handshake = { ok: true; data: SocketData } | { ok: false; code: ErrorCode };

/** The parts of socket.io's handshake we read. Typed as unknown on purpose: any of it may be anything. */
export interface RawHandshake {
  auth?: unknown;
  headers?: unknown;
  address?: unknown;
  secure?: unknown;
}

// Tokens and ticket ids are base64url; anything outside printable ASCII (or longer) cannot be one.
const TOKEN = /^[\x21-\x7e]{1,200}$/;
const TICKET_ID = /^[\x21-\x7e]{1,100}$/;
const MAX_COOKIE_HEADER = 8192;

type Field = { kind: 'absent' } | { kind: 'bad' } | { kind: 'ok'; value: string };

/** One field of `auth`: absent (missing, null or ''), malformed, or a plausible string. */
function field(auth: Record<string, unknown>, key: string, shape: RegExp): Field {
  const v = Object.hasOwn(auth, key) ? auth[key] : undefined;
  if (v === undefined || v === null || v === '') return { kind: 'absent' };
  return typeof v === 'string' && shape.test(v) ? { kind: 'ok', value: v } : { kind: 'bad' };
}

const header = (headers: unknown, name: string): string | undefined | null => {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const v = (headers as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : null; // null: present but not one string (a repeated header)
};

/** The session token in a Cookie header: absent, malformed (any decoding trouble), or the token. */
function cookieToken(cookieHeader: string | undefined | null): Field {
  if (cookieHeader === undefined) return { kind: 'absent' };
  if (cookieHeader === null || cookieHeader.length > MAX_COOKIE_HEADER) return { kind: 'bad' };
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    let raw = part.slice(eq + 1).trim();
    if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) raw = raw.slice(1, -1);
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad' };
    }
    return TOKEN.test(value) ? { kind: 'ok', value } : { kind: 'bad' };
  }
  return { kind: 'absent' };
}

/**
 * Reads a handshake into what the socket may do, or the reason it may not. Total: every input, however odd,
 * gives an answer (storage faults are left to the caller, which answers them as such).
 *
 * - `auth.token` (bearer: a person's session or a device) wins and ignores cookies and Origin;
 * - `auth.ticketId` without a token is a tracking phone and ignores cookies;
 * - otherwise the session cookie, but only from one of our own pages (same Origin, or `Sec-Fetch-Site:
 *   same-origin`): a page on another origin must not ride the browser's cookie.
 */
export function readHandshake(deps: Deps, h: RawHandshake, publicUrl: string | null): Handshake {
  const auth = h.auth;
  if (typeof auth !== 'object' || auth === null || Array.isArray(auth)) return { ok: false, code: 'auth.required' };
  const a = auth as Record<string, unknown>;
  const address = typeof h.address === 'string' && h.address.length <= 100 ? addressKey(h.address) : 'unknown';
  const token = field(a, 'token', TOKEN);
  const ticketId = field(a, 'ticketId', TICKET_ID);
  if (token.kind === 'bad') return { ok: false, code: 'auth.invalid_token' };
  if (token.kind === 'ok') return asActor(deps, token.value, address);
  if (ticketId.kind === 'bad') return { ok: false, code: 'ticket.not_found' };
  if (ticketId.kind === 'ok') {
    if (!deps.store.tickets.get(ticketId.value)) return { ok: false, code: 'ticket.not_found' };
    return { ok: true, data: { actor: null, ticketId: ticketId.value, token: null, tokenHash: null, address } };
  }
  const cookie = cookieToken(header(h.headers, 'cookie'));
  if (cookie.kind === 'absent') return { ok: false, code: 'auth.required' };
  if (!fromOwnPage(h, publicUrl)) return { ok: false, code: 'auth.cross_site' };
  if (cookie.kind === 'bad') return { ok: false, code: 'auth.invalid_token' };
  return asActor(deps, cookie.value, address);
}

function asActor(deps: Deps, token: string, address: string): Handshake {
  const actor = authenticate(deps, token);
  if (!actor || actor.kind === 'system') return { ok: false, code: 'auth.invalid_token' };
  return { ok: true, data: { actor, ticketId: null, token, tokenHash: hashToken(token), address } };
}

/** The handshake came from one of our own pages: the rule of the HTTP side (origin.guard.ts), on the handshake's headers. */
function fromOwnPage(h: RawHandshake, publicUrl: string | null): boolean {
  const origin = header(h.headers, 'origin');
  const fetchSite = header(h.headers, 'sec-fetch-site');
  const host = header(h.headers, 'host');
  if (origin === null || fetchSite === null || host === null) return false;
  const requestUrl =
    host && /^[a-z0-9.:[\]-]{1,300}$/i.test(host) ? `${h.secure === true ? 'https' : 'http'}://${host}/` : '';
  return isSameOrigin({ origin, fetchSite }, ownOrigins(requestUrl, publicUrl));
}
