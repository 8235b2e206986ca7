import type { DeviceDto } from '../../../server/src/contract/dto.ts';

export const KIND_LABEL: Record<DeviceDto['kind'], string> = { kiosk: 'Ki-ốt lấy số', display: 'Màn hình hiển thị', rating: 'Thiết bị đánh giá', printer: 'Máy in (chương trình in)' };

/** The address a device screen opens once to pair itself (?token= is taken and removed by the screen). */
export function pairingUrl(origin: string, kind: DeviceDto['kind'], token: string, counterNumber?: number | null): string | null {
  const t = encodeURIComponent(token);
  if (kind === 'kiosk') return `${origin}/kiosk?token=${t}`;
  if (kind === 'rating') return `${origin}/rating?token=${t}`;
  if (kind === 'display') return counterNumber ? `${origin}/display/counter/${counterNumber}?token=${t}` : `${origin}/display?token=${t}`;
  return null; // a print agent is a program, not a screen
}

export function agentCommand(origin: string, token: string): string {
  return `npm run printer-agent -- --server ${origin} --token ${token} --printer tcp://192.168.1.50:9100`;
}

/** Cheap checks matching the server's createDeviceInput. */
export function validateDevice(d: { kind: DeviceDto['kind']; name: string; counterId: string; kioskId: string; printer: string }): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e.name = 'Nhập tên thiết bị.';
  if (d.kind === 'rating' && !d.counterId) e.counterId = 'Thiết bị đánh giá cần gắn với một quầy.';
  if (d.kind === 'printer' && !d.kioskId) e.kioskId = 'Chương trình in cần gắn với một ki-ốt.';
  if (d.kind === 'kiosk' && d.printer.trim() && !/^(agent|browser|tcp:\/\/[\w.-]+(:\d{1,5})?|file:\/\/\/.+|\/dev\/.+|cups:\/\/[\w.@-]+)$/.test(d.printer.trim())) {
    e.printer = 'Dạng tcp://192.168.1.50:9100, /dev/usb/lp0, cups://TÊN_MÁY_IN, agent hoặc browser (in qua trình duyệt của ki-ốt).';
  }
  return e;
}
