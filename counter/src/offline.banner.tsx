import './offline.css';

/** A band across the top while the server cannot be reached; the screen heals itself on reconnect. */
export function OfflineBanner({ online }: { online: boolean }) {
  if (online) return null;
  return (
    <div class="offline-banner" role="alert">
      <span class="offline-dot" /> Mất kết nối tới máy chủ — đang kết nối lại… Thao tác sẽ hoạt động trở lại ngay khi có
      kết nối.
    </div>
  );
}
