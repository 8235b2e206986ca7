-- The procedure catalogue (thủ tục hành chính): each procedure belongs to one area. Withdrawn procedures stay
-- (active = 0) so past tickets keep theirs. Lists are JSON arrays of strings.
CREATE TABLE procedures (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  area_id TEXT NOT NULL REFERENCES areas(id),
  time_limit TEXT NOT NULL DEFAULT '',
  fee TEXT NOT NULL DEFAULT '',
  documents TEXT NOT NULL DEFAULT '[]',
  keywords TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
CREATE INDEX procedures_area ON procedures(area_id);

-- The procedure a ticket was issued for (NULL: chosen by area). Reports group by it.
ALTER TABLE tickets ADD COLUMN procedure_id TEXT REFERENCES procedures(id);
CREATE INDEX tickets_procedure ON tickets(business_day, procedure_id);
