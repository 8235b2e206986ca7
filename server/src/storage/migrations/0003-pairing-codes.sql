-- Pairing codes are made on demand, live minutes, and are kept only as SHA-256 (like tokens). The token a
-- code hands out is minted at pairing time, so no plain token waits in the database either. Codes made
-- under the old rules (plain, valid a week) are dropped: an admin makes a fresh one when a screen needs it.
DROP INDEX IF EXISTS devices_pairing_code;
ALTER TABLE devices DROP COLUMN pairing_code;
ALTER TABLE devices DROP COLUMN pairing_token;
ALTER TABLE devices ADD COLUMN pairing_code_hash TEXT;
-- When a device first authenticated with its current token; a code is dead from then on.
ALTER TABLE devices ADD COLUMN token_used_at INTEGER;
UPDATE devices SET pairing_expires_at = NULL, token_used_at = last_seen_at;
CREATE UNIQUE INDEX devices_pairing_code_hash ON devices(pairing_code_hash) WHERE pairing_code_hash IS NOT NULL;
