import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { NO_COUNTER_OPEN } from '@ui/wait.words';

export type Lang = 'vi' | 'en';

/**
 * The kiosk's own words in Vietnamese and English (the immigration area serves foreigners), one dictionary per
 * language. Names from the catalogue (departments, areas, procedures) stay Vietnamese: they are what the counters
 * and papers say.
 */
const VI = {
  welcome: 'Chào mừng công dân đến với',
  searchBig: 'Tìm thủ tục',
  searchHint: 'Gõ tên thủ tục, không cần dấu. Ví dụ: khai sinh',
  priorityEntry: 'Ưu tiên',
  priorityHint: 'Người cao tuổi, khuyết tật, phụ nữ có thai, có con nhỏ',
  chooseDept: 'Hoặc chọn sở, ngành',
  priorityChosen: 'Ưu tiên',
  large: 'Chữ lớn',
  english: 'English',
  back: 'Quay lại',
  home: 'Trang đầu',
  waiting: 'người đang chờ',
  paused: 'Tạm ngừng cấp số',
  chooseArea: 'Chọn lĩnh vực',
  priorityTitle: 'Đối tượng ưu tiên',
  prioritySub: 'Chạm vào nhóm của bạn',
  priorityNote: 'Đối tượng ưu tiên vui lòng xuất trình giấy tờ chứng minh khi được gọi.',
  searchTitle: 'Tìm thủ tục',
  searchSub: 'Gõ không dấu cũng được',
  searchEmpty: 'Gõ vài chữ đầu của tên thủ tục, ví dụ: khai sinh, so do, ho chieu',
  notFound: 'Không tìm thấy thủ tục. Xin mời hỏi quầy hướng dẫn.',
  searching: 'Đang tìm…',
  areasFound: 'Lĩnh vực',
  clear: 'Xoá hết',
  space: 'Dấu cách',
  takeTitle: 'Lấy số thứ tự',
  takeButton: 'Lấy số',
  documents: 'Giấy tờ cần mang theo',
  noDocuments: 'Xin hỏi quầy hướng dẫn về giấy tờ cần mang.',
  fee: 'Phí, lệ phí',
  timeLimit: 'Thời hạn giải quyết',
  notStated: 'Xin hỏi tại quầy',
  area: 'Lĩnh vực',
  waitEstimate: 'Thời gian chờ dự kiến',
  counters: 'Quầy phục vụ',
  noCounters: 'Chưa có quầy phục vụ',
  counterNo: 'Quầy',
  lookupTitle: 'Tra cứu thủ tục hành chính',
  lookupNote: 'Màn hình tra cứu: không cấp số. Lấy số tại ki-ốt bên cạnh.',
  idleTitle: 'Bạn còn ở đây không?',
  idleText: 'Tự động về trang đầu sau',
  seconds: 'giây',
  stay: 'Chạm để tiếp tục',
  noCounterOpen: NO_COUNTER_OPEN.vi,
  servedNow: 'Được phục vụ ngay',
  cardTitle: 'Quét thẻ căn cước',
  cardSub: 'Trung tâm cấp số theo thẻ căn cước',
  cardScan: 'Đưa mã QR trên thẻ căn cước vào máy quét bên dưới màn hình',
  cardType: 'Hoặc nhập 12 chữ số trên thẻ',
  cardRead: 'Đã đọc thẻ căn cước — mời chọn thủ tục để lấy số',
  staffHelp: 'Cán bộ hỗ trợ',
  overrideLead: 'Dành cho cán bộ: nhập mã PIN để cấp số cho người không mang thẻ căn cước.',
  overrideOk: 'Cấp số',
  appointment: 'Lịch hẹn',
  offlineHint: 'Ki-ốt đang kết nối lại với máy chủ. Vui lòng chờ trong giây lát.',
} satisfies Record<string, string>;

export type TextKey = keyof typeof VI;

/** The same words in English: a key missing here, or one Vietnamese lacks, is a type error. */
const EN: Record<TextKey, string> = {
  welcome: 'Welcome to',
  searchBig: 'Find a procedure',
  searchHint: 'Type its name, e.g. khai sinh',
  priorityEntry: 'Priority',
  priorityHint: 'Elderly, disabled, pregnant, with a small child',
  chooseDept: 'Or choose a department',
  priorityChosen: 'Priority',
  large: 'Large text',
  english: 'Tiếng Việt',
  back: 'Back',
  home: 'Start',
  waiting: 'waiting',
  paused: 'Not issuing numbers now',
  chooseArea: 'Choose an area',
  priorityTitle: 'Priority groups',
  prioritySub: 'Touch your group',
  priorityNote: 'Please show a proof when you are called.',
  searchTitle: 'Find a procedure',
  searchSub: 'No accents needed',
  searchEmpty: 'Type a few letters',
  notFound: 'No procedure found. Please ask at the reception desk.',
  searching: 'Searching…',
  areasFound: 'Areas',
  clear: 'Clear',
  space: 'Space',
  takeTitle: 'Take a number',
  takeButton: 'Take a number',
  documents: 'Documents to bring',
  noDocuments: 'Ask the reception desk.',
  fee: 'Fee',
  timeLimit: 'Processing time',
  notStated: 'Ask at the counter',
  area: 'Area',
  waitEstimate: 'Estimated wait',
  counters: 'Counters',
  noCounters: 'No counter serves it yet',
  counterNo: 'Counter',
  lookupTitle: 'Look up a procedure',
  lookupNote: 'Look-up screen: numbers are taken at the other kiosk.',
  idleTitle: 'Are you still there?',
  idleText: 'Back to the start in',
  seconds: 's',
  stay: 'Touch to continue',
  noCounterOpen: NO_COUNTER_OPEN.en,
  servedNow: 'Served now',
  cardTitle: 'Scan your ID card',
  cardSub: 'Numbers are issued with the citizen ID card',
  cardScan: 'Hold the QR code of your ID card under the scanner below the screen',
  cardType: 'Or type the 12 digits of the card',
  cardRead: 'ID card read — now choose a procedure',
  staffHelp: 'Staff help',
  overrideLead: 'Staff: type the PIN to issue a number without an ID card.',
  overrideOk: 'Issue',
  appointment: 'Appointment',
  offlineHint: 'Reconnecting to the server, please wait.',
};

export type Translate = (key: TextKey) => string;

export function translator(lang: Lang): Translate {
  const words = lang === 'vi' ? VI : EN;
  return (key) => words[key];
}

/** Screens read their words from here; without a provider (a screen's own test) they speak Vietnamese. */
export const TextContext = createContext<{ lang: Lang; t: Translate }>({ lang: 'vi', t: translator('vi') });

export function useText(): { lang: Lang; t: Translate } {
  return useContext(TextContext);
}
