import { describe, expect, it } from 'vitest';
import { unavailableLabel, waitLabel, waitingLabel } from './area.labels.ts';

describe('labels', () => {
  it('names every unavailable reason in Vietnamese', () => {
    expect(unavailableLabel('closed')).toBe('Tạm ngừng cấp số');
    expect(unavailableLabel('outside_hours')).toBe('Ngoài giờ cấp số');
    expect(unavailableLabel('full')).toBe('Đã hết số hôm nay');
    expect(unavailableLabel('numbers_exhausted')).toBe('Đã hết số hôm nay');
    expect(unavailableLabel('holiday')).toContain('nghỉ');
    expect(unavailableLabel('no_counter')).toBe('Chưa có quầy phục vụ lĩnh vực này');
  });
  it('estimated wait: minutes, hours, or not estimable', () => {
    expect(waitLabel(null)).toBe('Chưa có quầy mở');
    expect(waitLabel(0)).toBe('Được phục vụ ngay');
    expect(waitLabel(15)).toBe('Khoảng 15 phút');
    expect(waitLabel(90)).toBe('Khoảng 1 giờ 30 phút');
    expect(waitLabel(120)).toBe('Khoảng 2 giờ');
    expect(waitingLabel(0)).toBe('Không có người chờ');
  });
});
