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

/** Runs mocha over `files` in this process and counts passed and failed tests (hooks included). */
export async function runMochaFiles(files: string[], options: Mocha.MochaOptions): Promise<TestCounts> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', ...options });
  for (const f of files) {
    mocha.addFile(f);
  }
  await mocha.loadFilesAsync();
  return new Promise<TestCounts>((resolve) => {
    const runner = mocha.run();
    let passed = 0;
    let failed = 0;
    runner.on('pass', () => passed++);
    // Also counts a failing before/after hook, which mocha reports as a failure.
    runner.on('fail', () => failed++);
    runner.on('end', () => resolve({ passed, failed }));
  });
}
