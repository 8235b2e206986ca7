#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SAMPLE_CHECKLIST, ticketToPng, sampleTicket } from '../ticket.preview.ts';
import { renderTicket } from '../ticket.layout.ts';

/** Writes a sample ticket as a PNG of the exact raster sent to the printer. */
const USAGE = `Cách dùng: ticket-preview [--number 1005] [--area "Lý lịch tư pháp"] [--department "Sở Tư pháp"]
                      [--center "…"] [--priority "Người cao tuổi"] [--width 80|58] [--qr native|image] [--out ve.png]
                      [--procedure "Đăng ký khai sinh"] [--checklist] [--documents "Tờ khai; Giấy chứng sinh"]
  --checklist: in kèm giấy tờ cần mang theo (mẫu của "Đăng ký khai sinh", hoặc --documents, ngăn bằng ;)`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        number: { type: 'string' },
        area: { type: 'string' },
        department: { type: 'string' },
        center: { type: 'string' },
        priority: { type: 'string' },
        procedure: { type: 'string' },
        checklist: { type: 'boolean' },
        documents: { type: 'string' },
        width: { type: 'string', default: '80' },
        qr: { type: 'string', default: 'native' },
        out: { type: 'string', default: 'ticket-preview.png' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`Tham số không hợp lệ: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.width !== '80' && values.width !== '58') {
    console.error(`Khổ giấy phải là 80 hoặc 58 (mm), nhận được "${values.width}".`);
    return 2;
  }
  if (values.qr !== 'native' && values.qr !== 'image') {
    console.error(`--qr phải là native hoặc image.`);
    return 2;
  }
  const data = sampleTicket({
    issuedAtMs: Date.now(),
    ...(values.number ? { number: values.number } : {}),
    ...(values.area ? { areaName: values.area } : {}),
    ...(values.department ? { departmentName: values.department } : {}),
    ...(values.center ? { centerName: values.center } : {}),
    ...(values.priority ? { priority: true, priorityLabel: values.priority } : {}),
    ...(values.procedure || values.checklist ? { procedureName: values.procedure ?? 'Đăng ký khai sinh' } : {}),
    ...(values.checklist || values.documents
      ? { checklist: values.documents ? values.documents.split(';').map((d) => d.trim()) : SAMPLE_CHECKLIST }
      : {}),
  });
  const opts = { paperWidth: values.width === '58' ? 58 : 80, qr: values.qr } as const;
  writeFileSync(values.out, ticketToPng(data, opts));
  const r = renderTicket(data, opts);
  console.log(`Đã ghi ${values.out}: ${r.width} × ${r.height} điểm (${(r.height / 8).toFixed(0)} mm giấy).`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
