-- Reports scan a range of business days; covering indexes let SQLite answer from the index alone
-- instead of reading every ticket row (measured in docs/benchmarks.md).
CREATE INDEX tickets_report ON tickets(business_day, issued_area_id, area_id, status, counter_id, clerk_id, issued_at, first_called_at, called_at, finished_at);
CREATE INDEX ticket_events_report ON ticket_events(business_day, type, ticket_id, counter_id, actor_id, area_id);
