// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { area, procedure } from './kiosk.fixtures.ts';
import { mount } from '@ui/render.testing';
import type { SearchResult } from './procedure.search.ts';
import { SearchScreen, type SearchProps } from './search.screen.tsx';

const areas = [
  area({ id: 'dd', name: 'Đất đai, môi trường', departmentName: 'Sở Nông nghiệp và Môi trường' }),
  area({ id: 'll' }),
];
const done = (query: string, items = [procedure()]): SearchResult => ({ query, status: 'done', items });
const props = (over: Partial<SearchProps> = {}): SearchProps => ({
  areas,
  query: '',
  results: { query: '', status: 'idle', items: [] },
  disabled: false,
  onQuery: vi.fn(),
  onProcedure: vi.fn(),
  onArea: vi.fn(),
  ...over,
});

describe('SearchScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('the on-screen keyboard types, deletes and clears', () => {
    const p = props({ query: 'da' });
    const v = mount(<SearchScreen {...p} />);
    v.click('[data-key=T]');
    v.click('[data-key=space]');
    v.click('[data-key=backspace]');
    v.click('[data-key=clear]');
    expect((p.onQuery as ReturnType<typeof vi.fn>).mock.calls).toEqual([['dat'], ['da '], ['d'], ['']]);
  });

  it('procedures found are listed with their area; a tap opens the card', () => {
    const p = props({ query: 'khai sinh', results: done('khai sinh') });
    const v = mount(<SearchScreen {...p} />);
    const found = v.$$('[data-testid=procedure]');
    expect(found).toHaveLength(1);
    expect(found[0]!.textContent).toContain('Đăng ký khai sinh');
    expect(found[0]!.textContent).toContain('Hộ tịch');
    v.click(found[0]!);
    expect(p.onProcedure).toHaveBeenCalledWith(procedure());
  });

  it('areas whose name matches are a second way in', () => {
    const p = props({ query: 'dat dai', results: done('dat dai', []) });
    const v = mount(<SearchScreen {...p} />);
    v.click('[data-area-id=dd]');
    expect(p.onArea).toHaveBeenCalledWith('dd');
  });

  it('nothing found: ask the reception desk (only once the answer is in)', () => {
    const loading = mount(
      <SearchScreen {...props({ query: 'qqq', results: { query: 'qqq', status: 'loading', items: [] } })} />,
    );
    expect(loading.$('[data-testid=not-found]')).toBeNull();
    const v = mount(<SearchScreen {...props({ query: 'qqq', results: done('qqq', []) })} />);
    expect(v.$('[data-testid=not-found]')!.textContent).toBe('Không tìm thấy thủ tục. Xin mời hỏi quầy hướng dẫn.');
  });
});
