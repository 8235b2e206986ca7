import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AreaDto, CounterDto, DepartmentDto } from '@contract/dto';
import type { AdminApi } from '../admin.api.ts';
import { errorText } from '../admin.errors.ts';

export interface Catalog {
  departments: DepartmentDto[];
  areas: AreaDto[];
  counters: CounterDto[];
}

/** Departments, areas and counters loaded together: every catalog panel needs the others' names. */
export function useCatalog(api: AdminApi) {
  const [data, setData] = useState<Catalog>({ departments: [], areas: [], counters: [] });
  const [error, setError] = useState('');
  const reload = useCallback(async () => {
    try {
      const [departments, areas, counters] = await Promise.all([
        api.departments(true),
        api.areas(true),
        api.counters(true),
      ]);
      setData({
        departments,
        areas: [...areas].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)),
        counters: [...counters].sort((a, b) => a.number - b.number),
      });
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...data, error, reload };
}
