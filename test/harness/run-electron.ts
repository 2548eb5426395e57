import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { CLEAN_WINDOW_SETTINGS } from './code-server';
import { prepareEnvironment, prepareTestWorkspace } from './fixtures';
import { repoRoot } from './paths';

/**
 * `npm run test:electron`: the same extension-host suites (out/test/host/index.js) in desktop
 * VS Code through @vscode/test-electron, for people with VS Code and internet. It downloads
 * VS Code unless VSCODE_EXECUTABLE names an installed one. Offline, `npm run test:host` runs
 * the very same suites in code-server.
 */
async function main(): Promise<number> {
  const executable = process.env.VSCODE_EXECUTABLE;
  if (executable && !fs.existsSync(executable)) {
    throw new Error(`VSCODE_EXECUTABLE is set to ${executable}, which does not exist.`);
  }
  const fixtures = await prepareEnvironment();
  const workspace = await prepareTestWorkspace();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-electron-'));
  try {
    const userData = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...CLEAN_WINDOW_SETTINGS, ...fixtures.userSettings }, null, 2));
    // As in code-server: the user's own AWS_* variables never reach the tests, only the fixtures'.
    const env: Record<string, string | undefined> = {};
    for (const k of Object.keys(process.env).filter((k) => k.startsWith('AWS_'))) {
      env[k] = undefined;
    }
    Object.assign(env, fixtures.env, workspace.env);
    return await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', 'index.js'),
      vscodeExecutablePath: executable,
      extensionTestsEnv: env,
      launchArgs: [
        workspace.folder,
        `--user-data-dir=${userData}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!executable && /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|download/i.test(message)) {
      throw new Error(
        `Could not download VS Code for the tests (${message}).\n` +
          '@vscode/test-electron downloads VS Code from update.code.visualstudio.com. Without internet, either set\n' +
          'VSCODE_EXECUTABLE to an installed VS Code (e.g. /usr/share/code/code), or run the same suites in\n' +
          'code-server with `npm run test:host`.',
      );
    }
    throw e;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await workspace.dispose();
    await fixtures.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
