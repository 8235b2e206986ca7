import type { AreaDto, ProcedureDto } from '@contract/dto';
import { searchAreas } from './area.search.ts';
import { AreaCard } from './area.card.tsx';
import { KeyboardPanel } from './keyboard.panel.tsx';
import { useText } from './kiosk.i18n.ts';
import { CardGo, Icon } from './kiosk.icons.tsx';
import type { SearchResult } from './procedure.search.ts';

export interface SearchProps {
  areas: AreaDto[];
  query: string;
  results: SearchResult;
  disabled: boolean;
  onQuery: (q: string) => void;
  onProcedure: (p: ProcedureDto) => void;
  onArea: (areaId: string) => void;
}

/**
 * Find the procedure one came for, typed without diacritics on big keys; results appear as one types (the server
 * forgives diacritics and typos). Areas whose name matches are offered below, as a second way in.
 */
export function SearchScreen(p: SearchProps) {
  const { t } = useText();
  const typed = p.query.trim() !== '';
  const areas = typed
    ? searchAreas(
        p.areas.filter((a) => a.active),
        p.query,
      ).slice(0, 3)
    : [];
  const settled = p.results.status === 'done' || p.results.status === 'error';
  const nothing = typed && settled && p.results.items.length === 0;
  return (
    <div class="search">
      <div class="search__left">
        <div class="search__box" data-testid="search-box">
          <Icon name="search" />
          <span class={p.query ? 'search__text' : 'search__text search__text--empty'}>
            {p.query || t('searchEmpty')}
          </span>
          <span class="search__caret" aria-hidden="true" />
        </div>
        <div class="search__results" data-status={p.results.status}>
          {nothing && (
            <p class="empty empty--ask" data-testid="not-found" role="status">
              {t('notFound')}
            </p>
          )}
          <div class="proc-list">
            {p.results.items.map((x) => (
              <button
                type="button"
                key={x.id}
                class="card proc-card"
                disabled={p.disabled}
                data-testid="procedure"
                data-procedure-id={x.id}
                onClick={() => p.onProcedure(x)}
              >
                <span class="card__body">
                  <span class="card__name">{x.name}</span>
                  <span class="card__kicker">
                    {x.areaName} · {x.departmentName}
                  </span>
                </span>
                <CardGo />
              </button>
            ))}
          </div>
          {areas.length > 0 && (
            <>
              <h2 class="search__heading">{t('areasFound')}</h2>
              <div class="grid grid--areas">
                {areas.map((a) => (
                  <AreaCard key={a.id} area={a} showDepartment disabled={p.disabled} onChoose={p.onArea} />
                ))}
              </div>
            </>
          )}
        </div>
      </div>
      <KeyboardPanel value={p.query} disabled={p.disabled} onChange={p.onQuery} />
    </div>
  );
}
