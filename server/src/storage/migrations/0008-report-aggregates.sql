-- Issue 15: reports read maintained daily aggregates instead of every ticket of the range.
--
-- One row per business day × kind × key. Kinds: area (issued for / ended in; departments are summed from it when
-- read), counter, clerk, quarter (UTC quarter-hour of issue, 0–95: any zone offset that is a whole number of quarter
-- hours turns it into the local hour exactly), day (key = the day; the totals), procedure ('' = chosen by area),
-- channel. Sums as in core/reports/report.aggregate.ts; waits and services are exact histograms (whole seconds →
-- count, storage/report.histogram.ts, both in one blob). Written by storage/report-aggregates.repository.ts in the same transaction as
-- the ticket, event or rating that changes them.
CREATE TABLE report_aggregates (
  day TEXT NOT NULL,
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
  -- The waits' histogram then the services' (storage/report.histogram.ts): one blob, one read per row.
  hist BLOB,
  PRIMARY KEY (kind, day, key)
) WITHOUT ROWID;

-- Histogram changes not yet folded into report_aggregates.hist: a call or a finish adds one small row per kind here
-- (rewriting a busy day's blob each time would cost ~1 ms a write); the server folds each past day into its blobs
-- (reporting/report.upkeep.ts), and reports add what is still here. metric: 0 waits, 1 services.
CREATE TABLE report_hist_recent (
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  metric INTEGER NOT NULL,
  sec INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, day, key, metric, sec)
) WITHOUT ROWID;

CREATE TABLE report_ratings (
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  level TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, day, key, level)
) WITHOUT ROWID;
-- No index by day alone: one index per table keeps each write cheap; a day is found as (kind, day) for every kind.

-- Whether a day's aggregates can be trusted. The triggers below count every write that changes what a report of
-- that day shows (`writes`); the aggregates' writer counts what it has applied (`applied`). A write that went
-- around it (a raw UPDATE, a future code path, a changed target wait) leaves writes > applied: the day is stale,
-- reports read its tickets instead (exact, slower) until the server rebuilds it. Days that had tickets before this
-- migration start stale and are rebuilt at startup.
CREATE TABLE report_days (
  day TEXT PRIMARY KEY,
  writes INTEGER NOT NULL DEFAULT 0,
  applied INTEGER NOT NULL DEFAULT 0
);
INSERT INTO report_days (day, writes, applied)
  SELECT day, 1, 0 FROM (SELECT business_day AS day FROM tickets UNION SELECT business_day FROM ticket_events);

CREATE TRIGGER report_days_ticket_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO report_days (day, writes) VALUES (NEW.business_day, 1)
    ON CONFLICT (day) DO UPDATE SET writes = writes + 1;
END;
CREATE TRIGGER report_days_ticket_update
  AFTER UPDATE OF status, area_id, counter_id, clerk_id, first_called_at, called_at, finished_at, issued_at,
    issued_area_id, business_day, procedure_id, channel ON tickets BEGIN
  INSERT INTO report_days (day, writes) VALUES (NEW.business_day, 1)
    ON CONFLICT (day) DO UPDATE SET writes = writes + 1;
  UPDATE report_days SET writes = writes + 1 WHERE day = OLD.business_day AND OLD.business_day <> NEW.business_day;
END;
CREATE TRIGGER report_days_ticket_delete AFTER DELETE ON tickets BEGIN
  UPDATE report_days SET writes = writes + 1 WHERE day = OLD.business_day;
END;
CREATE TRIGGER report_days_event_insert AFTER INSERT ON ticket_events WHEN NEW.type IN ('called', 'transferred') BEGIN
  INSERT INTO report_days (day, writes) VALUES (NEW.business_day, 1)
    ON CONFLICT (day) DO UPDATE SET writes = writes + 1;
END;
CREATE TRIGGER report_days_event_change AFTER UPDATE ON ticket_events BEGIN
  UPDATE report_days SET writes = writes + 1 WHERE day IN (OLD.business_day, NEW.business_day);
END;
CREATE TRIGGER report_days_event_delete AFTER DELETE ON ticket_events BEGIN
  UPDATE report_days SET writes = writes + 1 WHERE day = OLD.business_day;
END;
CREATE TRIGGER report_days_rating_insert AFTER INSERT ON ratings BEGIN
  INSERT INTO report_days (day, writes) VALUES ((SELECT business_day FROM tickets WHERE id = NEW.ticket_id), 1)
    ON CONFLICT (day) DO UPDATE SET writes = writes + 1;
END;
CREATE TRIGGER report_days_rating_change AFTER UPDATE ON ratings BEGIN
  UPDATE report_days SET writes = writes + 1
    WHERE day IN (SELECT business_day FROM tickets WHERE id IN (OLD.ticket_id, NEW.ticket_id));
END;
CREATE TRIGGER report_days_rating_delete AFTER DELETE ON ratings BEGIN
  UPDATE report_days SET writes = writes + 1 WHERE day = (SELECT business_day FROM tickets WHERE id = OLD.ticket_id);
END;
-- "Within target" is judged against the issued area's target wait as it is now (as the reference does): a changed
-- target makes every day of that area's tickets stale, to be rebuilt.
CREATE TRIGGER report_days_target_change AFTER UPDATE OF target_wait_min ON areas
  WHEN OLD.target_wait_min IS NOT NEW.target_wait_min BEGIN
  UPDATE report_days SET writes = writes + 1
    WHERE day IN (SELECT business_day FROM area_days WHERE area_id = NEW.id);
END;
