/** Banners every display screen shares: lost connection, and sound blocked by the browser. */
import { SpeakerIcon, SpeakerOffIcon } from './icons.tsx';

export function OfflineBanner(props: { show: boolean }) {
  if (!props.show) return null;
  return (
    <div class="banner banner-offline" role="status">
      <span class="banner-dot" /> Mất kết nối máy chủ — đang kết nối lại… Thông tin trên màn hình có thể chưa cập nhật.
    </div>
  );
}

/** The one-time set-up prompt: a browser that blocks autoplay needs one tap. */
export function SoundSetup(props: { onUnlock(): void }) {
  return (
    <div class="sound-setup" role="dialog" aria-label="Bật âm thanh">
      <div class="sound-setup-card">
        <div class="sound-setup-icon">
          <SpeakerIcon />
        </div>
        <h2>Trình duyệt đang chặn âm thanh</h2>
        <p>Bấm nút dưới đây một lần để loa đọc số thứ tự.</p>
        <button type="button" class="sound-setup-button" onClick={props.onUnlock}>
          Bật âm thanh
        </button>
        <p class="sound-setup-hint">
          Để không phải bấm lại sau mỗi lần khởi động, mở Chromium với tham số{' '}
          <code>--autoplay-policy=no-user-gesture-required</code>.
        </p>
      </div>
    </div>
  );
}

export function SoundBlockedWarning(props: { onUnlock(): void }) {
  return (
    <button type="button" class="banner banner-sound" onClick={props.onUnlock}>
      <SpeakerOffIcon size="1.4em" /> Âm thanh đang bị chặn — chạm vào đây để bật loa gọi số
    </button>
  );
}
