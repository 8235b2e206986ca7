import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../testing/core.harness.testing.ts';
import { issueForCitizen } from '../citizens/citizen.tickets.usecases.ts';
import type { CitizenKeyer } from '../citizens/citizen.identity.ts';
import { issueTicket, type IssueInput } from './tickets.usecases.ts';

// No citizen card in these inputs: a keyer that is used would be a mistake.
const keyer = {
  key: () => {
    throw new Error('no card given');
  },
} as unknown as CitizenKeyer;

describe('issueTicket', () => {
  // The use case answers the row the insert returned (issue 15), not a second read: it must be that very row,
  // whatever the insert computed (issue_seq, queue_at) or left to the column defaults.
  it('answers the ticket exactly as stored, for every kind of input', () => {
    const h = coreHarness();
    const lltp = h.area('LLTP').id;
    h.store.procedures.insert({
      id: 'p1',
      code: '9.000001',
      name: 'Thủ tục',
      areaId: h.area('HTCT').id,
      timeLimit: '',
      fee: '',
      documents: [],
      keywords: [],
      active: true,
      updatedAt: 0,
    });
    const clerk = h.clerk('c1');
    const inputs: IssueInput[] = [
      { areaId: lltp, actor: h.kiosk },
      { areaId: lltp, actor: h.kiosk, priority: true },
      { areaId: lltp, actor: h.kiosk, priorityGroup: 'elderly', idempotencyKey: 'k1' },
      { areaId: lltp, actor: clerk },
      { procedureId: 'p1', actor: h.kiosk, channel: 'remote' },
      // An appointment waits from its slot start (earlier than now), a walk-in from the highest time so far.
      { areaId: lltp, actor: h.kiosk, channel: 'appointment', queueAt: h.clock.now() - 600_000 },
      { areaId: lltp, actor: h.kiosk, citizen: { hash: 'h'.repeat(64), last3: '123' } },
    ];
    for (const input of inputs) {
      h.clock.advance(1_000);
      const { ticket, created } = h.run((tx) => issueTicket(tx, input));
      expect(created).toBe(true);
      expect(ticket).toEqual(h.store.tickets.get(ticket.id));
    }
    // A clock stepped back: queue_at keeps the highest time so far, the answer still the stored row.
    h.clock.set(h.clock.now() - 3_600_000);
    const back = h.run((tx) => issueTicket(tx, { areaId: lltp, actor: h.kiosk })).ticket;
    expect(back.queueAt).toBeGreaterThan(back.issuedAt);
    expect(back).toEqual(h.store.tickets.get(back.id));
  });

  it('issueForCitizen looks a retried key up once and answers the first ticket; another key is a new ticket', () => {
    const h = coreHarness();
    const lltp = h.area('LLTP').id;
    const issue = (key: string) =>
      h.run((tx) => issueForCitizen(tx, { areaId: lltp, actor: h.kiosk, idempotencyKey: key, keyer }));
    const first = issue('k1');
    expect(first.created).toBe(true);
    const again = issue('k1');
    expect(again).toEqual({ ticket: first.ticket, created: false });
    const other = issue('k2');
    expect(other.created).toBe(true);
    expect(other.ticket.number).not.toBe(first.ticket.number);
    expect(h.store.tickets.waitingCount(first.ticket.businessDay, lltp)).toBe(2);
  });
});
