import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server-process.ts';

let srv: ServerProcess;
beforeAll(async () => {
  srv = await startServerProcess();
});
afterAll(async () => {
  await srv.close();
});

it('the server process dies while the test runs', async () => {
  const gone = new Promise<void>((r) => {
    const id = setInterval(() => {
      if (srv.pid() === undefined) {
        clearInterval(id);
        r();
      }
    }, 20);
  });
  process.kill(srv.pid()!, 'SIGKILL'); // not through srv.kill9(): nobody asked it to stop
  await gone;
  expect(1).toBe(1);
});

it('an asked stop is no failure', async () => {
  await srv.restart();
  await srv.stop();
  expect(srv.pid()).toBeUndefined();
});
