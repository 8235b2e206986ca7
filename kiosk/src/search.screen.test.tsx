// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { area } from './kiosk.fixtures.ts';
import { mount } from '@ui/render.testing';
import { SearchScreen } from './search.screen.tsx';

describe('SearchScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const areas = [
    area({ id: 'dd', name: 'Đất đai, môi trường', departmentName: 'Sở Nông nghiệp và Môi trường' }),
    area({ id: 'll' }),
  ];

  it('the on-screen keyboard types, deletes and clears', () => {
    const onQuery = vi.fn();
    const v = mount(<SearchScreen areas={areas} query="da" disabled={false} onQuery={onQuery} onChoose={() => {}} />);
    v.click('[data-key=T]');
    v.click('[data-key=space]');
    v.click('[data-key=backspace]');
    expect(onQuery.mock.calls).toEqual([['dat'], ['da '], ['d']]);
  });

  it('"dat dai" finds "Đất đai" and a tap chooses it', () => {
    const onChoose = vi.fn();
    const v = mount(
      <SearchScreen areas={areas} query="dat dai" disabled={false} onQuery={() => {}} onChoose={onChoose} />,
    );
    const found = v.$$('[data-testid=area]');
    expect(found).toHaveLength(1);
    expect(found[0]!.textContent).toContain('Đất đai, môi trường');
    v.click(found[0]!);
    expect(onChoose).toHaveBeenCalledWith('dd');
  });

  it('says so when nothing matches', () => {
    const v = mount(<SearchScreen areas={areas} query="qqq" disabled={false} onQuery={() => {}} onChoose={() => {}} />);
    expect(v.text()).toContain('Không tìm thấy lĩnh vực phù hợp');
  });
});
