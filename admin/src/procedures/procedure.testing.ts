import type { AreaDto, ProcedureDto } from '@contract/dto';

/** Test data for the procedure screens: an area, the catalogue the forms choose from, a procedure. */
export const areaDto = (id: string, code: string, name: string) => ({ id, code, name, active: true }) as AreaDto;

export const catalogOf = (...areas: AreaDto[]) => ({ departments: [], areas, counters: [] });

/** Cấp Phiếu lý lịch tư pháp (2.000488) in area a1 (LLTP), as the server lists it; `over` changes what a test needs. */
export const procedureDto = (over: Partial<ProcedureDto> = {}): ProcedureDto => ({
  id: 'p1',
  code: '2.000488',
  name: 'Cấp Phiếu lý lịch tư pháp',
  areaId: 'a1',
  areaCode: 'LLTP',
  areaName: 'Lý lịch tư pháp',
  departmentName: 'Sở Tư pháp',
  timeLimit: '10 ngày',
  fee: '200.000 đồng/lần/người',
  documents: ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp căn cước'],
  keywords: ['lý lịch tư pháp', 'LLTP'],
  active: true,
  ...over,
});
