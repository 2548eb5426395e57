import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { repoRoot } from './paths';
import type { TestCounts } from './results';

/**
 * Every `*.test.js` below `dir`, sorted, so suites added later are picked up by themselves.
 * tsc never deletes from out/: a compiled test whose `.ts` is gone (renamed, deleted) is skipped.
 */
export function findTestFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  const out = path.join(repoRoot, 'out');
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .filter((file) => {
      const source = path.join(repoRoot, path.relative(out, file)).replace(/\.js$/, '.ts');
      if (file.startsWith(out + path.sep) && !fs.existsSync(source)) {
        console.log(`(skipping ${path.relative(repoRoot, file)}: its source ${path.relative(repoRoot, source)} no longer exists)`);
        return false;
      }
      return true;
    })
    .sort();
}

/**
 * Runs mocha over `files` in this process and counts its tests: passed, failed, skipped (with
 * why). A hook that fails counts every test of its suite that had not run yet as failed (mocha
 * then runs none of them); a hook failing after they all ran (an after hook) counts as one.
 */
export async function runMochaFiles(files: string[], options: Mocha.MochaOptions): Promise<TestCounts> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', ...options });
  for (const f of files) {
    mocha.addFile(f);
  }
  await mocha.loadFilesAsync();
  return new Promise<TestCounts>((resolve) => {
    const runner = mocha.run();
    const counts: TestCounts = { passed: 0, failed: 0, skipped: [] };
    const reported = new Set<Mocha.Runnable>();
    runner.on('pass', (test) => {
      if (!reported.has(test)) {
        reported.add(test);
        counts.passed++;
      }
    });
    runner.on('fail', (runnable: Mocha.Runnable & { type?: string }) => {
      if (runnable.type !== 'hook') {
        if (!reported.has(runnable)) {
          reported.add(runnable);
          counts.failed++;
        }
        return;
      }
      const notRun = runnable.parent ? testsOf(runnable.parent).filter((t) => !reported.has(t) && t.state === undefined) : [];
      for (const t of notRun) {
        reported.add(t);
        if (t.isPending()) {
          counts.skipped.push({ title: t.fullTitle(), reason: skipReason(t) });
        }
      }
      counts.failed += Math.max(1, notRun.filter((t) => !t.isPending()).length);
    });
    runner.on('pending', (test) => {
      if (!reported.has(test)) {
        reported.add(test);
        counts.skipped.push({ title: test.fullTitle(), reason: skipReason(test) });
      }
    });
    runner.on('end', () => resolve(counts));
  });
}

/** Every test in `suite` and the suites inside it. */
function testsOf(suite: Mocha.Suite): Mocha.Test[] {
  return [...suite.tests, ...suite.suites.flatMap(testsOf)];
}

/** Why mocha skipped this test: skipBecause()'s reason, or how it was skipped. */
function skipReason(test: Mocha.Test): string {
  for (let r: Mocha.Test | Mocha.Suite | undefined = test; r; r = r.parent) {
    const given = (r as { skipReason?: string }).skipReason;
    if (given) {
      return given;
    }
  }
  for (let suite = test.parent; suite; suite = suite.parent) {
    if (suite.pending && suite.parent) {
      return `describe.skip("${suite.title}") gives no reason`;
    }
  }
  return test.fn ? 'this.skip() without a reason (use skipBecause)' : 'it.skip gives no reason';
}
