-- Issue 15: reports read the maintained daily aggregates (0008, 0009), so the wide covering indexes of 0002 serve
-- only the exact fallback for a stale day (storage/reports.repository.ts aggregateSql, one day or a few until the
-- server's upkeep rebuilds them) and the rebuild of a day. Every ticket update (status, counter, clerk, times) and
-- every journal entry rewrote an entry in them. Without them those reads use tickets_day (business_day) and
-- ticket_events_day (business_day, type), which 0001 keeps: the same rows, read through the table.
DROP INDEX IF EXISTS tickets_report;
DROP INDEX IF EXISTS ticket_events_report;
