// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { QueueSocket } from '@client/socket.client';
import {
  RECONNECT_MS,
  useQueueSocket,
  useSocketEvents,
  type OpenerHandlers,
  type SocketStatus,
} from './queue-socket.hook.ts';
import { mount } from './render.testing.ts';
import { fakeSocket } from './socket.testing.ts';

let seen: { socket: QueueSocket | null; status: SocketStatus };
function Probe(p: { open: (() => QueueSocket) | null; k: unknown; on?: OpenerHandlers; part?: OpenerHandlers }) {
  seen = useQueueSocket(p.open, p.k, p.on);
  useSocketEvents(seen.socket, p.part ?? {});
  return <p data-status={seen.status}>{seen.status}</p>;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useQueueSocket: one socket per key, one reconnect policy', () => {
  it('opens nothing without an opener, one socket per key, and closes it on unmount', () => {
    const open = vi.fn(() => fakeSocket());
    const v = mount(<Probe open={null} k={null} />);
    expect(open).not.toHaveBeenCalled();
    v.rerender(<Probe open={open} k="tok" />);
    v.rerender(<Probe open={open} k="tok" />);
    expect(open).toHaveBeenCalledTimes(1);
    const first = open.mock.results[0]!.value as ReturnType<typeof fakeSocket>;
    v.rerender(<Probe open={open} k="tok-2" />);
    expect(open).toHaveBeenCalledTimes(2);
    expect(first.disconnects).toBe(1);
    expect(first.count('connect')).toBe(0);
    v.unmount();
    expect((open.mock.results[1]!.value as ReturnType<typeof fakeSocket>).disconnects).toBe(1);
  });

  it('forwards typed events to the handler of the latest render, and to a part mounted below', () => {
    const s = fakeSocket();
    const first = vi.fn();
    const latest = vi.fn();
    const part = vi.fn();
    const v = mount(<Probe open={() => s} k="tok" on={{ 'queue:updated': first }} />);
    v.rerender(<Probe open={() => s} k="tok" on={{ 'queue:updated': latest }} part={{ 'queue:updated': part }} />);
    act(() => s.fire('queue:updated', { areaId: 'a1', waiting: 3 }));
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith({ areaId: 'a1', waiting: 3 });
    expect(part).toHaveBeenCalledTimes(1);
    v.unmount();
    expect(s.count('queue:updated')).toBe(0);
  });

  it('status: connecting, online on connect, offline on a loss; socket.io’s own retries are left alone', () => {
    const s = fakeSocket();
    const v = mount(<Probe open={() => s} k="tok" />);
    expect(v.$('p')!.dataset.status).toBe('connecting');
    act(() => s.fire('connect'));
    expect(v.$('p')!.dataset.status).toBe('online');
    act(() => s.fire('disconnect', 'transport close')); // still active: socket.io retries by itself
    expect(v.$('p')!.dataset.status).toBe('offline');
    act(() => {
      vi.advanceTimersByTime(RECONNECT_MS * 3);
    });
    expect(s.connects).toBe(0);
    v.unmount();
  });

  it('when socket.io gives up (closed by the server, refused), says so once and connects again after RECONNECT_MS', () => {
    const s = fakeSocket();
    const gaveUp = vi.fn();
    const v = mount(<Probe open={() => s} k="tok" on={{ gaveUp }} />);
    act(() => s.fire('connect'));
    s.active = false;
    act(() => s.fire('disconnect', 'io server disconnect'));
    act(() => s.fire('connect_error', new Error('auth.device_revoked')));
    expect(gaveUp).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(RECONNECT_MS - 1);
    });
    expect(s.connects).toBe(0);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(s.connects).toBe(1);
    // Refused again: the policy repeats for as long as the screen is open.
    s.active = false;
    act(() => s.fire('connect_error', new Error('auth.device_revoked')));
    act(() => {
      vi.advanceTimersByTime(RECONNECT_MS);
    });
    expect(s.connects).toBe(2);
    expect(gaveUp).toHaveBeenCalledTimes(2);
    // Closed with a retry pending: the retry is dropped with the socket.
    s.active = false;
    act(() => s.fire('disconnect', 'io server disconnect'));
    v.unmount();
    act(() => {
      vi.advanceTimersByTime(RECONNECT_MS * 2);
    });
    expect(s.connects).toBe(2);
  });
});
