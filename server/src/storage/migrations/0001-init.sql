-- Center configuration: one JSON document per key (center settings, etc.).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE areas (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  department_id TEXT NOT NULL REFERENCES departments(id),
  name TEXT NOT NULL,
  number_start INTEGER NOT NULL,
  number_end INTEGER NOT NULL,
  daily_limit INTEGER,
  target_wait_min INTEGER,
  hours TEXT,               -- JSON [{days,from,to}] or NULL: the center's hours apply
  open INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  sort INTEGER NOT NULL DEFAULT 0,
  CHECK (number_start >= 0 AND number_end >= number_start)
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'clerk')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed', 'open', 'paused')),
  clerk_id TEXT REFERENCES users(id),
  current_ticket_id TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
-- A clerk holds at most one counter: the database enforces it too.
CREATE UNIQUE INDEX counters_one_per_clerk ON counters(clerk_id) WHERE clerk_id IS NOT NULL;

CREATE TABLE counter_areas (
  counter_id TEXT NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  area_id TEXT NOT NULL REFERENCES areas(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (counter_id, area_id)
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'rating', 'printer')),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  counter_id TEXT REFERENCES counters(id),
  kiosk_id TEXT REFERENCES devices(id),
  printer TEXT,
  settings TEXT,            -- JSON: per-device options (which counters/areas a display shows…)
  pairing_code TEXT,
  pairing_token TEXT,       -- the token handed out once on pairing, cleared when used
  pairing_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_seen_at INTEGER
);
CREATE UNIQUE INDEX devices_pairing_code ON devices(pairing_code) WHERE pairing_code IS NOT NULL;

-- The numbering of one area on one business day: the single source of the next number.
CREATE TABLE area_days (
  area_id TEXT NOT NULL REFERENCES areas(id),
  business_day TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  issued INTEGER NOT NULL,
  PRIMARY KEY (area_id, business_day)
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  seq INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  issued_area_id TEXT NOT NULL REFERENCES areas(id),
  area_id TEXT NOT NULL REFERENCES areas(id),
  target_counter_id TEXT REFERENCES counters(id),
  priority INTEGER NOT NULL DEFAULT 0,
  priority_group TEXT,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'expired')),
  issued_at INTEGER NOT NULL,
  first_called_at INTEGER,
  called_at INTEGER,
  finished_at INTEGER,
  counter_id TEXT REFERENCES counters(id),
  clerk_id TEXT REFERENCES users(id),
  recalls INTEGER NOT NULL DEFAULT 0,
  transfers INTEGER NOT NULL DEFAULT 0,
  issuer_kind TEXT NOT NULL,
  issuer_id TEXT NOT NULL,
  idempotency_key TEXT,
  dossier_code TEXT,
  note TEXT
);
CREATE UNIQUE INDEX tickets_number_per_day ON tickets(issued_area_id, business_day, seq);
CREATE UNIQUE INDEX tickets_idempotency ON tickets(issuer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX tickets_queue ON tickets(status, business_day, area_id, priority, issued_at);
CREATE INDEX tickets_target ON tickets(target_counter_id, status) WHERE target_counter_id IS NOT NULL;
CREATE INDEX tickets_day ON tickets(business_day);
CREATE INDEX tickets_counter ON tickets(counter_id, finished_at);

-- Every transition: who did what, when. The audit trail and the source for reports.
CREATE TABLE ticket_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  type TEXT NOT NULL,
  counter_id TEXT,
  area_id TEXT,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  data TEXT
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);
CREATE INDEX ticket_events_day ON ticket_events(business_day, type);

CREATE TABLE ratings (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id),
  level TEXT NOT NULL,
  reasons TEXT NOT NULL DEFAULT '[]',
  comment TEXT,
  counter_id TEXT REFERENCES counters(id),
  clerk_id TEXT REFERENCES users(id),
  area_id TEXT REFERENCES areas(id),
  device_id TEXT,
  at INTEGER NOT NULL,
  business_day TEXT NOT NULL
);
CREATE INDEX ratings_day ON ratings(business_day);

CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  kiosk_id TEXT NOT NULL,
  printer TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'printed', 'failed')),
  code TEXT,
  message TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX print_jobs_ticket ON print_jobs(ticket_id);
CREATE INDEX print_jobs_queued ON print_jobs(kiosk_id, status);

-- Configuration changes: who changed what, when.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  data TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
