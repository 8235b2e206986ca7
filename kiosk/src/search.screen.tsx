import type { AreaDto } from '@contract/dto';
import { searchAreas } from './area.search.ts';
import { AreaCard } from './area.card.tsx';
import { KeyboardPanel } from './keyboard.panel.tsx';
import { Icon } from './kiosk.icons.tsx';

export interface SearchProps {
  areas: AreaDto[];
  query: string;
  disabled: boolean;
  onQuery: (q: string) => void;
  onChoose: (areaId: string) => void;
}

/** Find a lĩnh vực by typing a few letters, without diacritics. */
export function SearchScreen(p: SearchProps) {
  const results = searchAreas(
    p.areas.filter((a) => a.active),
    p.query,
  );
  return (
    <div class="search">
      <div class="search__left">
        <div class="search__box" data-testid="search-box">
          <Icon name="search" />
          <span class={p.query ? 'search__text' : 'search__text search__text--empty'}>
            {p.query || 'Gõ tên lĩnh vực, ví dụ: dat dai, ho tich…'}
          </span>
          <span class="search__caret" aria-hidden="true" />
        </div>
        <div class="search__results">
          {p.query.trim() === '' && <p class="empty">Gõ vài chữ đầu của tên lĩnh vực. Không cần gõ dấu.</p>}
          {p.query.trim() !== '' && results.length === 0 && (
            <p class="empty">
              Không tìm thấy lĩnh vực phù hợp. Hãy thử từ khác hoặc chạm "Quay lại" để chọn theo sở, ngành.
            </p>
          )}
          <div class="grid grid--areas">
            {results.slice(0, 6).map((a) => (
              <AreaCard key={a.id} area={a} showDepartment disabled={p.disabled} onChoose={p.onChoose} />
            ))}
          </div>
        </div>
      </div>
      <KeyboardPanel value={p.query} disabled={p.disabled} onChange={p.onQuery} />
    </div>
  );
}
