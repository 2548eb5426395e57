import * as fs from 'node:fs';
import * as path from 'node:path';
import { findChromium } from './chromium';
import { findTestFiles, runMochaFiles } from './mocha-files';
import { repoRoot, vsixPath } from './paths';
import { npmCommand, runGroup } from './processes';
import type { TestCounts } from './results';

/**
 * UI tests: package the extension as users get it (`npm run package`), then run the Playwright
 * suites in out/test/ui/ here, in Node; each suite starts its own code-server with the .vsix
 * installed (test/ui/workbench.ts).
 */
export async function runUiTier(): Promise<TestCounts> {
  findChromium(); // fails early, with what to install, before anything is started
  const started = Date.now();
  const npm = npmCommand();
  let output = '';
  try {
    await runGroup(npm.command, [...npm.args, 'run', 'package'], {
      cwd: repoRoot,
      timeoutMs: 10 * 60_000,
      onOutput: (s) => (output += s),
    });
  } catch (e) {
    throw new Error(`npm run package failed: ${(e as Error).message}\n${output}`);
  }
  if (!fs.existsSync(vsixPath)) {
    throw new Error(`npm run package did not produce ${path.relative(repoRoot, vsixPath)}\n${output}`);
  }
  console.log(`Packaged ${path.relative(repoRoot, vsixPath)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.env.SAGEMAKER_VSIX = vsixPath;
  const files = findTestFiles(path.join(repoRoot, 'out', 'test', 'ui'));
  // SAGEMAKER_TEST_GREP: only the tests whose full title matches (as in the host tier).
  const grep = process.env.SAGEMAKER_TEST_GREP;
  return runMochaFiles(files, { timeout: 180_000, ...(grep ? { grep } : {}) });
}
