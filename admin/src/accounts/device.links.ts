import type { DeviceDto } from '@contract/dto';
import { createDeviceInput } from '@contract/inputs.schema';
import { isPrinterAddress, PRINTER_ADDRESS_HINT } from '@contract/printer.address';
import { schemaErrors, unlessTooLong } from '../schema.validate.ts';

export const KIND_LABEL: Record<DeviceDto['kind'], string> = {
  kiosk: 'Ki-ốt lấy số',
  display: 'Màn hình hiển thị',
  rating: 'Thiết bị đánh giá',
  printer: 'Máy in (chương trình in)',
};

/** The address a device screen opens once to pair itself (?token= is taken and removed by the screen). */
export function pairingUrl(
  origin: string,
  kind: DeviceDto['kind'],
  token: string,
  counterNumber?: number | null,
): string | null {
  const t = encodeURIComponent(token);
  if (kind === 'kiosk') return `${origin}/kiosk?token=${t}`;
  if (kind === 'rating') return `${origin}/rating?token=${t}`;
  if (kind === 'display')
    return counterNumber ? `${origin}/display/counter/${counterNumber}?token=${t}` : `${origin}/display?token=${t}`;
  return null; // a print agent is a program, not a screen
}

export function agentCommand(origin: string, token: string): string {
  return `npm run printer-agent -- --server ${origin} --token ${token} --printer tcp://192.168.1.50:9100`;
}

/** The server's createDeviceInput rules (name, printer address), then what each kind needs linked. */
export function validateDevice(d: {
  kind: DeviceDto['kind'];
  name: string;
  counterId: string;
  kioskId: string;
  printer: string;
}): Record<string, string> {
  const e = schemaErrors(
    createDeviceInput.pick({ name: true }),
    { name: d.name },
    {
      name: unlessTooLong('Nhập tên thiết bị.'),
    },
  );
  if (d.kind === 'rating' && !d.counterId) e.counterId = 'Thiết bị đánh giá cần gắn với một quầy.';
  if (d.kind === 'printer' && !d.kioskId) e.kioskId = 'Chương trình in cần gắn với một ki-ốt.';
  // The server's own rule (contract/printer.address.ts): what the form accepts, the server accepts.
  if (d.kind === 'kiosk' && d.printer.trim() && !isPrinterAddress(d.printer.trim())) e.printer = PRINTER_ADDRESS_HINT;
  return e;
}
