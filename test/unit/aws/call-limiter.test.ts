import * as assert from 'node:assert/strict';
import { callLimiter } from '../../../src/aws/index';

/** A call that ends when the test says so. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('aws/callLimiter: a bound on calls in flight shared by several listings', () => {
  it('runs at most `max` at once, the rest in the order they came, each as soon as a place is free', async () => {
    const limiter = callLimiter(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        most = Math.max(most, ++inFlight);
        await g.promise;
        inFlight--;
        return i;
      }),
    );
    await tick();
    assert.deepEqual(started, [0, 1]);
    gates[1].open();
    await tick();
    assert.deepEqual(started, [0, 1, 2]);
    gates.forEach((g) => g.open());
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
    assert.equal(most, 2);
  });

  it('a failed call frees its place and passes its error on', async () => {
    const limiter = callLimiter(1);
    await assert.rejects(limiter.run(() => Promise.reject(new Error('denied'))), /denied/);
    assert.equal(await limiter.run(() => Promise.resolve('next')), 'next');
  });

  it('refuses a bound below one', () => {
    assert.throws(() => callLimiter(0), /at least one call in flight/);
  });
});
