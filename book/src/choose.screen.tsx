import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProcedureDto } from '@contract/dto';
import type { BookableAreaDto, Choice } from './book.api.ts';
import type { BookMode } from './book.state.ts';

/** Waits for the citizen to stop typing before asking the server (its search forgives accents and typos). */
const DEBOUNCE_MS = 250;

export interface ChooseProps {
  /** The areas offered for this mode (bookable, or issuing remote numbers now). */
  areas: BookableAreaDto[];
  loading: boolean;
  mode: BookMode;
  search: (q: string) => Promise<ProcedureDto[]>;
  onChoose: (c: Choice) => void;
}

/** A procedure by search (what citizens know: «khai sinh», «sổ đỏ»), or an area from the list. */
export function ChooseScreen(p: ChooseProps) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ q: string; items: ProcedureDto[]; failed: boolean } | null>(null);
  const latest = useRef('');
  useEffect(() => {
    const query = q.trim();
    latest.current = query;
    if (!query) {
      setFound(null);
      return;
    }
    const timer = setTimeout(() => {
      p.search(query).then(
        (items) => latest.current === query && setFound({ q: query, items, failed: false }),
        () => latest.current === query && setFound({ q: query, items: [], failed: true }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  const offered = new Set(p.areas.map((a) => a.id));
  const closed = p.mode === 'now' ? 'Lĩnh vực này chưa cho lấy số từ xa' : 'Lĩnh vực này chưa nhận đặt lịch trực tuyến';
  const byDept = new Map<string, BookableAreaDto[]>();
  for (const a of p.areas) byDept.set(a.departmentName, [...(byDept.get(a.departmentName) ?? []), a]);

  return (
    <div class="b-choose" data-screen="choose">
      <label class="b-field">
        <span class="b-field__label">Tìm thủ tục</span>
        <input
          type="search"
          class="b-input"
          data-testid="search"
          placeholder="Ví dụ: khai sinh, sổ đỏ, hộ chiếu"
          autocomplete="off"
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
      </label>
      {found && found.q === q.trim() && (
        <ul class="b-list" data-testid="results">
          {found.items.map((x) => (
            <li key={x.id}>
              <button
                type="button"
                class="b-item"
                data-procedure-id={x.id}
                disabled={!offered.has(x.areaId)}
                onClick={() =>
                  p.onChoose({
                    areaId: x.areaId,
                    areaName: x.areaName,
                    departmentName: x.departmentName,
                    procedure: { id: x.id, code: x.code, name: x.name },
                  })
                }
              >
                <span class="b-item__title">{x.name}</span>
                <span class="b-item__sub">
                  {x.areaName} · {x.code}
                </span>
                {!offered.has(x.areaId) && <span class="b-item__off">{closed}</span>}
              </button>
            </li>
          ))}
          {found.items.length === 0 && (
            <li class="b-empty">
              {found.failed
                ? 'Chưa tìm được do mất kết nối. Vui lòng thử lại.'
                : 'Không tìm thấy thủ tục. Bạn có thể chọn lĩnh vực bên dưới.'}
            </li>
          )}
        </ul>
      )}
      <h2 class="b-h2">Hoặc chọn lĩnh vực</h2>
      {[...byDept].map(([dept, areas]) => (
        <section class="b-dept" key={dept}>
          <h3 class="b-dept__name">{dept}</h3>
          {areas.map((a) => (
            <button
              type="button"
              class="b-item b-item--area"
              key={a.id}
              data-area-id={a.id}
              onClick={() => p.onChoose({ areaId: a.id, areaName: a.name, departmentName: dept, procedure: null })}
            >
              <span class="b-item__title">{a.name}</span>
            </button>
          ))}
        </section>
      ))}
      {p.loading && <p class="b-empty">Đang tải danh sách lĩnh vực…</p>}
      {!p.loading && p.areas.length === 0 && (
        <p class="b-alert" data-testid="no-areas">
          {p.mode === 'now'
            ? 'Hiện chưa có lĩnh vực nào cho lấy số từ xa (ngoài giờ cấp số, hoặc chưa có quầy mở). Vui lòng thử lại sau.'
            : 'Hiện chưa có lĩnh vực nào nhận đặt lịch trực tuyến.'}
        </p>
      )}
    </div>
  );
}
