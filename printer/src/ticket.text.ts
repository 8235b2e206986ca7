import type { TicketPrintData } from './printer.types.ts';

export const DEFAULT_INSTRUCTION = 'Vui lòng chờ đến khi số của bạn được gọi';
export const DEFAULT_THANKS = 'Xin cảm ơn Quý khách!';
export const DEFAULT_PRIORITY_LABEL = 'ƯU TIÊN';
export const QR_CAPTION = 'Quét mã để theo dõi lượt của bạn';
export const NUMBER_HEADING = 'SỐ THỨ TỰ';
export const CHECKLIST_TITLE = 'Giấy tờ cần mang theo:';
/**
 * A checklist longer than this would make a ticket of a metre: the first items print, then one line says how many
 * more there are (the kiosk's card and the counter show them all). One item is cut at a word with "…".
 */
export const CHECKLIST_MAX_ITEMS = 8;
export const CHECKLIST_MAX_ITEM_CHARS = 160;
/** Vietnam has one zone; a misconfigured zone must not stop a ticket from printing. */
export const FALLBACK_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** All lines of a ticket, already in their final wording; both raster and text mode print these. */
export interface TicketLines {
  center: string;
  department: string;
  area: string;
  /** '' when the ticket has no procedure. */
  procedure: string;
  /** The documents to bring, already capped (CHECKLIST_MAX_ITEMS, CHECKLIST_MAX_ITEM_CHARS); [] prints nothing. */
  checklist: string[];
  checklistTitle: string;
  heading: string;
  number: string;
  priority: string | null;
  waitingLabel: string;
  waitingValue: string;
  estimate: string | null;
  issuedAt: string;
  qrPayload: string;
  qrCaption: string;
  instruction: string;
  thanks: string;
}

/** NFC so that one letter is one glyph for the canvas and one code for the encoders. */
export function clean(s: string | null | undefined): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function upperVi(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** dd/mm/yyyy HH:mm:ss, 24 h, in the given IANA zone. */
export function formatIssuedAt(ms: number, timeZone: string): string {
  const make = (tz: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = make(timeZone);
  } catch {
    fmt = make(FALLBACK_TIME_ZONE);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export function formatEstimate(min: number | null | undefined): string | null {
  if (min === null || min === undefined || !Number.isFinite(min) || min < 0) return null;
  const m = Math.max(1, Math.round(min));
  if (m < 60) return `Thời gian chờ dự kiến: khoảng ${m} phút`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return `Thời gian chờ dự kiến: khoảng ${h} giờ${rest ? ` ${rest} phút` : ''}`;
}

/** A group name alone ("Người cao tuổi") would not say why the citizen goes first. */
export function priorityText(label: string | null | undefined): string {
  const l = clean(label);
  if (!l) return DEFAULT_PRIORITY_LABEL;
  if (l.toLocaleLowerCase('vi').includes('ưu tiên')) return upperVi(l);
  return `${DEFAULT_PRIORITY_LABEL} – ${upperVi(l)}`;
}

/** Cut at the last word that fits, with "…"; a single over-long word is cut between letters. */
export function truncateText(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const head = chars.slice(0, max - 1).join('');
  const atWord = head.replace(/\s+\S*$/, '');
  return `${(atWord.length >= head.length / 2 ? atWord : head).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The documents to bring, cleaned and capped: the first items, then "… và N giấy tờ khác". */
export function checklistLines(items: readonly string[] | null | undefined): string[] {
  const all = (Array.isArray(items) ? items : []).map((d) => clean(typeof d === 'string' ? d : '')).filter(Boolean);
  if (all.length <= CHECKLIST_MAX_ITEMS) return all.map((d) => truncateText(d, CHECKLIST_MAX_ITEM_CHARS));
  const shown = all.slice(0, CHECKLIST_MAX_ITEMS - 1).map((d) => truncateText(d, CHECKLIST_MAX_ITEM_CHARS));
  return [...shown, `… và ${all.length - shown.length} giấy tờ khác (xin hỏi tại quầy)`];
}

export function ticketLines(data: TicketPrintData): TicketLines {
  const waiting = Number.isFinite(data.waitingAhead) ? Math.max(0, Math.floor(data.waitingAhead)) : 0;
  return {
    center: upperVi(clean(data.centerName)),
    department: clean(data.departmentName),
    area: clean(data.areaName),
    procedure: clean(data.procedureName),
    checklist: checklistLines(data.checklist),
    checklistTitle: CHECKLIST_TITLE,
    heading: NUMBER_HEADING,
    number: clean(data.number) || '—',
    priority: data.priority ? priorityText(data.priorityLabel) : null,
    waitingLabel: 'Số người đang chờ trước bạn:',
    waitingValue: String(waiting),
    estimate: formatEstimate(data.estimatedWaitMin),
    issuedAt: formatIssuedAt(data.issuedAtMs, data.timeZone),
    qrPayload: (data.trackUrl ?? '').trim(),
    qrCaption: QR_CAPTION,
    instruction: clean(data.instruction) || DEFAULT_INSTRUCTION,
    thanks: clean(data.thanks) || DEFAULT_THANKS,
  };
}
