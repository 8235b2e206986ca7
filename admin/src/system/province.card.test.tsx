// @vitest-environment happy-dom
import { renderSettled, withTestHost } from '@ui/render.testing';
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { ProvinceLinkDto } from '@contract/dto';
import { createAdminApi } from '../admin.api.ts';
import { fakeFetch, settle } from '../admin.testing.ts';
import { ProvinceCard } from './province.card.tsx';

let host: HTMLElement;
withTestHost((h) => (host = h));

const link = (p: Partial<ProvinceLinkDto> = {}): ProvinceLinkDto => ({
  configured: true,
  url: 'https://tinh.example.vn',
  tokenSet: true,
  fromEnv: { url: false, token: false },
  state: 'retrying',
  lastAckAt: '2026-11-26T08:05:00+07:00',
  pending: 42,
  lagSec: 125,
  lastError: 'Không kết nối được máy chủ tỉnh (fetch failed: ECONNREFUSED)',
  ...p,
});

describe('province card', () => {
  it('shows the state, what waits and how late, and the last error; saves URL and token without showing the token', async () => {
    const sent: unknown[] = [];
    const { fetch } = fakeFetch({
      'GET /api/province/link': () => link(),
      'PUT /api/province/link': (body: unknown) => {
        sent.push(body);
        return link({ state: 'ok', pending: 0, lagSec: 0, lastError: null });
      },
    });
    const api = createAdminApi(() => 't', fetch);
    await renderSettled(<ProvinceCard api={api} timeZone="Asia/Ho_Chi_Minh" />, host);
    const text = host.textContent ?? '';
    expect(text).toContain('Mất kết nối, đang thử lại');
    expect(text).toContain('Chờ gửi 42 · trễ 2 phút');
    expect(text).toContain('ECONNREFUSED');
    await act(() => (host.querySelector('button') as HTMLButtonElement).click());
    const [url, token] = [...host.querySelectorAll('input')] as HTMLInputElement[];
    expect(url!.value).toBe('https://tinh.example.vn');
    expect(token!.value).toBe('');
    await act(() => {
      token!.value = 'secret-token';
      token!.dispatchEvent(new Event('input'));
    });
    await act(() => {
      (host.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    });
    await settle();
    expect(sent).toEqual([{ url: 'https://tinh.example.vn', token: 'secret-token' }]);
    expect(host.textContent).toContain('Đang gửi bình thường');
    expect(host.textContent).not.toContain('secret-token');
  });
});
