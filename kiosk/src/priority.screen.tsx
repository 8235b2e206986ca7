import { useText } from './kiosk.i18n.ts';

export interface PriorityProps {
  groups: string[];
  disabled: boolean;
  onChoose: (group: string) => void;
}

/** Reached only through the priority entry: the citizen says which group, then chooses as everybody does. */
export function PriorityScreen(p: PriorityProps) {
  const { t } = useText();
  return (
    <div class="priority">
      <div class="grid grid--priority">
        {p.groups.map((g) => (
          <button
            type="button"
            key={g}
            class="btn btn--group"
            disabled={p.disabled}
            data-testid="priority-group"
            onClick={() => p.onChoose(g)}
          >
            {g}
          </button>
        ))}
      </div>
      <p class="priority__note">{t('priorityNote')}</p>
    </div>
  );
}
