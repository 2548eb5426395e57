import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { findChromium, launchChromium } from './chromium';
import { startCodeServer } from './code-server';
import { prepareEnvironment, prepareTestWorkspace } from './fixtures';
import { repoRoot } from './paths';
import { parseCounts, SUITE_START, type TestCounts } from './results';

/** The whole suite, start-up included; generous because the machine is shared. */
const HOST_TIER_TIMEOUT_MS = Number(process.env.HOST_TESTS_TIMEOUT_MS ?? 10 * 60_000);

/**
 * Runs the extension-host suites (out/test/host/index.js) inside code-server: the workbench
 * loads the extension from the repository as an extension under development and runs the test
 * module through the `payload` query parameter; headless Chromium hosts the workbench and
 * forwards the suite's console output and exit code to us.
 */
export async function runHostTier(): Promise<TestCounts> {
  const testsPath = path.join(repoRoot, 'out', 'test', 'host', 'index.js');
  for (const [file, fix] of [
    [path.join(repoRoot, 'dist', 'extension.js'), 'npm run build'],
    [testsPath, 'npm run compile'],
  ] as const) {
    if (!fs.existsSync(file)) {
      throw new Error(`${path.relative(repoRoot, file)} is missing: run \`${fix}\` (npm run test:host does both).`);
    }
  }
  findChromium(); // fails early, with what to install, before anything is started
  const fixtures = await prepareEnvironment();
  const workspace = await prepareTestWorkspace();
  try {
    const server = await startCodeServer({
      extensionDevelopmentPath: repoRoot,
      env: { ...fixtures.env, ...workspace.env },
      userSettings: fixtures.userSettings,
      folder: workspace.folder,
    });
    try {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        let output = '';
        // The workbench's own console lines come first; they are shown only when something fails.
        let suiteStarted = false;
        const workbenchLines: string[] = [];
        let exitCode: ((code: number) => void) | undefined;
        const exited = new Promise<number>((resolve) => (exitCode = resolve));
        await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
          // The arguments of a console call in the extension host, format string first.
          const line = format(...(Array.isArray(args) ? args : [args]));
          output += `${line}\n`;
          if (line === SUITE_START) {
            suiteStarted = true;
          } else if (suiteStarted || process.env.HOST_TESTS_VERBOSE) {
            (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
          } else {
            workbenchLines.push(line);
          }
        });
        await page.exposeFunction('codeAutomationExit', (code: number) => exitCode?.(code));
        const url = server.workbenchUrl([['extensionTestsPath', server.remoteUri(testsPath)]]);
        await page.goto(url, { timeout: 120_000 });
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), HOST_TIER_TIMEOUT_MS);
        });
        const result = await Promise.race([exited, timedOut]).finally(() => clearTimeout(timer));
        const counts = parseCounts(output);
        const details = () => `\nthe workbench said:\n${workbenchLines.slice(-40).join('\n')}\ncode-server said:\n${server.outputTail()}`;
        if (result === 'timeout') {
          throw new Error(`the extension-host suites did not finish within ${HOST_TIER_TIMEOUT_MS / 1000} s${details()}`);
        }
        if (!counts) {
          throw new Error(`the extension-host run ended (exit code ${result}) without reporting results${details()}`);
        }
        return counts;
      } finally {
        await browser.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await workspace.dispose();
    await fixtures.dispose();
  }
}
