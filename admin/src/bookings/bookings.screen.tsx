import { useEffect, useState } from 'preact/hooks';
import type { AreaDto, BookingStatus, StaffBookingsDto } from '@contract/dto';
import { businessDay, formatTime } from '@ui/time.format';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { DayInput } from '../../../ui/src/day.input.tsx';
import { Notice, Section } from '../admin.fields.tsx';

/** The status of a booking as staff read it. */
export const BOOKING_STATUS: Record<BookingStatus, string> = {
  booked: 'Đã đặt',
  checked_in: 'Đã đến',
  cancelled: 'Đã huỷ',
  missed: 'Lỡ hẹn',
};

/** The ID as staff may see it: nine dots and the last three digits, never more (the server keeps no more). */
export const maskedId = (last3: string) => `•••••••••${last3}`;

/**
 * A day's bookings (issue 13), for the admin and the leaders: who is expected when, who came, who did not. One
 * date picker (dd/mm/yyyy); the totals on top; the citizen shown by the last three digits of the ID only.
 */
export function BookingsScreen(props: { api: AdminApi; timeZone: string }) {
  const [date, setDate] = useState(() => businessDay(Date.now(), props.timeZone));
  const [data, setData] = useState<StaffBookingsDto | null>(null);
  const [areas, setAreas] = useState<AreaDto[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    props.api.areas(true).then(setAreas, () => undefined);
  }, []);
  useEffect(() => {
    let live = true;
    setError('');
    props.api.bookings(date).then(
      (d) => {
        if (live) setData(d);
      },
      (e) => {
        if (!live) return;
        setData(null);
        setError(errorText(e));
      },
    );
    return () => {
      live = false;
    };
  }, [date]);

  const areaName = (id: string) => {
    const a = areas.find((x) => x.id === id);
    return a ? `${a.code} – ${a.name}` : '—';
  };
  const t = data?.totals;
  return (
    <div class="bookings-page">
      <Section
        title="Lịch hẹn"
        actions={
          <label class="inline">
            Ngày <DayInput value={date} onChange={setDate} name="date" label="Ngày xem lịch hẹn" />
          </label>
        }
      >
        {error && <Notice kind="error">{error}</Notice>}
        {t && (
          <div class="booking-totals" data-testid="booking-totals">
            <span>
              Đã đặt <b>{t.booked}</b>
            </span>
            <span>
              Sắp đến (60 phút) <b>{t.due}</b>
            </span>
            <span>
              Đã đến <b>{t.checkedIn}</b>
            </span>
            <span class={t.missed ? 'warn-text' : ''}>
              Lỡ hẹn <b>{t.missed}</b>
            </span>
            <span>
              Đã huỷ <b>{t.cancelled}</b>
            </span>
          </div>
        )}
        {data && data.bookings.length === 0 && <p class="muted">Không có lịch hẹn nào trong ngày này.</p>}
        {data && data.bookings.length > 0 && (
          <table class="data-table" aria-label="Danh sách lịch hẹn">
            <thead>
              <tr>
                <th>Giờ hẹn</th>
                <th>Mã hẹn</th>
                <th>Lĩnh vực</th>
                <th>Thủ tục</th>
                <th>Số CCCD</th>
                <th>Trạng thái</th>
                <th>Số thứ tự</th>
              </tr>
            </thead>
            <tbody>
              {data.bookings.map((b) => (
                <tr key={b.code} data-booking={b.code} class={b.status === 'cancelled' ? 'row-off' : ''}>
                  <td class="num">
                    {formatTime(b.start, props.timeZone)}–{formatTime(b.end, props.timeZone)}
                  </td>
                  <td>
                    <code>{b.code}</code>
                  </td>
                  <td>{areaName(b.areaId)}</td>
                  <td>{b.procedureName ?? '—'}</td>
                  <td title="Chỉ hiển thị ba chữ số cuối">{maskedId(b.idLast3)}</td>
                  <td>
                    <span class={`status-chip booking-${b.status}`}>{BOOKING_STATUS[b.status]}</span>
                  </td>
                  <td>{b.ticketNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
