-- The center → province feed (issue 14). Every change to tickets, the journal's calls and transfers, ratings and
-- counters leaves a line in `outbox` from a trigger, so it is written in the SAME transaction as the change, by
-- every use case, the simulator and any later code alike. A line names what changed (kind, ref) and when; the
-- sender (server/src/province/) builds the payload from the current rows when it sends, and deletes lines only
-- once the hub has acknowledged them. AUTOINCREMENT: a seq is never reused, even after the lines are pruned.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'event', 'rating', 'counter', 'catalog')),
  ref TEXT NOT NULL,
  at INTEGER NOT NULL
);

-- The link's memory, one row: whether the feed is on (the triggers write nothing while it is off, so a center
-- without a province pays nothing and keeps no growing outbox), which hub it is for (a hash of URL + token,
-- never the token), the last position the hub acknowledged, whether the labels sent as `catalog` changed, and
-- the province catalogue version last applied.
CREATE TABLE province_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 0,
  link_key TEXT,
  ack_seq INTEGER NOT NULL DEFAULT 0,
  acked_at INTEGER,
  catalog_dirty INTEGER NOT NULL DEFAULT 1,
  catalog_version TEXT,
  catalog_writing INTEGER NOT NULL DEFAULT 0
);
INSERT INTO province_state (id) VALUES (1);

-- Procedures that came down from the province catalogue; the center's own stay 'center'. The center cannot edit
-- or withdraw a province procedure (its own import, PUT, DELETE, config import): only the catalogue applier may,
-- with catalog_writing set inside its transaction. The HTTP error mapper answers this abort as 409
-- `procedure.from_province`.
ALTER TABLE procedures ADD COLUMN source TEXT NOT NULL DEFAULT 'center' CHECK (source IN ('center', 'province'));
CREATE TRIGGER procedures_province_readonly BEFORE UPDATE ON procedures
  WHEN OLD.source = 'province' AND (SELECT catalog_writing FROM province_state WHERE id = 1) = 0
BEGIN
  SELECT RAISE(ABORT, 'province.procedure_readonly');
END;

-- A ticket's line carries the latest of its own moments (the injected clock's, not SQLite's wall clock).
CREATE TRIGGER outbox_ticket_insert AFTER INSERT ON tickets
  WHEN (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at)
    VALUES ('ticket', NEW.id, MAX(NEW.issued_at, COALESCE(NEW.called_at, 0), COALESCE(NEW.finished_at, 0)));
END;
CREATE TRIGGER outbox_ticket_update AFTER UPDATE ON tickets
  WHEN (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at)
    VALUES ('ticket', NEW.id, MAX(NEW.issued_at, COALESCE(NEW.called_at, 0), COALESCE(NEW.finished_at, 0)));
END;
-- Only the journal entries the reports count (report.aggregate.ts EventFact).
CREATE TRIGGER outbox_event_insert AFTER INSERT ON ticket_events
  WHEN NEW.type IN ('called', 'transferred') AND (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at) VALUES ('event', CAST(NEW.id AS TEXT), NEW.at);
END;
CREATE TRIGGER outbox_rating_insert AFTER INSERT ON ratings
  WHEN (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at) VALUES ('rating', NEW.id, NEW.at);
END;
CREATE TRIGGER outbox_counter_insert AFTER INSERT ON counters
  WHEN (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at) VALUES ('counter', NEW.id, NEW.updated_at);
END;
CREATE TRIGGER outbox_counter_update AFTER UPDATE ON counters
  WHEN (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at) VALUES ('counter', NEW.id, NEW.updated_at);
END;
CREATE TRIGGER outbox_counter_areas_insert AFTER INSERT ON counter_areas
  WHEN (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at)
    VALUES ('counter', NEW.counter_id, COALESCE((SELECT updated_at FROM counters WHERE id = NEW.counter_id), 0));
END;
CREATE TRIGGER outbox_counter_areas_delete AFTER DELETE ON counter_areas
  WHEN (SELECT enabled FROM province_state WHERE id = 1) = 1
BEGIN
  INSERT INTO outbox (kind, ref, at)
    VALUES ('counter', OLD.counter_id, COALESCE((SELECT updated_at FROM counters WHERE id = OLD.counter_id), 0));
END;

-- The labels the hub's reports use (areas, departments, counters' names, clerks, procedures): a change only
-- marks them dirty; the sender queues one `catalog` line for however many rows an import touched.
CREATE TRIGGER catalog_dirty_departments AFTER UPDATE ON departments BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_departments_insert AFTER INSERT ON departments BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_areas AFTER UPDATE OF code, name, department_id, target_wait_min, active ON areas BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_areas_insert AFTER INSERT ON areas BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_counters AFTER UPDATE OF number, name, active ON counters BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_counters_insert AFTER INSERT ON counters BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_users AFTER UPDATE OF username, display_name, role ON users BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_users_insert AFTER INSERT ON users BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_procedures AFTER UPDATE OF code, name, active ON procedures BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_procedures_insert AFTER INSERT ON procedures BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
-- The rating levels travel with the labels (the hub reads satisfaction as the center does).
CREATE TRIGGER catalog_dirty_settings AFTER UPDATE ON settings WHEN NEW.key = 'center' BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
CREATE TRIGGER catalog_dirty_settings_insert AFTER INSERT ON settings WHEN NEW.key = 'center' BEGIN
  UPDATE province_state SET catalog_dirty = 1 WHERE id = 1 AND catalog_dirty = 0;
END;
