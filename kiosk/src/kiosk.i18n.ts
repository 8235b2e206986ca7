import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { NO_COUNTER_OPEN } from '@ui/wait.words';

export type Lang = 'vi' | 'en';

/**
 * The kiosk's own words in Vietnamese and English (the immigration area serves foreigners). Names from the
 * catalogue (departments, areas, procedures) stay Vietnamese: they are what the counters and papers say.
 */
const TEXT = {
  welcome: { vi: 'Chào mừng công dân đến với', en: 'Welcome to' },
  searchBig: { vi: 'Tìm thủ tục', en: 'Find a procedure' },
  searchHint: { vi: 'Gõ tên thủ tục, không cần dấu. Ví dụ: khai sinh', en: 'Type its name, e.g. khai sinh' },
  priorityEntry: { vi: 'Ưu tiên', en: 'Priority' },
  priorityHint: {
    vi: 'Người cao tuổi, khuyết tật, phụ nữ có thai, có con nhỏ',
    en: 'Elderly, disabled, pregnant, with a small child',
  },
  chooseDept: { vi: 'Hoặc chọn sở, ngành', en: 'Or choose a department' },
  priorityChosen: { vi: 'Ưu tiên', en: 'Priority' },
  large: { vi: 'Chữ lớn', en: 'Large text' },
  english: { vi: 'English', en: 'Tiếng Việt' },
  back: { vi: 'Quay lại', en: 'Back' },
  home: { vi: 'Trang đầu', en: 'Start' },
  waiting: { vi: 'người đang chờ', en: 'waiting' },
  paused: { vi: 'Tạm ngừng cấp số', en: 'Not issuing numbers now' },
  chooseArea: { vi: 'Chọn lĩnh vực', en: 'Choose an area' },
  priorityTitle: { vi: 'Đối tượng ưu tiên', en: 'Priority groups' },
  prioritySub: { vi: 'Chạm vào nhóm của bạn', en: 'Touch your group' },
  priorityNote: {
    vi: 'Đối tượng ưu tiên vui lòng xuất trình giấy tờ chứng minh khi được gọi.',
    en: 'Please show a proof when you are called.',
  },
  searchTitle: { vi: 'Tìm thủ tục', en: 'Find a procedure' },
  searchSub: { vi: 'Gõ không dấu cũng được', en: 'No accents needed' },
  searchEmpty: { vi: 'Gõ vài chữ đầu của tên thủ tục, ví dụ: khai sinh, so do, ho chieu', en: 'Type a few letters' },
  notFound: {
    vi: 'Không tìm thấy thủ tục. Xin mời hỏi quầy hướng dẫn.',
    en: 'No procedure found. Please ask at the reception desk.',
  },
  searching: { vi: 'Đang tìm…', en: 'Searching…' },
  areasFound: { vi: 'Lĩnh vực', en: 'Areas' },
  clear: { vi: 'Xoá hết', en: 'Clear' },
  space: { vi: 'Dấu cách', en: 'Space' },
  takeTitle: { vi: 'Lấy số thứ tự', en: 'Take a number' },
  takeButton: { vi: 'Lấy số', en: 'Take a number' },
  documents: { vi: 'Giấy tờ cần mang theo', en: 'Documents to bring' },
  noDocuments: { vi: 'Xin hỏi quầy hướng dẫn về giấy tờ cần mang.', en: 'Ask the reception desk.' },
  fee: { vi: 'Phí, lệ phí', en: 'Fee' },
  timeLimit: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  notStated: { vi: 'Xin hỏi tại quầy', en: 'Ask at the counter' },
  area: { vi: 'Lĩnh vực', en: 'Area' },
  waitEstimate: { vi: 'Thời gian chờ dự kiến', en: 'Estimated wait' },
  counters: { vi: 'Quầy phục vụ', en: 'Counters' },
  noCounters: { vi: 'Chưa có quầy phục vụ', en: 'No counter serves it yet' },
  counterNo: { vi: 'Quầy', en: 'Counter' },
  lookupTitle: { vi: 'Tra cứu thủ tục hành chính', en: 'Look up a procedure' },
  lookupNote: {
    vi: 'Màn hình tra cứu: không cấp số. Lấy số tại ki-ốt bên cạnh.',
    en: 'Look-up screen: numbers are taken at the other kiosk.',
  },
  idleTitle: { vi: 'Bạn còn ở đây không?', en: 'Are you still there?' },
  idleText: { vi: 'Tự động về trang đầu sau', en: 'Back to the start in' },
  seconds: { vi: 'giây', en: 's' },
  stay: { vi: 'Chạm để tiếp tục', en: 'Touch to continue' },
  noCounterOpen: NO_COUNTER_OPEN,
  servedNow: { vi: 'Được phục vụ ngay', en: 'Served now' },
  cardTitle: { vi: 'Quét thẻ căn cước', en: 'Scan your ID card' },
  cardSub: { vi: 'Trung tâm cấp số theo thẻ căn cước', en: 'Numbers are issued with the citizen ID card' },
  cardScan: {
    vi: 'Đưa mã QR trên thẻ căn cước vào máy quét bên dưới màn hình',
    en: 'Hold the QR code of your ID card under the scanner below the screen',
  },
  cardType: { vi: 'Hoặc nhập 12 chữ số trên thẻ', en: 'Or type the 12 digits of the card' },
  cardRead: { vi: 'Đã đọc thẻ căn cước — mời chọn thủ tục để lấy số', en: 'ID card read — now choose a procedure' },
  staffHelp: { vi: 'Cán bộ hỗ trợ', en: 'Staff help' },
  overrideLead: {
    vi: 'Dành cho cán bộ: nhập mã PIN để cấp số cho người không mang thẻ căn cước.',
    en: 'Staff: type the PIN to issue a number without an ID card.',
  },
  overrideOk: { vi: 'Cấp số', en: 'Issue' },
  appointment: { vi: 'Lịch hẹn', en: 'Appointment' },
  offlineHint: {
    vi: 'Ki-ốt đang kết nối lại với máy chủ. Vui lòng chờ trong giây lát.',
    en: 'Reconnecting to the server, please wait.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXT;
export type Translate = (key: TextKey) => string;

export function translator(lang: Lang): Translate {
  return (key) => TEXT[key][lang];
}

/** Screens read their words from here; without a provider (a screen's own test) they speak Vietnamese. */
export const TextContext = createContext<{ lang: Lang; t: Translate }>({ lang: 'vi', t: translator('vi') });

export function useText(): { lang: Lang; t: Translate } {
  return useContext(TextContext);
}
