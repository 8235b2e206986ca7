-- Maintained daily aggregates for the province reports (province/src/reports/report-days.*.ts): per center,
-- business day, grouping kind ('all', 'area', 'procedure', 'clerk') and the center's own id of the group, the
-- counts and sums the report SQL (report.sql.ts) computes, plus the exact wait histogram (whole seconds, packed as
-- on a center: server/src/storage/report.histogram.ts) and the rating counts. Written in the transaction that
-- applies a feed batch; a year report reads these rows instead of every ticket. `refs` counts the facts that name
-- the group on that day: a row exists exactly while some fact names it, as a group appears in the report SQL.
-- Millisecond sums are numeric, as SUM over bigint is in the report SQL: no feed can overflow them.
CREATE TABLE hub_report_days (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  kind text NOT NULL,
  business_day text NOT NULL,
  key text NOT NULL,
  refs integer NOT NULL,
  issued integer NOT NULL,
  expired integer NOT NULL,
  served integer NOT NULL,
  no_show integer NOT NULL,
  transferred integer NOT NULL,
  wait_ms numeric NOT NULL,
  wait_n integer NOT NULL,
  targeted integer NOT NULL,
  within integer NOT NULL,
  svc_ms numeric NOT NULL,
  svc_n integer NOT NULL,
  waits bytea,
  ratings jsonb,
  PRIMARY KEY (center_id, kind, business_day, key)
);
CREATE INDEX hub_report_days_read ON hub_report_days (kind, business_day);

-- A clerk "issues" the tickets it called, counted once per ticket over the whole range. The daily rows count once
-- per day; the (clerk, ticket) pairs called on more than one business day (never from a real center, whose events
-- carry their ticket's day) are listed here so a range can take back the extra days exactly.
CREATE TABLE hub_clerk_multi_day (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  actor_id text NOT NULL,
  ticket_id text NOT NULL,
  PRIMARY KEY (center_id, actor_id, ticket_id)
);

-- A ticket's later state moves its ratings and transfers between groups: found by ticket.
CREATE INDEX hub_events_ticket ON hub_events (center_id, ticket_id);
CREATE INDEX hub_ratings_ticket ON hub_ratings (center_id, ticket_id);

-- Which version of the aggregates a center's rows are (REPORT_DAYS_VERSION in report-days.write.ts). Centers that
-- already hold facts start at 0 and are rebuilt from their tickets when the hub starts (reports read them through
-- the report SQL meanwhile); a center created from now on starts empty and current.
ALTER TABLE centers ADD COLUMN report_days_version integer NOT NULL DEFAULT 0;
ALTER TABLE centers ALTER COLUMN report_days_version SET DEFAULT 1;
