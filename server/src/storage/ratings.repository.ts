import type { Db } from './db.ts';
import type { RatingRecord, RatingsRepository } from '../core/store.port.ts';

export function createRatingsRepository(db: Db): RatingsRepository {
  const byTicket = db.prepare<[string], { id: string; level: string }>(
    'SELECT id, level FROM ratings WHERE ticket_id = ?',
  );
  const insert =
    db.prepare(`INSERT INTO ratings (id, ticket_id, level, reasons, comment, counter_id, clerk_id, area_id, device_id, at, business_day)
    VALUES (@id, @ticketId, @level, @reasons, @comment, @counterId, @clerkId, @areaId, @deviceId, @at, @businessDay)`);
  const clerkTally = db.prepare<[string, string], { level: string; n: number }>(
    'SELECT level, COUNT(*) AS n FROM ratings WHERE business_day = ? AND clerk_id = ? GROUP BY level',
  );
  const dayTally = db.prepare<[string], { level: string; n: number }>(
    'SELECT level, COUNT(*) AS n FROM ratings WHERE business_day = ? GROUP BY level',
  );
  return {
    ofTicket: (ticketId: string) => byTicket.get(ticketId),
    insert: (r: RatingRecord) => insert.run({ ...r, reasons: JSON.stringify(r.reasons) }),
    clerkTally: (day: string, clerkId: string) => clerkTally.all(day, clerkId),
    dayTally: (day: string) => dayTally.all(day),
  };
}
