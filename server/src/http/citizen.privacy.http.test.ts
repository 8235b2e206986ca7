import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketClients } from '../realtime/realtime.testing.ts';
import { at, bookingCenter, IDS, QR_ELDERLY } from '../testing/booking.testing.ts';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Issue 13's privacy promise: the ID number never leaves the server, nor any other field of the card's QR. A full
 * run (bookings, remote numbers, kiosk check-ins by code and by card, calls, refusals) through HTTP and sockets;
 * then every answer, every socket event, every log line, the audit, the config export, the reports (CSV and XLSX),
 * a backup file and the database files themselves are searched for every full ID used and the QR's other fields.
 */
let t: TestServer;
const c = socketClients(() => t.url);
beforeAll(async () => {
  t = await startTestServer({ listen: true });
});
afterAll(async () => {
  await c.closeAll(t.server);
  await t.close();
});

const DAY = '2026-11-26';
const SECRETS = [
  ...Object.values(IDS),
  '003085012345', // refused (wrong province): not echoed either
  '186543210', // the old CMND number in the QR
  'Nguyễn Văn Thọ',
  'Nghi Phú',
  '15031960',
  '0912345678', // the phone a booking sent
];
const found = (haystack: string) => SECRETS.filter((s) => haystack.includes(s));

describe('privacy of citizen IDs (full run)', () => {
  it('no answer, event, log, audit, export, report, backup or database file carries an ID or the QR fields', async () => {
    const answers: string[] = [];
    const call = async (m: string, p: string, body?: unknown, token?: string) => {
      const r = await t.call(m, p, body, token);
      answers.push(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
      return r;
    };
    const b = await bookingCenter(t);
    const [lltp, htct] = [b.area('LLTP').id, b.area('HTCT').id];
    const staff = await c.connect({ token: b.clerk.token });
    const display = await c.connect({ token: (await t.createDevice('display')).token });

    const bk = await call('POST', '/api/public/bookings', {
      areaId: htct,
      start: at(DAY, '08:30'),
      citizenId: IDS.adult,
      phone: '0912345678',
    });
    await call('POST', '/api/public/bookings', { areaId: lltp, start: at(DAY, '09:00'), citizenId: IDS.elderly });
    await call('POST', '/api/public/bookings', { areaId: lltp, start: at(DAY, '09:00'), citizenId: '003085012345' });
    await call('POST', '/api/public/bookings', { areaId: lltp, start: at(DAY, '09:10'), citizenId: IDS.young });
    const remote = await call('POST', '/api/public/tickets', { areaId: lltp, citizenId: IDS.young });
    const tracking = await c.connect({ ticketId: remote.body.id });
    await call('POST', '/api/public/tickets', { areaId: lltp, citizenId: IDS.young }); // over the limit
    await call('GET', `/api/public/bookings/${bk.body.code}`);
    b.clock.set('2026-11-26T08:35:00+07:00');
    await call('POST', '/api/tickets', { bookingCode: bk.body.code }, b.kiosk.token);
    await call('POST', '/api/tickets', { areaId: lltp, citizenQr: QR_ELDERLY }, b.kiosk.token); // checks in 09:00
    await call('POST', '/api/tickets', { areaId: htct, citizenQr: QR_ELDERLY.replace('040', '003') }, b.kiosk.token);
    await call('POST', '/api/tickets', { areaId: htct, citizenId: IDS.other }, b.clerk.token);
    await call('POST', '/api/tickets', { areaId: htct, citizenId: IDS.other }, b.kiosk.token); // limit
    await call('POST', `/api/counters/${b.counter.id}/open`, undefined, b.clerk.token);
    for (let i = 0; i < 3; i++) await call('POST', `/api/counters/${b.counter.id}/call-next`, {}, b.clerk.token);
    await call('POST', `/api/counters/${b.counter.id}/finish`, {}, b.clerk.token);
    await call('GET', `/api/counters/${b.counter.id}/queue`, undefined, b.clerk.token);
    await call('GET', `/api/tickets/${remote.body.id}`);
    await call('GET', `/api/tickets/${remote.body.id}`, undefined, b.clerk.token);
    await call('GET', '/api/state', undefined, b.clerk.token);
    await call('GET', `/api/bookings?date=${DAY}`, undefined, t.adminToken);
    await call('GET', '/api/audit', undefined, t.adminToken);
    await call('GET', '/api/config/export', undefined, t.adminToken);
    await call('GET', '/api/settings', undefined, t.adminToken);
    for (const g of ['area', 'channel', 'procedure', 'clerk'])
      await call('GET', `/api/reports/summary?groupBy=${g}&format=csv`, undefined, t.adminToken);
    const xlsx = await t.server.app.request('/api/reports/summary?groupBy=channel&format=xlsx', {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(xlsx.status).toBe(200);
    const sheets = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const backup = await call('POST', '/api/backups', undefined, t.adminToken);
    expect(backup.status).toBe(201);
    await c.roundTrip(staff.socket);
    await c.roundTrip(tracking.socket);

    // The run did what it should (so the search below searched something).
    expect(answers.filter((a) => a.includes('citizen.limit_reached')).length).toBe(2);
    expect(answers.filter((a) => a.includes('citizen.invalid_id')).length).toBe(2);
    expect(answers.join('\n')).toContain('"channel":"appointment"');
    expect(staff.events.length).toBeGreaterThan(5);

    expect(found(answers.join('\n'))).toEqual([]);
    for (const s of [staff, display, tracking]) expect(found(JSON.stringify(s.events))).toEqual([]);
    expect(found(JSON.stringify(t.logs))).toEqual([]);
    expect(
      found(
        Object.values(sheets)
          .map((f) => strFromU8(f))
          .join('\n'),
      ),
    ).toEqual([]);
    const files = [
      join(t.dataDir, 'backups', backup.body.file),
      ...readdirSync(t.dataDir)
        .filter((f) => f.startsWith('queue.sqlite'))
        .map((f) => join(t.dataDir, f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const bytes = readFileSync(f);
      expect([f, found(bytes.toString('latin1')), found(bytes.toString('utf8'))]).toEqual([f, [], []]);
    }
    expect(backup.body.file).toMatch(/^queue-\d{8}-\d{6}\.sqlite$/);
  });
});
