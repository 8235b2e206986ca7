-- Issue 13: citizens by ID card, bookings, remote numbers.

-- How a ticket came to be: the kiosk, a clerk on a citizen's behalf, a phone (remote) or a checked-in booking.
ALTER TABLE tickets ADD COLUMN channel TEXT NOT NULL DEFAULT 'kiosk'
  CHECK (channel IN ('kiosk', 'staff', 'remote', 'appointment'));
UPDATE tickets SET channel = 'staff' WHERE issuer_kind = 'user';

-- The place in the queue. A walk-in waits by the order of issue; a checked-in appointment waits as if issued at
-- its slot start. queue_at is a time that never runs backwards among walk-ins (the highest so far when the clock
-- steps back), so ordering by (queue_at, issue_seq) keeps the order of issue for them (decision 15).
ALTER TABLE tickets ADD COLUMN queue_at INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET queue_at = o.m
  FROM (SELECT rowid AS r, MAX(issued_at) OVER (ORDER BY issue_seq ROWS UNBOUNDED PRECEDING) AS m FROM tickets) AS o
  WHERE o.r = tickets.rowid;
DROP INDEX tickets_queue;
CREATE INDEX tickets_queue ON tickets(status, business_day, area_id, priority, queue_at, issue_seq);

-- The citizen a ticket was taken for: a keyed hash (HMAC-SHA256, secret in DATA_DIR, never in the database) that
-- the limits need for the day only (purged after it), and at most the last three digits for a clerk to compare.
ALTER TABLE tickets ADD COLUMN citizen_hash TEXT;
ALTER TABLE tickets ADD COLUMN citizen_last3 TEXT;
CREATE INDEX tickets_citizen ON tickets(business_day, citizen_hash) WHERE citizen_hash IS NOT NULL;

-- Bookings (hẹn giờ): one slot of one area. The code is the only key a citizen holds.
CREATE TABLE bookings (
  code TEXT PRIMARY KEY,
  area_id TEXT NOT NULL REFERENCES areas(id),
  procedure_id TEXT REFERENCES procedures(id),
  business_day TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'missed')),
  citizen_hash TEXT,
  citizen_last3 TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,      -- the citizen is elderly (elderlyAge) on the booked day
  ticket_id TEXT REFERENCES tickets(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX bookings_slot ON bookings(area_id, start_at, status);
CREATE INDEX bookings_day ON bookings(business_day, status);
CREATE INDEX bookings_citizen ON bookings(citizen_hash, business_day) WHERE citizen_hash IS NOT NULL;
CREATE UNIQUE INDEX bookings_ticket ON bookings(ticket_id) WHERE ticket_id IS NOT NULL;

-- Per-area capacity of one booking slot (0: the area takes no bookings).
ALTER TABLE areas ADD COLUMN booking_slot_capacity INTEGER NOT NULL DEFAULT 0 CHECK (booking_slot_capacity >= 0);
