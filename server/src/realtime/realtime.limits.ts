import type { ErrorCode } from '../contract/errors.ts';

/** Set in config.ts (SOCKET_TRACKERS_PER_TICKET, SOCKET_ANON_PER_ADDRESS). */
export interface SocketLimits {
  /** Tracking sockets that may follow one ticket id at once (a family's phones, not a crowd). */
  trackersPerTicket: number;
  /** Anonymous (tracking) sockets from one remote address at once. Staff and devices are not counted. */
  anonymousPerAddress: number;
}

/**
 * Counts the anonymous sockets that are connected: by ticket id and by remote address. `admit` is asked at the
 * handshake, `add` once the socket is connected and `remove` when it goes. Between the check and the connection
 * socket.io only runs microtasks and next-ticks, in which no other handshake is read, so counting connected
 * sockets is exact (counting at the check would leak a place for each client that leaves in between).
 */
export function createAnonymousCounter(limits: SocketLimits) {
  const byTicket = new Map<string, number>();
  const byAddress = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string, d: number) => {
    const n = (m.get(k) ?? 0) + d;
    if (n > 0) m.set(k, n);
    else m.delete(k);
  };
  return {
    admit(ticketId: string, address: string): ErrorCode | null {
      if ((byTicket.get(ticketId) ?? 0) >= limits.trackersPerTicket) return 'socket.too_many_trackers';
      if ((byAddress.get(address) ?? 0) >= limits.anonymousPerAddress) return 'socket.too_many_connections';
      return null;
    },
    add(ticketId: string, address: string): void {
      inc(byTicket, ticketId, 1);
      inc(byAddress, address, 1);
    },
    remove(ticketId: string, address: string): void {
      inc(byTicket, ticketId, -1);
      inc(byAddress, address, -1);
    },
    /** Ticket ids some phone follows now (to push people-ahead changes to them). */
    trackedTickets: (): IterableIterator<string> => byTicket.keys(),
  };
}
