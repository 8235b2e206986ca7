import { expect, it } from 'vitest';

// Each test passes by its own asserts; something thrown in the background during it must still fail it.
it('an exception thrown in a timer during the test', async () => {
  setTimeout(() => {
    throw new Error('boom-uncaught');
  }, 0);
  await new Promise((r) => setTimeout(r, 50));
  expect(1).toBe(1);
});

it('a promise rejected with nobody listening during the test', async () => {
  void Promise.reject(new Error('boom-rejection'));
  await new Promise((r) => setTimeout(r, 50));
  expect(1).toBe(1);
});

it('a clean test after them still passes', () => {
  expect(1).toBe(1);
});
