/** How running time, prices and idle shutdown are said (src/running/facts.ts). */
import * as assert from 'node:assert/strict';
import { costSoFar, formatDuration, formatPrice, idleShutdownText, runningFor } from '../../../src/running/facts';

const H = 3_600_000;

describe('running/facts: time, price and idle shutdown in words', () => {
  it('durations: minutes, hours and minutes, days and hours', () => {
    assert.equal(formatDuration(20_000), 'less than a minute');
    assert.equal(formatDuration(45 * 60_000), '45 min');
    assert.equal(formatDuration(3 * H + 12 * 60_000), '3 h 12 min');
    assert.equal(formatDuration(2 * H), '2 h');
    assert.equal(formatDuration(51 * H), '2 d 3 h');
    assert.equal(formatDuration(-5), 'less than a minute');
  });

  it('a known start says how long; a bound says "since"', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    assert.equal(runningFor(new Date(now - 3 * H - 12 * 60_000), false, now), '3 h 12 min');
    assert.match(runningFor(new Date(now - 3 * H), true, now) ?? '', /^since \d{1,2}:\d{2}/);
    assert.match(runningFor(new Date(now - 50 * H), true, now) ?? '', /^since \d{1,2} \w+|^since \w+ \d{1,2}/);
    assert.equal(runningFor(undefined, false, now), undefined);
  });

  it('price per hour and cost so far ("at least" where the start is a bound)', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    assert.equal(formatPrice(1.41), '$1.41/h');
    assert.equal(formatPrice(0.05), '$0.0500/h');
    assert.equal(costSoFar(1.41, new Date(now - 10 * H), false, now), '$14.10');
    assert.equal(costSoFar(0.05, new Date(now - 3 * H), true, now), 'at least $0.15');
  });

  it("idle shutdown: the space's own, the domain's default, or a warning that there is none", () => {
    assert.deepEqual(idleShutdownText({ minutes: 60, source: 'space' }), { text: "after 1 h idle (the space's own setting)", warning: false });
    assert.deepEqual(idleShutdownText({ minutes: 180, source: 'domain' }), { text: "after 3 h idle (the domain's default)", warning: false });
    assert.deepEqual(idleShutdownText({ source: 'none' }), { text: 'no idle shutdown: it runs until stopped', warning: true });
  });
});
