import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { systemClock } from '../core/clock.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Abuse and privacy contract (issue 11, defect 4; API.md "What no caller may do"): anonymous callers,
 * kiosks and displays never see who served a ticket (user id, username, display name), what the clerk wrote
 * (note, dossier code) or, for a tracking phone, any ticket but its own. A full day's flow is driven, every
 * answer and socket payload those callers get is kept, and each secret is looked for in all of it.
 */
const CLERK = { username: 'privacy.clerk7', displayName: 'Trần Thị Kín Đáo' };
const NOTE = 'Công dân hẹn gọi lại số 0912 345 678 khi có kết quả';
const DOSSIER = 'HS-2026-000777-XYZ';

let t: TestServer;
const sockets: Socket[] = [];
const heard = new Map<string, unknown[]>();
function listen(name: string, auth: Record<string, unknown>): Promise<Socket> {
  heard.set(name, []);
  return new Promise((res, rej) => {
    const s = io(t.url, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    s.onAny((event, payload) => heard.get(name)!.push({ event, payload }));
    s.once('state:snapshot', () => res(s));
    s.once('connect_error', rej);
  });
}
const settle = () => new Promise((r) => setTimeout(r, 250));

let clerkId = '';
let mine: { id: string };
let other: { id: string };
const answers = new Map<string, unknown>();

beforeAll(async () => {
  t = await startTestServer({ clock: systemClock, listen: true });
  const u = await t.call('POST', '/api/users', { ...CLERK, password: 'password-123', role: 'clerk' }, t.adminToken);
  clerkId = u.body.id;
  const clerkToken = await t.login(CLERK.username, 'password-123');
  const kiosk = await t.createDevice('kiosk');
  const display = await t.createDevice('display');
  const counter1 = (await t.counters()).find((c) => c.number === 1);
  const rating = await t.createDevice('rating', { counterId: counter1.id });
  const areas = await t.areas();
  const lltp = areas.find((a) => a.code === 'LLTP');
  const htct = areas.find((a) => a.code === 'HTCT');

  // Screens connect first, the clerk is already at the counter: everything after is heard.
  await t.call('POST', `/api/counters/${counter1.id}/open`, undefined, clerkToken);
  await listen('display', { token: display.token });
  await listen('kiosk', { token: kiosk.token });
  await listen('rating', { token: rating.token });
  await listen('staff', { token: t.adminToken });

  const issue = await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token);
  mine = issue.body;
  answers.set('kiosk POST /api/tickets', issue.body);
  other = (await t.call('POST', '/api/tickets', { areaId: lltp.id }, kiosk.token)).body;
  await listen('phone', { ticketId: mine.id });

  await t.call('POST', `/api/counters/${counter1.id}/call-next`, undefined, clerkToken);
  await t.call('POST', `/api/tickets/${mine.id}/annotate`, { note: NOTE, dossierCode: DOSSIER }, clerkToken);
  await t.call('POST', `/api/counters/${counter1.id}/transfer`, { areaId: htct.id }, clerkToken);
  await t.call('POST', `/api/counters/${counter1.id}/call`, { ticketId: mine.id }, clerkToken);
  await t.call('POST', `/api/counters/${counter1.id}/finish`, undefined, clerkToken);
  await t.call('POST', `/api/counters/${counter1.id}/call-next`, undefined, clerkToken); // the other ticket is now current
  await settle();

  for (const [name, path, token] of [
    ['anonymous GET /api/tickets/:id', `/api/tickets/${mine.id}`, undefined],
    ['anonymous GET /api/config/public', '/api/config/public', undefined],
    ['anonymous GET /api/health', '/api/health', undefined],
    ['kiosk GET /api/tickets/:id', `/api/tickets/${mine.id}`, kiosk.token],
    ['kiosk GET /api/counters', '/api/counters', kiosk.token],
    ['kiosk GET /api/state', '/api/state', kiosk.token],
    ['kiosk GET /api/areas', '/api/areas', kiosk.token],
    ['display GET /api/state', '/api/state', display.token],
    ['display GET /api/counters', '/api/counters', display.token],
    ['display GET /api/tickets/:id', `/api/tickets/${mine.id}`, display.token],
    ['kiosk POST reprint', `/api/tickets/${mine.id}/reprint`, kiosk.token],
  ] as const) {
    const r = await t.call(path.endsWith('reprint') ? 'POST' : 'GET', path, undefined, token);
    answers.set(name, { status: r.status, body: r.body });
  }
  for (const path of [`/t/${mine.id}`, `/print/ticket/${mine.id}`]) {
    const res = await t.server.app.request(path);
    answers.set(`anonymous page ${path}`, { status: res.status, body: await res.text(), headers: [...res.headers] });
  }
  const png = await t.server.app.request(`/api/tickets/${mine.id}/ticket.png`, { method: 'HEAD' });
  answers.set('anonymous ticket.png headers', [...png.headers]);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

const secrets = () => ({
  'clerk user id': clerkId,
  username: CLERK.username,
  'display name': CLERK.displayName,
  note: NOTE,
  'phone number': '0912 345 678',
  'dossier code': DOSSIER,
});
function leaks(what: unknown, extra: Record<string, string> = {}): string[] {
  const text = JSON.stringify(what);
  return Object.entries({ ...secrets(), ...extra })
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);
}

describe('what anonymous callers, kiosks and displays may see', () => {
  it('the flow really carried the secrets (staff see them: the test can fail)', () => {
    expect(leaks(heard.get('staff'))).toEqual(
      expect.arrayContaining(['clerk user id', 'username', 'display name', 'note', 'dossier code']),
    );
  });

  it('no anonymous, kiosk or display HTTP answer carries a clerk identity, a note or a dossier code', () => {
    expect(answers.size).toBeGreaterThan(10);
    for (const [name, body] of answers) expect(leaks(body), name).toEqual([]);
    // …and what the citizen's own ticket answer does carry is still there.
    expect(answers.get('anonymous GET /api/tickets/:id')).toMatchObject({
      status: 200,
      body: { id: mine.id, status: 'done', counter: { number: 1 } },
    });
  });

  it('the anonymous ticket answer and the phone never name another ticket', () => {
    expect(leaks(answers.get('anonymous GET /api/tickets/:id'), { 'other ticket id': other.id })).toEqual([]);
    expect(leaks(heard.get('phone'), { 'other ticket id': other.id })).toEqual([]);
    expect(heard.get('phone')!.length).toBeGreaterThan(2);
  });

  it.each(['phone', 'display', 'kiosk'])(
    'no %s socket payload carries a clerk identity, a note or a dossier code',
    (name) => {
      expect(heard.get(name)!.length).toBeGreaterThan(0);
      expect(leaks(heard.get(name))).toEqual([]);
    },
  );

  it("the rating pad gets the clerk's display name (who served me), and nothing else of the clerk", () => {
    const requested = heard.get('rating')!.find((e: any) => e.event === 'rating:requested') as any;
    expect(requested.payload.clerkName).toBe(CLERK.displayName);
    expect(leaks(heard.get('rating')).filter((k) => k !== 'display name')).toEqual([]);
  });
});
