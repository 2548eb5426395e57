import * as assert from 'node:assert/strict';
import { AWS_POLL_TIMING, LOCAL_POLL_TIMING, PollSchedule, pollDelay, pollTimingFor, type PollTiming } from '../../../src/tree/pollSchedule';

const T: PollTiming = { firstMs: 1000, factor: 2, maxMs: 5000 };

describe('poll schedule: when rows in a passing state are read again', () => {
  it('waits longer after each read, and stops growing at the cap', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 10, 100].map((n) => pollDelay(T, n)), [1000, 2000, 4000, 5000, 5000, 5000, 5000]);
    // AWS's pace: minutes of starting cost a handful of calls, at most one a minute later on.
    assert.equal(pollDelay(AWS_POLL_TIMING, 0), 5000);
    assert.equal(pollDelay(AWS_POLL_TIMING, 50), 60_000);
  });

  it('uses the fast pace only for a local endpoint on this computer', () => {
    assert.equal(pollTimingFor('http://127.0.0.1:4567'), LOCAL_POLL_TIMING);
    assert.equal(pollTimingFor('http://localhost:80/'), LOCAL_POLL_TIMING);
    assert.equal(pollTimingFor(undefined), AWS_POLL_TIMING);
    assert.equal(pollTimingFor('https://api.sagemaker.us-east-1.amazonaws.com'), AWS_POLL_TIMING);
    assert.equal(pollTimingFor('https://127.0.0.1.example.com'), AWS_POLL_TIMING);
  });

  it('with nothing passing, nothing is due and no time is set', () => {
    const s = new PollSchedule(T);
    s.sync([], 0);
    assert.equal(s.size, 0);
    assert.equal(s.nextDueAt(), undefined);
    assert.deepEqual(s.due(1e9), []);
  });

  it('a row that becomes passing is due after the first wait, then backs off read by read', () => {
    const s = new PollSchedule(T);
    s.sync(['a'], 0);
    assert.equal(s.nextDueAt(), 1000);
    assert.deepEqual(s.due(999), []);
    assert.deepEqual(s.due(1000), ['a']);
    let now = 1000;
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      s.read('a', now);
      const next = s.nextDueAt()!;
      waits.push(next - now);
      now = next;
    }
    assert.deepEqual(waits, [2000, 4000, 5000, 5000, 5000]);
    assert.equal(s.readsOf('a'), 5);
  });

  it('keeps the backoff of a row still passing, forgets a settled one, and starts a new transition afresh', () => {
    const s = new PollSchedule(T);
    s.sync(['a', 'b'], 0);
    s.read('a', 1000);
    s.read('a', 3000);
    s.sync(['a', 'b'], 3500); // a redraw: nothing changes
    assert.equal(s.readsOf('a'), 2);
    s.sync(['b'], 4000); // a settled
    assert.equal(s.readsOf('a'), undefined);
    assert.equal(s.size, 1);
    s.sync(['a', 'b'], 9000); // a passing again (started once more)
    assert.equal(s.readsOf('a'), 0);
    assert.equal(s.nextDueAt(), 1000, 'b is still due since its first wait');
  });

  it('hands out the due rows earliest first, at most as many as asked', () => {
    const s = new PollSchedule(T);
    s.sync(['a'], 0);
    s.sync(['a', 'b'], 200);
    s.sync(['a', 'b', 'c'], 100);
    assert.deepEqual(s.due(5000), ['a', 'c', 'b']);
    assert.deepEqual(s.due(5000, 2), ['a', 'c']);
    s.drop('a');
    assert.deepEqual(s.due(5000), ['c', 'b']);
    s.clear();
    assert.equal(s.nextDueAt(), undefined);
  });
});
