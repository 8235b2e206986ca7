import type { PrintOptions, TicketPrintData } from './printer.types.ts';
import { renderTicket } from './ticket.layout.ts';
import { rasterToPng } from './raster.png.ts';

/** PNG of the raster exactly as sent (the QR rows show what the printer's own QR draws). */
export function ticketToPng(data: TicketPrintData, opts: PrintOptions = {}): Buffer {
  return rasterToPng(renderTicket(data, opts));
}

/** The documents of "Đăng ký khai sinh" (1.001193), as the demo catalogue lists them: a checklist to preview. */
export const SAMPLE_CHECKLIST = [
  'Tờ khai đăng ký khai sinh (theo mẫu)',
  'Giấy chứng sinh; nếu không có: văn bản của người làm chứng hoặc giấy cam đoan về việc sinh',
  'Văn bản ủy quyền (nếu ủy quyền đăng ký khai sinh)',
  'Giấy tờ tùy thân của người đi đăng ký (căn cước công dân hoặc hộ chiếu)',
];

/** A realistic ticket for previews, tests and the benchmark. */
export function sampleTicket(overrides: Partial<TicketPrintData> = {}): TicketPrintData {
  return {
    centerName: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An',
    departmentName: 'Sở Tư pháp',
    areaName: 'Lý lịch tư pháp',
    number: '1005',
    priority: false,
    priorityLabel: null,
    waitingAhead: 7,
    estimatedWaitMin: 15,
    issuedAtMs: Date.UTC(2026, 10, 26, 1, 15, 2),
    timeZone: 'Asia/Ho_Chi_Minh',
    trackUrl: 'http://10.0.0.2:8080/t/8f3a2c1e-5b7d-4e2a-9c61-0d4f7b2a9e13',
    ...overrides,
  };
}
