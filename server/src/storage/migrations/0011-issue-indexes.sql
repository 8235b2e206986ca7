-- Issue 15: two entries fewer written by every ticket insert (each index of tickets is one more B-tree to change,
-- and a page more to write at each commit).
-- tickets_day (business_day) is the prefix of tickets_procedure (business_day, procedure_id): every read of a day
-- or a range of days (the exact report fallback, the rebuild of a day) finds the same rows through that one.
DROP INDEX IF EXISTS tickets_day;
-- tickets_counter serves one read, a counter's last finished ticket (counter_id = ?): a ticket no counter has
-- taken yet (every new one) needs no entry in it.
DROP INDEX IF EXISTS tickets_counter;
CREATE INDEX tickets_counter ON tickets(counter_id, finished_at) WHERE counter_id IS NOT NULL;
