import type { AreaDto, DepartmentDto } from '@contract/dto';
import { Icon } from './kiosk.icons.tsx';

export interface DepartmentsProps {
  departments: DepartmentDto[];
  areas: AreaDto[];
  disabled: boolean;
  onChoose: (departmentId: string) => void;
  onSearch: () => void;
}

/** Step 1: the sở, ngành. Each shows how many of its lĩnh vực take numbers and how many people wait. */
export function DepartmentsScreen(p: DepartmentsProps) {
  return (
    <div class="departments">
      <button type="button" class="search-entry" disabled={p.disabled} onClick={p.onSearch} data-testid="open-search">
        <Icon name="search" />{' '}
        <span>
          Tìm nhanh lĩnh vực (gõ tên, ví dụ: <i>dat dai</i>)
        </span>
      </button>
      <div class="grid">
        {p.departments.map((d) => {
          const areas = p.areas.filter((a) => a.active && a.departmentId === d.id);
          const open = areas.filter((a) => a.available);
          const waiting = areas.reduce((n, a) => n + a.waiting, 0);
          return (
            <button
              type="button"
              key={d.id}
              class={`card dept-card ${open.length ? '' : 'card--off'}`}
              disabled={p.disabled}
              data-testid="department"
              data-department-id={d.id}
              onClick={() => p.onChoose(d.id)}
            >
              <span class="card__body">
                <span class="card__name">{d.name}</span>
                <span class="card__facts">
                  {open.length ? (
                    <span class="fact">
                      <Icon name="people" />
                      <b>{waiting}</b> người đang chờ
                    </span>
                  ) : (
                    <span class="card__reason">
                      <Icon name="alert" />
                      Tạm ngừng cấp số
                    </span>
                  )}
                </span>
              </span>
              <span class="card__go" aria-hidden="true">
                <Icon name="chevron" />
              </span>
            </button>
          );
        })}
      </div>
      {p.departments.length === 0 && (
        <p class="empty">Chưa có sở, ngành nào nhận hồ sơ. Vui lòng hỏi cán bộ hướng dẫn.</p>
      )}
    </div>
  );
}
