-- Issue 15: monthly roll-ups of the daily aggregates (0008) for past months, so a year's report reads ~12 rows per
-- key instead of ~250 (by procedure: ~2 000 rows instead of ~42 000). Nothing on the write path touches them: the
-- server's upkeep (reporting/report.upkeep.ts) sums a month's fresh days into these rows once every day of the month
-- is fresh (storage/report-aggregates.months.ts), and a report uses a month's rows only while the month's days are
-- still exactly those it summed: report_month_state keeps their count and the sum of their report_days.writes,
-- which every write that changes a report bumps (the triggers of 0008). A changed day, a new day, a stale day or a
-- rebuilt day (its month's state is deleted) sends the report back to the daily rows of that month until the upkeep
-- rolls it up again.
CREATE TABLE report_months (
  month TEXT NOT NULL, -- 'YYYY-MM' of the business days summed
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  issued INTEGER NOT NULL DEFAULT 0,
  expired INTEGER NOT NULL DEFAULT 0,
  served INTEGER NOT NULL DEFAULT 0,
  no_show INTEGER NOT NULL DEFAULT 0,
  transferred INTEGER NOT NULL DEFAULT 0,
  wait_ms INTEGER NOT NULL DEFAULT 0,
  wait_n INTEGER NOT NULL DEFAULT 0,
  targeted INTEGER NOT NULL DEFAULT 0,
  within INTEGER NOT NULL DEFAULT 0,
  svc_ms INTEGER NOT NULL DEFAULT 0,
  svc_n INTEGER NOT NULL DEFAULT 0,
  -- The waits' then the services' histogram, as report_aggregates.hist.
  hist BLOB,
  -- Rating counts as JSON {level: n}: a handful per row.
  ratings TEXT,
  PRIMARY KEY (kind, month, key)
) WITHOUT ROWID;

CREATE TABLE report_month_state (
  month TEXT PRIMARY KEY,
  days INTEGER NOT NULL, -- how many report_days rows the month had
  writes INTEGER NOT NULL -- their SUM(writes) when summed
);
