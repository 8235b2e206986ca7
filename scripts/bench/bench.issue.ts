import { bareInsert, httpIssue, type Call } from './bench.queue.ts';

type Bare = ReturnType<typeof bareInsert>;
type Issue = Awaited<ReturnType<typeof httpIssue>>;

export interface IssueRound {
  bare: Bare;
  issue: Issue;
  ratio: number;
}

export interface IssueRounds {
  /** The first tickets a fresh server issues (its code not yet compiled by V8's JIT), not held to the goal. */
  cold: Issue;
  rounds: IssueRound[];
  /** The round whose ratio is the median: the figure held to the goal. */
  median: IssueRound;
}

/**
 * Issue 15's issue-rate goal (HTTP ≥ 0.5× the bare insert), measured as paired rounds. On this shared VM the same
 * build gives rates that differ by ±30 % from one run to the next, and the bare insert's rate (fsync-bound) moves as
 * much, so one floor measured seconds before one HTTP run compares two different machines. Each round measures the
 * floor and then the HTTP run back to back; the median round is the figure. Before the rounds, a warm-up run on the
 * same server: a center's server runs all day, so its steady rate is the one that matters, and the cold figure is
 * printed beside it rather than hidden.
 */
export async function issueRounds(opts: {
  call: Call;
  kioskToken: string;
  areaId: string;
  n: number;
  rounds: number;
  warmup: number;
  serverPid?: number;
}): Promise<IssueRounds> {
  const { call, kioskToken, areaId, n, serverPid } = opts;
  const cold = await httpIssue(call, kioskToken, [areaId], opts.warmup, 8, serverPid, 'warmup');
  const rounds: IssueRound[] = [];
  for (let r = 0; r < Math.max(1, opts.rounds); r++) {
    const bare = bareInsert(n);
    const issue = await httpIssue(call, kioskToken, [areaId], n, 8, serverPid, `round${r}`);
    rounds.push({ bare, issue, ratio: issue.opsPerSec / bare.opsPerSec });
  }
  return { cold, rounds, median: medianRound(rounds) };
}

/** The round with the median ratio (the lower middle one for an even count: never the kinder of two). */
export function medianRound(rounds: IssueRound[]): IssueRound {
  const sorted = [...rounds].sort((a, b) => a.ratio - b.ratio);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
