import type { AreaDto, DepartmentDto } from '@contract/dto';
import { DepartmentsScreen } from './departments.screen.tsx';
import { useText } from './kiosk.i18n.ts';
import { Icon } from './kiosk.icons.tsx';

export interface HomeProps {
  departments: DepartmentDto[];
  areas: AreaDto[];
  disabled: boolean;
  lookup: boolean;
  /** The group chosen through the priority entry, shown so the citizen knows it was taken into account. */
  priorityGroup: string | null;
  notice?: string;
  printerWarning?: string | null;
  offline: boolean;
  onSearch: () => void;
  onPriority: () => void;
  onDepartment: (id: string) => void;
}

/**
 * The first screen, touched by the citizen directly: the big search, the priority entry and the departments.
 * No "touch to start": the first touch acts on what was touched.
 */
export function HomeScreen(p: HomeProps) {
  const { t } = useText();
  return (
    <div class="home">
      {p.printerWarning && !p.lookup && (
        <p class="home__printer" role="status" data-testid="printer-warning">
          {p.printerWarning}
        </p>
      )}
      {p.notice && <p class="home__notice">{p.notice}</p>}
      {p.offline && <p class="home__hint">{t('offlineHint')}</p>}
      {p.lookup && (
        <p class="home__lookup" data-testid="lookup-note">
          {t('lookupNote')}
        </p>
      )}
      <div class="home__entries">
        <button type="button" class="home__search" disabled={p.disabled} onClick={p.onSearch} data-testid="open-search">
          <Icon name="search" />
          <span>
            <b>{t('searchBig')}</b>
            <small>{t('searchHint')}</small>
          </span>
        </button>
        {!p.lookup &&
          (p.priorityGroup ? (
            <PriorityChosen class="home__chosen" testId="priority-chosen" group={p.priorityGroup} />
          ) : (
            <button
              type="button"
              class="home__priority"
              disabled={p.disabled}
              onClick={p.onPriority}
              data-testid="priority-entry"
            >
              <Icon name="star" />
              <span>
                <b>{t('priorityEntry')}</b>
                <small>{t('priorityHint')}</small>
              </span>
            </button>
          ))}
      </div>
      <h2 class="home__heading">{t('chooseDept')}</h2>
      <DepartmentsScreen departments={p.departments} areas={p.areas} disabled={p.disabled} onChoose={p.onDepartment} />
    </div>
  );
}

/** The priority group the citizen chose, said on every screen until the number is taken. */
export function PriorityChosen(p: { class: string; testId: string; group: string }) {
  const { t } = useText();
  return (
    <div class={p.class} data-testid={p.testId}>
      <Icon name="star" /> {t('priorityChosen')}: {p.group}
    </div>
  );
}
