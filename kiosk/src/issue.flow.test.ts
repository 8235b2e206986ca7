import { describe, expect, it, vi } from 'vitest';
import { isTransient, issueErrorMessage, issueWithRetry, newIdempotencyKey } from './issue.flow.ts';
import { ticket } from './kiosk.fixtures.ts';

const offline = Object.assign(new Error('offline'), { status: 0, code: 'network.offline' });
const closed = Object.assign(new Error('Lĩnh vực này đang tạm ngừng cấp số.'), { status: 409, code: 'area.closed' });
const input = { areaId: 'a1', priority: false, priorityGroup: null, idempotencyKey: 'k-1' };
const noSleep = async () => {};

describe('issueWithRetry', () => {
  it('retries a lost request with the same idempotency key', async () => {
    const issue = vi.fn().mockRejectedValueOnce(offline).mockResolvedValueOnce(ticket());
    await expect(issueWithRetry(issue, input, { sleep: noSleep })).resolves.toMatchObject({ number: '1005' });
    expect(issue).toHaveBeenCalledTimes(2);
    expect(issue.mock.calls.map((c) => c[0].idempotencyKey)).toEqual(['k-1', 'k-1']);
  });
  it('does not retry a refusal (area closed)', async () => {
    const issue = vi.fn().mockRejectedValue(closed);
    await expect(issueWithRetry(issue, input, { sleep: noSleep })).rejects.toBe(closed);
    expect(issue).toHaveBeenCalledTimes(1);
  });
  it('gives up after the attempts', async () => {
    const issue = vi.fn().mockRejectedValue(offline);
    await expect(issueWithRetry(issue, input, { attempts: 3, sleep: noSleep })).rejects.toBe(offline);
    expect(issue).toHaveBeenCalledTimes(3);
  });
});

describe('helpers', () => {
  it('classifies transient errors', () => {
    expect(isTransient(offline)).toBe(true);
    expect(isTransient({ status: 503 })).toBe(true);
    expect(isTransient(closed)).toBe(false);
  });
  it('says what went wrong in Vietnamese', () => {
    expect(issueErrorMessage(closed)).toBe('Lĩnh vực này đang tạm ngừng cấp số.');
    expect(issueErrorMessage(offline)).toContain('mất kết nối');
  });
  it('makes keys without randomUUID (insecure http context)', () => {
    const c = { getRandomValues: (b: Uint8Array) => b.fill(171) } as unknown as Crypto;
    expect(newIdempotencyKey(c)).toBe('ab'.repeat(16));
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
