import { describe, expect, it } from 'vitest';
import { medianRound, type IssueRound } from './bench.issue.ts';

const round = (ratio: number) => ({ ratio }) as IssueRound;

describe('medianRound', () => {
  it('holds the middle round of an odd count to the goal, whatever order the rounds came in', () => {
    expect(medianRound([round(0.6), round(0.3), round(0.45)]).ratio).toBe(0.45);
    expect(medianRound([round(0.1), round(0.9), round(0.5), round(0.2), round(0.7)]).ratio).toBe(0.5);
  });

  it('takes the lower of the two middle rounds of an even count, never the kinder one', () => {
    expect(medianRound([round(0.55), round(0.48)]).ratio).toBe(0.48);
    expect(medianRound([round(0.4), round(0.7), round(0.5), round(0.6)]).ratio).toBe(0.5);
  });

  it('with one round, is that round', () => {
    expect(medianRound([round(0.42)]).ratio).toBe(0.42);
  });
});
