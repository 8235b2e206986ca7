import type { DeviceDto } from '@contract/dto';
import type { PairingCode } from '../admin.api.ts';
import { formatDateTime } from '@ui/time.format';

/** What the devices table says about pairing: the code itself is never listed (the server keeps only its hash). */
export function PairingStatus(props: { device: DeviceDto; now: number }) {
  const d = props.device;
  if (d.revokedAt) return <span class="status-chip off">Đã thu hồi</span>;
  if (d.inUse) return <span class="status-chip ok">Đang hoạt động</span>;
  if (d.pairingExpiresAt && Date.parse(d.pairingExpiresAt) > props.now) {
    return (
      <span class="status-chip warn" title="Mã chỉ hiện một lần, lúc tạo">
        Chờ ghép nối · mã hết hạn {formatDateTime(d.pairingExpiresAt)}
      </span>
    );
  }
  return <span class="status-chip off">Chưa ghép nối</span>;
}

/** A code just made on demand: shown once, with its expiry, for the technician to type on the device. */
export function PairingCodeBox(props: { device: DeviceDto; code: PairingCode; paired?: boolean; onClose: () => void }) {
  if (props.paired) {
    // Used: the code cannot pair anything any more, so it is not left on screen for someone to copy.
    return (
      <div class="pair-box" data-testid="pairing-code-box" role="status">
        <div>
          <h3>Thiết bị đã ghép nối: «{props.device.name}»</h3>
          <button class="btn btn-soft" onClick={props.onClose}>
            Đóng
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="pair-box" data-testid="pairing-code-box" role="status">
      <div>
        <h3>Mã ghép nối của «{props.device.name}»</h3>
        <p>
          <b class="pair-code">{props.code.code}</b>
        </p>
        <p>
          Nhập mã trên màn hình ghép nối của thiết bị. Mã dùng được <b>một lần</b>, đến{' '}
          <b>{formatDateTime(props.code.expiresAt)}</b> (10 phút), và không còn hiệu lực khi thiết bị đã ghép nối.
        </p>
        {props.code.replacedToken && (
          <p class="warn-text">Mã thiết bị cũ đã ngừng hoạt động: màn hình đang chạy với mã cũ sẽ về trang ghép nối.</p>
        )}
        <button class="btn btn-soft" onClick={props.onClose}>
          Đã ghép nối xong, đóng
        </button>
      </div>
    </div>
  );
}

/** Re-pairing a device in use stops the screen now using it: the admin says so first. */
export function confirmRepair(d: DeviceDto, ask: (text: string) => boolean = (t) => confirm(t)): boolean {
  if (!d.inUse) return true;
  return ask(
    `Ghép nối lại «${d.name}»? Mã thiết bị hiện tại ngừng hoạt động ngay; màn hình đang chạy phải nhập mã mới.`,
  );
}
