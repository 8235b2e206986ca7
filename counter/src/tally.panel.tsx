import type { RatingLevel } from '@contract/dto';
import type { Tally } from './console.state.ts';
import { duration } from './format.ts';
import { levelColor } from './rating.faces.tsx';

/** Today's results of this clerk: what the center evaluates each clerk on (Thông tư 01/2018/TT-VPCP). */
export function TallyPanel({ tally, levels }: { tally: Tally | null; levels: RatingLevel[] }) {
  return (
    <section class="tally" aria-label="Kết quả hôm nay" data-testid="tally">
      <h2>Kết quả hôm nay của bạn</h2>
      <div class="tally-grid">
        <div class="tally-box">
          <div class="tally-n" data-testid="tally-served">
            {tally?.served ?? 0}
          </div>
          <div class="tally-l">Đã phục vụ</div>
        </div>
        <div class="tally-box">
          <div class="tally-n">{tally?.noShow ?? 0}</div>
          <div class="tally-l">Vắng mặt</div>
        </div>
        <div class="tally-box wide">
          <div class="tally-n small">{duration(tally?.avgServiceSec)}</div>
          <div class="tally-l">Thời gian phục vụ TB</div>
        </div>
      </div>
      <div class="tally-ratings">
        {levels.map((l, i) => (
          <div class="tally-rating" key={l.key} data-level={l.key} style={{ background: levelColor(i, levels.length) }}>
            <span class="tally-rating-n">{tally?.ratings[l.key] ?? 0}</span>
            <span class="tally-rating-l">{l.label}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
