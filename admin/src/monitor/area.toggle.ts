import { useState } from 'preact/hooks';
import type { AreaDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';

export interface AreaToggle {
  busyId: string | null;
  note: { kind: 'ok' | 'error'; text: string } | null;
  toggle: (a: AreaDto) => Promise<void>;
}

/**
 * Opening or closing an area for new tickets from the control room. Closing turns citizens away at the kiosks,
 * so it asks first; reopening does not. One action at a time: the buttons are disabled while one is in flight.
 */
export function useAreaToggle(
  api: AdminApi,
  reload: () => Promise<void>,
  ask: (q: string) => boolean = (q) => confirm(q),
): AreaToggle {
  const [busyId, setBusyId] = useState<string | null>(null);
  const [note, setNote] = useState<AreaToggle['note']>(null);
  async function toggle(a: AreaDto) {
    if (busyId) return;
    const open = !a.open;
    if (
      !open &&
      !ask(
        `Tạm ngừng cấp số cho lĩnh vực ${a.code} – ${a.name}? Ki-ốt sẽ không cấp số mới; người đang chờ vẫn được phục vụ.`,
      )
    )
      return;
    setBusyId(a.id);
    try {
      const r = await api.setAreaOpen(a.id, open);
      setNote({
        kind: 'ok',
        text: r.open ? `Đã mở cấp số lại cho lĩnh vực ${r.code}.` : `Đã tạm ngừng cấp số cho lĩnh vực ${r.code}.`,
      });
      await reload();
    } catch (e) {
      setNote({ kind: 'error', text: `Không thay đổi được lĩnh vực ${a.code}: ${errorText(e)}` });
    } finally {
      setBusyId(null);
    }
  }
  return { busyId, note, toggle };
}
