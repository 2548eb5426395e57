import * as path from 'node:path';
import * as vscode from 'vscode';
import { findTestFiles, runMochaFiles } from '../harness/mocha-files';
import { formatCounts, SUITE_START } from '../harness/results';

/**
 * The extension-host test runner: VS Code calls `run()` inside the extension host (code-server
 * through the `payload` query parameter, or desktop VS Code through @vscode/test-electron).
 * It prints a marker line with the counts for the driver and rejects if any test failed.
 */
export async function run(): Promise<void> {
  console.log(SUITE_START);
  // The last-known tree is off for the suites (each sees the lists it asks for); its own suite
  // turns it on. Set here, through the workbench: a value put in the settings file beforehand
  // could not be changed by a test in code-server.
  await vscode.workspace.getConfiguration('sagemaker').update('showLastKnownTree', false, vscode.ConfigurationTarget.Global);
  // activation.test.js first: it must see the extension activate, before any other suite does.
  const files = findTestFiles(__dirname).sort((a, b) => Number(isActivationSuite(b)) - Number(isActivationSuite(a)));
  // SAGEMAKER_TEST_GREP: only the tests whose full title matches (while working on one suite).
  const grep = process.env.SAGEMAKER_TEST_GREP;
  const counts = await runMochaFiles(files, { timeout: 60_000, color: false, ...(grep ? { grep } : {}) });
  console.log(formatCounts(counts));
  if (counts.failed > 0) {
    throw new Error(`${counts.failed} extension-host test(s) failed`);
  }
  if (counts.passed === 0) {
    throw new Error(`no extension-host tests ran (looked in ${path.relative(process.cwd(), __dirname) || __dirname})`);
  }
}

function isActivationSuite(file: string): boolean {
  return path.basename(file) === 'activation.test.js';
}
