import { useEffect, useState } from 'preact/hooks';
import { ClerkPaper, useClerkPeriod, type WhoColumn } from '../../../../ui/src/clerk.paper.tsx';
import type { ProvinceApi } from '../province.api.ts';
import { levelsOf, splitClerkKey } from './hub.report.format.ts';

/**
 * The quarterly / yearly evaluation of every clerk of the province (Thông tư 01/2018/TT-VPCP asks for per-clerk
 * results by quarter and year): the center's printed summary (ui/src/clerk.paper.tsx) with the clerk's center
 * beside the name.
 */
export function ProvinceClerkEvaluation(props: {
  api: ProvinceApi;
  provinceName: string;
  year: number;
  quarter: number;
  onBack: () => void;
  onError: (e: unknown) => void;
}) {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    props.api.centers().then((list) => setNames(new Map(list.map((c) => [c.code, c.name]))), props.onError);
  }, []);
  const paper = useClerkPeriod(props, (p) => props.api.report({ ...p, groupBy: 'clerk' }), props.onError);
  // A hub row's key is `<center>/<username>`: the center by its name where the hub knows it, then the person.
  const who: WhoColumn[] = [
    { label: 'Trung tâm', value: (r) => names.get(splitClerkKey(r.key).center) ?? splitClerkKey(r.key).center },
    { label: 'Cán bộ', value: (r) => (r.label && r.label !== r.key ? r.label : splitClerkKey(r.key).username) },
    { label: 'Tên đăng nhập', value: (r) => splitClerkKey(r.key).username },
  ];
  return (
    <ClerkPaper
      class="pv-clerks"
      orgName={props.provinceName}
      title="BẢNG TỔNG HỢP KẾT QUẢ PHỤC VỤ CỦA CÁN BỘ TOÀN TỈNH"
      who={who}
      levels={levelsOf(paper.report?.totals)}
      paper={paper}
      onBack={props.onBack}
    />
  );
}
