-- Monthly roll-ups of the daily aggregates (0002) for past months, so a year's province report reads ~12 rows per
-- center and group instead of ~260 (by procedure over 130 centers: ~6 000 rows instead of ~136 000). Nothing on the
-- feed's path writes them: the hub's upkeep (province/src/reports/report-months.rollup.ts) sums a center's past
-- month into these rows, exactly (the wait histograms merged entry by entry), with the center's row locked as a feed
-- batch locks it. A report reads a month's rows only while its hub_report_month_state row exists, for a center whose
-- aggregates are current, and only for months lying wholly inside its range; the batch that changes any day of a
-- rolled month deletes that state row in its own transaction (report-days.write.ts), and so does a rebuild of the
-- center (every month of it): the report goes back to the daily rows of that month until the upkeep rolls it again.
CREATE TABLE hub_report_months (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  kind text NOT NULL,
  month text NOT NULL, -- 'YYYY-MM' of the business days summed
  key text NOT NULL,
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
  PRIMARY KEY (center_id, kind, month, key)
);

-- A month of a center whose rows above are exactly what its days say (present = usable).
CREATE TABLE hub_report_month_state (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  month text NOT NULL,
  rolled_at bigint NOT NULL,
  PRIMARY KEY (center_id, month)
);
