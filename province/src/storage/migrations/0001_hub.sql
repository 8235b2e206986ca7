-- The province hub's first schema: hub users and sessions, centers with their feed position, and the facts
-- each center sends (tickets, events, ratings, counters, its catalogue), keyed by (center, the center's id).

CREATE TABLE hub_users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'supervisor')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at bigint NOT NULL
);

CREATE TABLE hub_sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES hub_users (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);

CREATE TABLE centers (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  -- SHA-256 of the center's token; null once revoked.
  token_hash text UNIQUE,
  created_at bigint NOT NULL,
  -- Highest feed seq applied (contiguous from 1): a batch and its new ack_seq commit together.
  ack_seq bigint NOT NULL DEFAULT 0,
  last_seen_at bigint,
  lag_sec integer NOT NULL DEFAULT 0,
  -- The labels of the center's last `catalog` item (areas, counters, clerks, procedures).
  catalog jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Areas from the catalogue, as rows: reports join them for the target wait, as a center joins its own areas.
CREATE TABLE hub_areas (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  id text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  target_wait_sec integer,
  PRIMARY KEY (center_id, id)
);

CREATE TABLE hub_tickets (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  id text NOT NULL,
  rev bigint NOT NULL,
  number text,
  channel text,
  priority boolean NOT NULL DEFAULT false,
  issued_area_id text NOT NULL,
  area_id text NOT NULL,
  counter_id text,
  clerk_id text,
  procedure_id text,
  status text NOT NULL,
  business_day text NOT NULL,
  issued_at bigint NOT NULL,
  first_called_at bigint,
  called_at bigint,
  finished_at bigint,
  transfers integer NOT NULL DEFAULT 0,
  PRIMARY KEY (center_id, id)
);
CREATE INDEX hub_tickets_day ON hub_tickets (business_day, center_id);
CREATE INDEX hub_tickets_waiting ON hub_tickets (center_id, business_day) WHERE status = 'waiting';

CREATE TABLE hub_events (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  id text NOT NULL,
  type text NOT NULL,
  ticket_id text NOT NULL,
  counter_id text,
  actor_id text,
  area_id text,
  procedure_id text,
  business_day text NOT NULL,
  issued_at bigint NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (center_id, id)
);
CREATE INDEX hub_events_day ON hub_events (business_day, center_id);

CREATE TABLE hub_ratings (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  id text NOT NULL,
  ticket_id text NOT NULL,
  level text NOT NULL,
  area_id text,
  counter_id text,
  clerk_id text,
  procedure_id text,
  business_day text NOT NULL,
  issued_at bigint NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (center_id, id)
);
CREATE INDEX hub_ratings_day ON hub_ratings (business_day, center_id);

CREATE TABLE hub_counters (
  center_id text NOT NULL REFERENCES centers (id) ON DELETE CASCADE,
  id text NOT NULL,
  number integer,
  name text,
  status text NOT NULL,
  clerk_id text,
  current_ticket_id text,
  area_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at bigint NOT NULL,
  PRIMARY KEY (center_id, id)
);

-- The province procedure catalogue: each import replaces it whole and bumps the version centers compare.
CREATE TABLE province_catalog (
  id integer PRIMARY KEY CHECK (id = 1),
  version integer NOT NULL,
  rows jsonb NOT NULL,
  imported_at bigint NOT NULL
);
