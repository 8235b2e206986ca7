import { h } from 'preact';
import type { TicketChannel } from '@contract/dto';

/** The words staff and the hall read for a ticket that did not come from the kiosk (issue 13). */
export const CHANNEL_LABEL: Partial<Record<TicketChannel, string>> = {
  appointment: 'Đặt hẹn',
  remote: 'Từ xa',
};

/**
 * A small mark beside a number: "Đặt hẹn" (a checked-in booking, which waits by its slot time) or "Từ xa" (a number
 * taken by phone). Kiosk and staff tickets carry none. Each screen styles `.channel-badge` in its own CSS.
 * (Written with `h`, not JSX: an alias import of a .tsx file is not rewritten by tsc, ui/src keeps .ts files.)
 */
export function ChannelBadge(props: { channel: TicketChannel | undefined; class?: string }) {
  const label = props.channel ? CHANNEL_LABEL[props.channel] : undefined;
  if (!label) return null;
  return h(
    'span',
    {
      class: `channel-badge channel-${props.channel}${props.class ? ` ${props.class}` : ''}`,
      'data-channel': props.channel,
    },
    label,
  );
}
