import type { AreaDto } from '@contract/dto';
import { unavailableLabel, waitLabel } from './area.labels.ts';
import { useText } from './kiosk.i18n.ts';
import { CardGo, Icon } from './kiosk.icons.tsx';

/** One lĩnh vực: name, people waiting (live), estimated wait; greyed with the reason when no number can be taken. */
export function AreaCard(p: {
  area: AreaDto;
  disabled: boolean;
  showDepartment?: boolean;
  onChoose: (areaId: string) => void;
}) {
  const a = p.area;
  const { lang, t } = useText();
  const available = a.available && a.active;
  return (
    <button
      type="button"
      class={`card area-card ${available ? '' : 'card--off'}`}
      disabled={p.disabled || !available}
      aria-disabled={!available}
      data-testid="area"
      data-area-id={a.id}
      onClick={() => p.onChoose(a.id)}
    >
      <span class="card__body">
        {p.showDepartment && <span class="card__kicker">{a.departmentName}</span>}
        <span class="card__name">{a.name}</span>
        {available ? (
          <span class="card__facts">
            <span class="fact">
              <Icon name="people" />
              <b data-testid="waiting">{a.waiting}</b> {t('waiting')}
            </span>
            <span class="fact">
              <Icon name="clock" />
              {waitLabel(a.estimatedWaitMin, lang)}
            </span>
          </span>
        ) : (
          <span class="card__reason" data-testid="reason">
            <Icon name="alert" />
            {unavailableLabel(a.unavailableReason)}
          </span>
        )}
      </span>
      {available && <CardGo />}
    </button>
  );
}
