/**
 * A signal that aborts after `ms` (a TimeoutError, for the body read too) or when `stop` aborts. Not
 * `AbortSignal.any([AbortSignal.timeout(ms), stop])`: on Node 20 nothing holds the timeout signal strongly inside
 * `any()`, so a garbage collection during a request the hub never answers drops it and the request waits forever
 * (the sender stops sending; seen as a 30 s test timeout under load, and reproduced with a forced GC in
 * deadline.signal.test.ts). Here the timer's closure holds the controller.
 */
export function deadline(ms: number, stop: AbortSignal): { signal: AbortSignal; release: () => void } {
  const ac = new AbortController();
  const onStop = () => {
    clearTimeout(timer);
    ac.abort(stop.reason);
  };
  const timer = setTimeout(() => {
    stop.removeEventListener('abort', onStop);
    ac.abort(new DOMException('Hết thời gian chờ (timeout)', 'TimeoutError'));
  }, ms);
  // The timer never keeps a stopping process alive.
  timer.unref?.();
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });
  return {
    signal: ac.signal,
    // The exchange is over (answer and body read): drop the timer and the listener on the long-lived stop signal
    // at once, instead of holding both for the rest of `ms` (a sender catching up sends many batches a second).
    release: () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', onStop);
    },
  };
}
