import { useState } from 'preact/hooks';
import type { RatingLevel } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';
import { Notice } from '../admin.fields.tsx';
import { ClerkPaper, useClerkPeriod, type WhoColumn } from '../../../ui/src/clerk.paper.tsx';

/** A center's clerk is its username; the report row's label is the person's name. */
const WHO: WhoColumn[] = [
  { label: 'Cán bộ', value: (r) => r.label || r.key },
  { label: 'Tên đăng nhập', value: (r) => r.key },
];

/** The center's printed per-clerk summary for a quarter or a year (the layout is ui/src/clerk.paper.tsx). */
export function ClerkSummary(props: {
  api: AdminApi;
  levels: RatingLevel[];
  centerName: string;
  year: number;
  quarter: number;
  onBack: () => void;
}) {
  const [error, setError] = useState('');
  const paper = useClerkPeriod(
    props,
    (p) => props.api.report({ ...p, groupBy: 'clerk' }),
    (e) => setError(errorText(e)),
  );
  return (
    <ClerkPaper
      orgName={props.centerName}
      title="BẢNG TỔNG HỢP KẾT QUẢ PHỤC VỤ CỦA CÁN BỘ"
      who={WHO}
      levels={props.levels}
      paper={paper}
      onBack={props.onBack}
      notice={error && <Notice kind="error">{error}</Notice>}
    />
  );
}
