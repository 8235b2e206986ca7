import type { AreaDto } from '@contract/dto';
import { Icon } from './kiosk.icons.tsx';

export interface PriorityProps {
  area: AreaDto | null;
  groups: string[];
  disabled: boolean;
  onChoose: (priority: boolean, group: string | null) => void;
}

/** Optional step: most people are not in a priority group, so "no" is first and largest. */
export function PriorityScreen(p: PriorityProps) {
  return (
    <div class="priority">
      {p.area && (
        <div class="chosen">
          <span class="chosen__label">Lĩnh vực đã chọn</span>
          <span class="chosen__name" data-testid="chosen-area">
            {p.area.name}
          </span>
          <span class="chosen__dept">{p.area.departmentName}</span>
        </div>
      )}
      <button
        type="button"
        class="btn btn--primary btn--huge"
        disabled={p.disabled}
        data-testid="no-priority"
        onClick={() => p.onChoose(false, null)}
      >
        Không thuộc đối tượng ưu tiên
        <small>Chạm vào đây để lấy số</small>
      </button>
      <h2 class="priority__heading">
        <Icon name="star" /> Hoặc chọn nếu bạn thuộc đối tượng ưu tiên
      </h2>
      <div class="grid grid--priority">
        {p.groups.map((g) => (
          <button
            type="button"
            key={g}
            class="btn btn--group"
            disabled={p.disabled}
            data-testid="priority-group"
            onClick={() => p.onChoose(true, g)}
          >
            {g}
          </button>
        ))}
      </div>
      <p class="priority__note">Đối tượng ưu tiên vui lòng xuất trình giấy tờ chứng minh khi được gọi.</p>
    </div>
  );
}
