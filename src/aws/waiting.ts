/** Waiting for a resource to reach a state: polling, progress, timeout and cancellation. */
import { AwsError } from './errors';
import type { WaitOptions } from './options';

function cancelled(operation?: string): AwsError {
  return new AwsError('cancelled', 'The request was cancelled.', { operation });
}

/** Sleeps, but wakes with a 'cancelled' error as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Polls `read` until `done` says the target is reached; reports each new status; times out; cancels. */
export async function waitUntil<T>(
  what: string,
  read: (signal: AbortSignal | undefined) => Promise<T>,
  statusOf: (t: T) => string,
  done: (t: T) => boolean,
  failed: (t: T) => boolean,
  o: WaitOptions = {},
): Promise<T> {
  const timeoutMs = o.timeoutMs ?? 15 * 60_000;
  const pollMs = o.pollMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout.signal]) : timeout.signal;
  let last: string | undefined;
  try {
    for (;;) {
      let t: T;
      try {
        t = await read(signal);
        const status = statusOf(t);
        if (status !== last) {
          last = status;
          o.onProgress?.(status);
        }
        if (done(t)) {
          return t;
        }
        if (failed(t)) {
          throw new AwsError('service', `${what} is ${status}, so it cannot reach the state asked for.`);
        }
        await sleep(Math.max(0, Math.min(pollMs, deadline - Date.now())), signal);
      } catch (e) {
        if (o.signal?.aborted) {
          throw new AwsError('cancelled', `Stopped waiting for ${what}: cancelled.`, { cause: e });
        }
        if (timeout.signal.aborted) {
          throw new AwsError('timeout', `${what} did not reach the state asked for within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} (last status: ${last ?? 'unknown'}).`, {
            cause: e,
            action: { label: 'Retry', kind: 'retry' },
          });
        }
        throw e;
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
