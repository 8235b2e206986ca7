import { describe, expect, it } from 'vitest';
import { ticketJobAt } from './bench.print.ts';

/**
 * The printing bench pairs each ticket with the connection that printed it. The server also asks the printer for its
 * status between tickets (DLE EOT, 6 bytes a connection): taking connection i as ticket i paired later tickets with
 * earlier connections, and the bench once printed a negative p50.
 */
const job = (connectedAt: number, size: number) => ({ connectedAt, bytes: Buffer.alloc(size) });

describe('the printing bench pairs a ticket with its own print job', () => {
  it('skips a status probe between two tickets', () => {
    const jobs = [job(10, 46_000), job(15, 6), job(20, 46_000)];
    expect(ticketJobAt(jobs, 1, 18)).toBe(2);
  });
  it('skips a connection opened before the ticket was issued', () => {
    const jobs = [job(10, 46_000), job(20, 46_000)];
    expect(ticketJobAt(jobs, 0, 15)).toBe(1);
  });
  it('is -1 while the ticket has not reached the printer', () => {
    expect(ticketJobAt([job(10, 46_000), job(30, 6)], 1, 25)).toBe(-1);
  });
});
