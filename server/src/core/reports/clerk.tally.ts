import type { TallyDto } from '../../contract/routes.ts';
import type { Deps } from '../ports.ts';
import { summaryReport } from './reports.usecases.ts';

/**
 * A clerk's tally of one business day (GET /api/auth/me/tally, the counter console's strip): the same figures as
 * the clerk's row of the day's report, zeros (every rating level at 0) when the clerk has served nobody yet.
 */
export function clerkTally(deps: Deps, input: { day: string; userId: string }): TallyDto {
  const { day, userId } = input;
  const report = summaryReport(deps, { from: day, to: day, groupBy: 'clerk' });
  const user = deps.store.accounts.user(userId)!;
  const row = report.rows.find((r) => r.key === user.username);
  return {
    businessDay: day,
    served: row?.served ?? 0,
    noShow: row?.noShow ?? 0,
    called: row?.issued ?? 0,
    avgServiceSec: row?.avgServiceSec ?? null,
    ratings: row?.ratings ?? Object.fromEntries(deps.settings.get().ratingLevels.map((l) => [l.key, 0])),
  };
}
