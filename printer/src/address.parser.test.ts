import { describe, expect, it } from 'vitest';
import { formatPrinterAddress, parsePrinterAddress } from './address.parser.ts';
import { PrinterError } from './printer.error.ts';

describe('parsePrinterAddress', () => {
  it.each([
    ['tcp://192.168.1.50:9100', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['tcp://192.168.1.50', { kind: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['tcp://printer-kiosk1.local:9101', { kind: 'tcp', host: 'printer-kiosk1.local', port: 9101 }],
    ['tcp://[::1]:9100', { kind: 'tcp', host: '::1', port: 9100 }],
    ['  TCP://127.0.0.1:9100/ ', { kind: 'tcp', host: '127.0.0.1', port: 9100 }],
    ['file:///dev/usb/lp0', { kind: 'file', path: '/dev/usb/lp0' }],
    ['/dev/usb/lp0', { kind: 'file', path: '/dev/usb/lp0' }],
    ['file:///dev/usb/lp%31', { kind: 'file', path: '/dev/usb/lp1' }],
    ['/dev/lp0', { kind: 'file', path: '/dev/lp0' }],
    ['/dev/ttyUSB0', { kind: 'file', path: '/dev/ttyUSB0' }],
    ['/dev/ttyS1', { kind: 'file', path: '/dev/ttyS1' }],
    ['/dev/ttyACM0', { kind: 'file', path: '/dev/ttyACM0' }],
    ['/dev/usb/epson_tm-t82', { kind: 'file', path: '/dev/usb/epson_tm-t82' }],
    ['cups://KIOSK_1', { kind: 'cups', queue: 'KIOSK_1' }],
    ['cups://tm-t82@office', { kind: 'cups', queue: 'tm-t82@office' }],
  ])('%s', (input, expected) => {
    expect(parsePrinterAddress(input)).toEqual(expected);
  });

  it.each([
    '',
    'printer',
    '192.168.1.50:9100',
    'http://192.168.1.50:9100',
    'tcp://',
    'tcp://host:0',
    'tcp://host:70000',
    'tcp://host:abc',
    'tcp://ho st:9100',
    'tcp://-bad-:9100',
    'file://relative/path',
    'file://',
    '/dev/',
    '/dev/../etc/passwd',
    // Issue 11, defect 11: a printer address must never be a way to write a file.
    'file:///etc/passwd',
    'file:///tmp/x%20y.bin',
    '/etc/passwd',
    '/dev/usb/../../etc/passwd',
    'file:///dev/usb/lp0%2F..%2F..%2Fetc%2Fpasswd',
    '/dev/./usb/lp0',
    '/dev//usb/lp0',
    '/dev/usb/..',
    '/dev/usb/lp0/',
    '/dev/sda',
    '/dev/null',
    '/dev/fd/1',
    '/dev/shm/x',
    '/dev/usb/lp0\u0000',
    'cups://',
    'cups://-o evil',
    'cups://a b',
    'cups://q;rm -rf',
  ])('rejects %j with printer.bad_address in Vietnamese', (input) => {
    try {
      parsePrinterAddress(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PrinterError);
      expect((e as PrinterError).code).toBe('printer.bad_address');
      expect((e as PrinterError).message).toMatch(/Địa chỉ máy in không hợp lệ/);
    }
  });

  it('formats back to a parseable address', () => {
    for (const s of ['tcp://10.0.0.9:9100', 'tcp://[::1]:9100', 'file:///dev/usb/lp0', 'cups://Q1']) {
      expect(parsePrinterAddress(formatPrinterAddress(parsePrinterAddress(s)))).toEqual(parsePrinterAddress(s));
    }
  });
});
