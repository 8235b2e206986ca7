import type { AreaDto, DepartmentDto } from '@contract/dto';
import { useText } from './kiosk.i18n.ts';
import { CardGo, Icon } from './kiosk.icons.tsx';

export interface DepartmentsProps {
  departments: DepartmentDto[];
  areas: AreaDto[];
  disabled: boolean;
  onChoose: (departmentId: string) => void;
}

/** The sở, ngành on the first screen. Each shows how many people wait, or that it takes no numbers now. */
export function DepartmentsScreen(p: DepartmentsProps) {
  const { t } = useText();
  return (
    <div class="departments">
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
                      <b>{waiting}</b> {t('waiting')}
                    </span>
                  ) : (
                    <span class="card__reason">
                      <Icon name="alert" />
                      {t('paused')}
                    </span>
                  )}
                </span>
              </span>
              <CardGo />
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
