import type { AreaDto, ProcedureDto } from '@contract/dto';
import { unavailableLabel, waitLabel } from './area.labels.ts';
import { useText } from './kiosk.i18n.ts';
import { Icon } from './kiosk.icons.tsx';
import { PriorityChosen } from './home.screen.tsx';

export interface TakeProps {
  area: AreaDto | null;
  /** Chosen through the search: its card (papers, fee, time limit) comes before the number. */
  procedure: ProcedureDto | null;
  priorityGroup: string | null;
  /** A look-up kiosk shows the counters serving the area instead of "Lấy số". */
  lookup: boolean;
  counters: number[];
  disabled: boolean;
  onTake: () => void;
}

/** The last step: what was chosen, what to bring, how long it takes, and the one big "Lấy số". */
export function TakeScreen(p: TakeProps) {
  const { lang, t } = useText();
  const a = p.area;
  const pr = p.procedure;
  const available = !!a && a.available && a.active;
  return (
    <div class="take">
      <section class="take__card" data-testid="procedure-card">
        {pr && <div class="take__code">{pr.code}</div>}
        <h2 class="take__name" data-testid="chosen-name">
          {pr ? pr.name : a?.name}
        </h2>
        <div class="take__area">{pr ? `${t('area')}: ${pr.areaName} · ${pr.departmentName}` : a?.departmentName}</div>
        {pr && (
          <>
            <dl class="take__facts">
              <div>
                <dt>{t('timeLimit')}</dt>
                <dd data-testid="time-limit">{pr.timeLimit || t('notStated')}</dd>
              </div>
              <div>
                <dt>{t('fee')}</dt>
                <dd data-testid="fee">{pr.fee || t('notStated')}</dd>
              </div>
            </dl>
            <h3 class="take__docs-title">{t('documents')}</h3>
            {pr.documents.length ? (
              <ol class="take__docs" data-testid="documents">
                {pr.documents.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ol>
            ) : (
              <p class="take__docs-none">{t('noDocuments')}</p>
            )}
          </>
        )}
      </section>
      <section class="take__side">
        {a && available && (
          // Label and value in one text block beside the icon, the estimate's label on a line of its own: in the
          // landscape side column (a third of the screen) "Thời gian chờ dự kiến: Chưa có quầy mở" used to wrap as
          // two narrow columns side by side (test/kiosk.take.layout.e2e.test.ts).
          <div class="take__wait">
            <div class="take__stat">
              <Icon name="people" />
              <span class="take__stat-text">
                <b data-testid="waiting">{a.waiting}</b> {t('waiting')}
              </span>
            </div>
            <div class="take__stat">
              <Icon name="clock" />
              <span class="take__stat-text">
                <span class="take__stat-label">{t('waitEstimate')}</span>
                <b data-testid="take-wait">{waitLabel(a.estimatedWaitMin, lang)}</b>
              </span>
            </div>
          </div>
        )}
        {p.lookup ? (
          <div class="take__counters" data-testid="counters">
            <b>{t('counters')}:</b>{' '}
            {p.counters.length ? p.counters.map((n) => `${t('counterNo')} ${n}`).join(', ') : t('noCounters')}
          </div>
        ) : available ? (
          <>
            {p.priorityGroup && (
              <PriorityChosen class="take__priority" testId="take-priority" group={p.priorityGroup} />
            )}
            <button
              type="button"
              class="btn btn--primary btn--huge take__button"
              disabled={p.disabled}
              data-testid="take"
              onClick={p.onTake}
            >
              {t('takeButton')}
            </button>
          </>
        ) : (
          <p class="card__reason" data-testid="reason">
            <Icon name="alert" />
            {a ? unavailableLabel(a.unavailableReason) : t('paused')}
          </p>
        )}
      </section>
    </div>
  );
}
