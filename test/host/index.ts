import * as path from 'node:path';
import { findTestFiles, runMochaFiles } from '../harness/mocha-files';
import { formatCounts } from '../harness/results';

/**
 * The extension-host test runner: VS Code calls `run()` inside the extension host (code-server
 * through the `payload` query parameter, or desktop VS Code through @vscode/test-electron).
 * It prints a marker line with the counts for the driver and rejects if any test failed.
 */
export async function run(): Promise<void> {
  const files = findTestFiles(__dirname);
  const counts = await runMochaFiles(files, { timeout: 60_000, color: false });
  console.log(formatCounts(counts));
  if (counts.failed > 0) {
    throw new Error(`${counts.failed} extension-host test(s) failed`);
  }
  if (counts.passed === 0) {
    throw new Error(`no extension-host tests ran (looked in ${path.relative(process.cwd(), __dirname) || __dirname})`);
  }
}
