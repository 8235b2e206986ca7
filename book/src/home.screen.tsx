import type { BookingOptions } from './book.words.ts';

export interface HomeProps {
  options: BookingOptions;
  /** Codes booked on this phone before (never the ID number: only the codes). */
  recent: string[];
  onBook: () => void;
  onNow: () => void;
  onLookup: () => void;
  onRecent: (code: string) => void;
}

/** Book a slot, take today's number, or look up a code. A switched-off service says so instead of a dead button. */
export function HomeScreen(p: HomeProps) {
  const bookingOff = p.options.enabled === false;
  const remoteOff = p.options.remoteTickets === false;
  return (
    <div class="b-home" data-screen="home">
      {bookingOff && remoteOff && (
        <p class="b-alert" role="alert" data-testid="all-off">
          Trung tâm chưa mở đặt lịch hẹn và lấy số trực tuyến. Vui lòng đến Trung tâm và lấy số tại ki-ốt.
        </p>
      )}
      {!bookingOff && (
        <button type="button" class="b-big" data-testid="start-book" onClick={p.onBook}>
          <span class="b-big__title">Đặt lịch hẹn</span>
          <span class="b-big__sub">Chọn thủ tục, ngày và giờ; đến đúng giờ, quét mã tại ki-ốt để nhận số</span>
        </button>
      )}
      {!remoteOff && (
        <button type="button" class="b-big b-big--alt" data-testid="start-now" onClick={p.onNow}>
          <span class="b-big__title">Lấy số hôm nay</span>
          <span class="b-big__sub">Lấy số thứ tự từ điện thoại, theo dõi lượt gọi và đến kịp lúc</span>
        </button>
      )}
      <button type="button" class="b-btn b-btn--ghost" data-testid="start-lookup" onClick={p.onLookup}>
        Tra cứu hoặc huỷ lịch hẹn đã đặt
      </button>
      {p.recent.length > 0 && (
        <section class="b-recent">
          <h2 class="b-h2">Lịch hẹn đã đặt trên điện thoại này</h2>
          {p.recent.map((code) => (
            <button type="button" class="b-item" key={code} data-recent={code} onClick={() => p.onRecent(code)}>
              <span class="b-item__title b-mono">{code}</span>
            </button>
          ))}
        </section>
      )}
    </div>
  );
}
