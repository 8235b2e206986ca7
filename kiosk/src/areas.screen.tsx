import type { AreaDto } from '@contract/dto';
import { AreaCard } from './area.card.tsx';

export interface AreasProps {
  areas: AreaDto[];
  disabled: boolean;
  onChoose: (areaId: string) => void;
}

/** Step 2: the lĩnh vực of the chosen department, with live waiting counts. */
export function AreasScreen(p: AreasProps) {
  return (
    <div class="areas">
      <div class="grid grid--areas">
        {p.areas.map((a) => (
          <AreaCard key={a.id} area={a} disabled={p.disabled} onChoose={p.onChoose} />
        ))}
      </div>
      {p.areas.length === 0 && <p class="empty">Sở, ngành này chưa có lĩnh vực nhận hồ sơ.</p>}
    </div>
  );
}
