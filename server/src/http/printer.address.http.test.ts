import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/**
 * Defect 11 (issue 11): `file:///any/path` and `/dev/../etc/passwd` were accepted as printer addresses and
 * opened for append. "Printers write only to printers": a network printer, a CUPS queue, the agent, the
 * browser, or a device file under /dev/; anything else → 422 on every route, and refused again when printing.
 */
export const GOOD_ADDRESSES = [
  'tcp://192.168.1.50:9100',
  'tcp://192.168.1.50',
  'tcp://may-in-kiosk1.local:9101',
  'tcp://[::1]:9100',
  'cups://KIOSK_1',
  'cups://tm-t82@office',
  'agent',
  'browser',
  '/dev/usb/lp0',
  '/dev/lp0',
  '/dev/ttyUSB0',
  '/dev/ttyS1',
  '/dev/ttyACM0',
  '/dev/usb/lp12',
  'file:///dev/usb/lp0',
  'file:///dev/ttyUSB1',
  '/dev/hcc-printer',
  '/dev/usb/hcc-printer',
  '/dev/serial/by-id/usb-Prolific_Technology_Inc._USB-Serial_Controller-if00-port0',
];
export const BAD_ADDRESSES = [
  'file:///etc/passwd',
  'file:///tmp/ticket.bin',
  'file:///var/lib/hcc/queue.sqlite',
  '/etc/passwd',
  '/tmp/lp0',
  '/dev/../etc/passwd',
  '/dev/usb/../../etc/passwd',
  '/dev/usb/lp0/../../../etc/passwd',
  'file:///dev/../etc/passwd',
  'file:///dev/usb/lp0%2F..%2F..%2F..%2Fetc%2Fpasswd',
  '/dev/./usb/lp0',
  '/dev//usb/lp0',
  '/dev/usb/',
  '/dev/usb/lp0/',
  '/dev/',
  '/dev/sda',
  '/dev/null',
  '/dev/mem',
  '/dev/shm/x',
  '/dev/stdout',
  '/dev/fd/1',
  '/dev/tcp/10.0.0.1/9100',
  '/dev/usb/lp0\u0000x',
  'http://10.0.0.5:9100',
  'tcp://',
  'tcp://host:0',
  'tcp://host:99999',
  'cups://-o evil',
  'cups://q;rm -rf /',
  'COM1',
  'LPT1',
  'AGENT',
  'printer',
];

let t: TestServer;
let dir: string;
beforeAll(async () => {
  t = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'hcc-printer-addr-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printer addresses', () => {
  it.each(GOOD_ADDRESSES)('accepts %j on POST /api/devices and PATCH /api/devices/:id', async (printer) => {
    const created = await t.call('POST', '/api/devices', { kind: 'kiosk', name: 'Ki-ốt', printer }, t.adminToken);
    expect(created.status).toBe(201);
    const patched = await t.call('PATCH', `/api/devices/${created.body.id}`, { printer }, t.adminToken);
    expect(patched.status).toBe(200);
  });

  it.each(BAD_ADDRESSES)(
    'refuses %j with 422 on POST /api/devices and PATCH /api/devices/:id, storing nothing',
    async (printer) => {
      const before = (await t.call('GET', '/api/devices', undefined, t.adminToken)).body.length;
      const created = await t.call('POST', '/api/devices', { kind: 'kiosk', name: 'Ki-ốt', printer }, t.adminToken);
      expect(created.status).toBe(422);
      expect(created.body.error.message).toMatch(/máy in|không hợp lệ/i);
      expect((await t.call('GET', '/api/devices', undefined, t.adminToken)).body.length).toBe(before);
      const kiosk = await t.createDevice('kiosk', { printer: 'agent' });
      const patched = await t.call('PATCH', `/api/devices/${kiosk.id}`, { printer }, t.adminToken);
      expect(patched.status).toBe(422);
      expect(
        (await t.call('GET', '/api/devices', undefined, t.adminToken)).body.find((d: any) => d.id === kiosk.id).printer,
      ).toBe('agent');
    },
  );

  it('an address stored before this rule (an old database) is refused again at print time: the file is not touched', async () => {
    const target = join(dir, 'not-a-printer.txt');
    writeFileSync(target, 'giữ nguyên\n');
    const kiosk = await t.createDevice('kiosk', { printer: 'agent' });
    t.server.db.prepare('UPDATE devices SET printer = ? WHERE id = ?').run(`file://${target}`, kiosk.id);
    const area = (await t.areas()).find((a) => a.code === 'LLTP');
    const r = await t.call('POST', '/api/tickets', { areaId: area.id }, kiosk.token);
    expect(r.status).toBe(201);
    expect(r.body.print.status).toBe('failed');
    expect(readFileSync(target, 'utf8')).toBe('giữ nguyên\n');
    expect(existsSync(join(dir, 'lp0'))).toBe(false);
  });
});
