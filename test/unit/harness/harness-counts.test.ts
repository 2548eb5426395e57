import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCounts, type TestCounts } from '../../harness/results';

/**
 * How the harness counts a mocha run (test/harness/mocha-files.ts), the numbers behind the
 * `tests: N passed, N failed, N skipped` line: run in a child process over suites written here.
 */
describe('the harness counts every test', () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-harness-counts-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(source: string): TestCounts {
    const file = path.join(dir, `case-${Math.random().toString(36).slice(2)}.test.js`);
    fs.writeFileSync(file, source);
    const harness = path.join(__dirname, '..', '..', 'harness');
    const script = `
      const { runMochaFiles } = require(${JSON.stringify(path.join(harness, 'mocha-files.js'))});
      const { formatCounts } = require(${JSON.stringify(path.join(harness, 'results.js'))});
      runMochaFiles([${JSON.stringify(file)}], { reporter: 'dot', color: false }).then((c) => console.log(formatCounts(c)));`;
    let out: string;
    try {
      out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? '');
    }
    const counts = parseCounts(out);
    assert.ok(counts, `no counts in:\n${out}`);
    return counts;
  }

  it('counts each test of a suite whose "before all" hook failed as failed', () => {
    const counts = run(`
      describe('a', () => {
        before(() => { throw new Error('set-up failed'); });
        it('one', () => {});
        it('two', () => {});
        describe('inner', () => { it('three', () => {}); });
      });
      describe('b', () => { it('four', () => {}); });`);
    assert.equal(counts.failed, 3);
    assert.equal(counts.passed, 1);
  });

  it('counts the tests a failing "before each" hook kept from running', () => {
    const counts = run(`
      describe('a', () => {
        let n = 0;
        beforeEach(() => { if (++n === 2) { throw new Error('second set-up failed'); } });
        it('one', () => {});
        it('two', () => {});
        it('three', () => {});
      });`);
    assert.deepEqual([counts.passed, counts.failed], [1, 2]);
  });

  it('counts a failing "after all" hook once, after its tests passed', () => {
    const counts = run(`
      describe('a', () => {
        after(() => { throw new Error('clean-up failed'); });
        it('one', () => {});
      });`);
    assert.deepEqual([counts.passed, counts.failed], [1, 1]);
  });

  it('lists skipped tests with their reason', () => {
    const counts = run(`
      const { skipBecause } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'harness', 'results.js'))});
      describe('a', () => {
        it('runs', () => {});
        it('needs something', function () { skipBecause(this, 'no desktop VS Code here'); });
        it.skip('marked', () => {});
      });
      describe.skip('b', () => { it('inside', () => {}); });`);
    assert.equal(counts.passed, 1);
    assert.equal(counts.failed, 0);
    assert.deepEqual(counts.skipped, [
      { title: 'a needs something', reason: 'no desktop VS Code here' },
      { title: 'a marked', reason: 'it.skip gives no reason' },
      { title: 'b inside', reason: 'describe.skip("b") gives no reason' },
    ]);
  });
});
