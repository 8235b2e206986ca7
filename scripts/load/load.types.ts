/** What the load generator writes at the end of a run (read by test/busy-day.test.ts, test/crash.test.ts, the bench). */

/** One ticket a kiosk asked for: the key it used, what it got, and how. */
export interface IssuedRecord {
  key: string;
  areaCode: string;
  priority: boolean;
  id: string;
  number: string;
  /** 201 when the first answer created it; 200 when a retry with the same key returned it. */
  status: number;
  /** A double tap sent the same key again: the id that second answer carried. */
  doubleTapId: string | null;
  /** The first attempt died with the connection (crash), the same key was sent again. */
  retriedAfterFault: boolean;
}

/** One event a display received, in arrival order: a call, a counter update, or a (re)connect snapshot. */
export type DisplayEvent =
  | ['c', string, string, boolean] // ticket:called: ticketId, counterId, recall
  | ['u', string, string | null] // counter:updated: counterId, current ticket id
  | ['s', [string, string | null][]]; // state:snapshot: [counterId, current ticket id]

/** A call a clerk got a 200 for. */
export interface AckedCall {
  counterId: string;
  ticketId: string;
  recall: boolean;
}

/** Where the generator believes a ticket ended, from answers it received (null: the answer was lost). */
export interface Expectation {
  status: 'waiting' | 'called' | 'done' | 'no_show';
  counterId: string | null;
}

/** A tracking phone: `called` counts its own ticket:called events, `calledBeforeConnect` when its first snapshot already showed the call. */
export interface PhoneRecord {
  ticketId: string;
  snapshots: number;
  called: number;
  calledBeforeConnect: boolean;
  foreignIds: number;
}

export interface LoadResult {
  tickets: number;
  areas: Record<string, { id: string; numberStart: number }>;
  counters: Record<string, { id: string; number: number; clerk: string }>;
  issued: IssuedRecord[];
  ackedCalls: AckedCall[];
  expected: Record<string, Expectation>;
  /** Tickets whose fate an unanswered request left unknown (only after a crash). */
  uncertain: string[];
  displays: DisplayEvent[][];
  phones: PhoneRecord[];
  errors: string[];
  counts: {
    finishes: number;
    noShows: number;
    transfers: number;
    recalls: number;
    lateCalls: number;
    pauses: number;
    implicitFinishes: number;
  };
  latency: { issueMs: number[]; callMs: number[]; deliveryMs: number[] };
  wallMs: number;
  parkedMs: number;
}

/** Lines the generator prints on stdout (one JSON object each) so a test can steer a crash. */
export type LoadSignal =
  | { type: 'ready' }
  | { type: 'progress'; issued: number; calls: number }
  | { type: 'parked'; counters: Record<string, { current: string | null; uncertain: boolean }>; issued: number }
  | { type: 'resynced'; snapshots: [string, string | null][][] }
  | { type: 'done'; out: string };
