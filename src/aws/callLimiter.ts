/**
 * At most a fixed number of calls in flight among all the work that shares one limiter (e.g.
 * every page of one listing): the others wait their turn, first come first served.
 */
export interface CallLimiter {
  run<T>(call: () => Promise<T>): Promise<T>;
}

export function callLimiter(max: number): CallLimiter {
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`A call limiter needs at least one call in flight, got ${max}`);
  }
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(call) {
      if (running < max) {
        running++;
      } else {
        await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing call hands its place over
      }
      try {
        return await call();
      } finally {
        const next = waiting.shift();
        if (next) {
          next();
        } else {
          running--;
        }
      }
    },
  };
}
