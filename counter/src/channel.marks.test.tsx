// @vitest-environment happy-dom
import { mount } from '@ui/render.testing';
import { describe, expect, it } from 'vitest';
import { CurrentTicketPanel } from './current.panel.tsx';
import { counter, ticket } from './fakes.testing.ts';
import { QueuePanel } from './queue.panel.tsx';

/** Issue 13, staff side: the console marks appointment and remote tickets, in the queue and at the counter. */
describe('console marks how a ticket came', () => {
  it('queue rows: "Đặt hẹn" for a checked-in booking, "Từ xa" for a phone number, nothing for the kiosk', () => {
    const { root } = mount(
      <QueuePanel
        waiting={[
          ticket({ id: 't1', number: '1001', channel: 'appointment' }),
          ticket({ id: 't2', number: '1002', channel: 'remote' }),
          ticket({ id: 't3', number: '1003', channel: 'kiosk' }),
        ]}
        noShows={[]}
        areas={[]}
        timeZone="Asia/Ho_Chi_Minh"
        busy={false}
        onCall={() => undefined}
      />,
    );
    const mark = (n: string) =>
      root.querySelector(`.queue-row[data-number="${n}"] .channel-badge`)?.textContent ?? null;
    expect(mark('1001')).toBe('Đặt hẹn');
    expect(mark('1002')).toBe('Từ xa');
    expect(mark('1003')).toBeNull();
  });

  it('the current ticket says it is an appointment', () => {
    const { root } = mount(
      <CurrentTicketPanel
        ticket={ticket({ status: 'called', calledAt: '2026-11-26T01:30:00.000Z', channel: 'appointment' })}
        counter={counter()}
        timeZone="Asia/Ho_Chi_Minh"
      />,
    );
    expect(root.querySelector('.current-top .channel-badge')?.textContent).toBe('Đặt hẹn');
  });
});
