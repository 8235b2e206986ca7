-- The queue is ordered by the order of issue, not by the wall clock: a clock stepped back (NTP, a person
-- at the BIOS) must never put a later ticket first. issue_seq is assigned in the insert's transaction,
-- one more than the highest so far; a transfer keeps it, so a ticket keeps its place by original issue.
ALTER TABLE tickets ADD COLUMN issue_seq INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET issue_seq = o.n
  FROM (SELECT rowid AS r, ROW_NUMBER() OVER (ORDER BY issued_at, rowid) AS n FROM tickets) AS o
  WHERE o.r = tickets.rowid;
CREATE UNIQUE INDEX tickets_issue_seq ON tickets(issue_seq);
DROP INDEX tickets_queue;
CREATE INDEX tickets_queue ON tickets(status, business_day, area_id, priority, issue_seq);

-- Print jobs can expire (never sent): once their ticket is no longer waiting, the business day turned or
-- they waited too long, so a printer back after an outage does not print tickets long served.
-- SQLite cannot alter a CHECK constraint: the table is rebuilt (nothing references it).
CREATE TABLE print_jobs_new (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  kiosk_id TEXT NOT NULL,
  printer TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'printed', 'failed', 'expired')),
  code TEXT,
  message TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO print_jobs_new (id, ticket_id, kiosk_id, printer, status, code, message, attempts, created_at, updated_at)
  SELECT id, ticket_id, kiosk_id, printer, status, code, message, attempts, created_at, updated_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_new RENAME TO print_jobs;
CREATE INDEX print_jobs_ticket ON print_jobs(ticket_id);
CREATE INDEX print_jobs_queued ON print_jobs(kiosk_id, status);

-- The server clock's high-water mark and its recent steps (core/clock.ts MonotonicGuardClock): after a restart
-- with the clock behind, "now" and the business day still do not go back. One row.
CREATE TABLE clock_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  high_water INTEGER NOT NULL,
  steps TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
);
