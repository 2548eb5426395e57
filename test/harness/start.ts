import * as fs from 'node:fs';
import * as path from 'node:path';
import { stopAll, stoppingOnSignal } from './cleanup';
import { startCodeServer } from './code-server';
import { prepareEnvironment, presignedOrigin } from './fixtures';
import { repoRoot } from './paths';

/**
 * `npm start`: the extension, freshly built, running for real in VS Code (code-server) on a
 * loopback port, as an extension under development (rebuild, then "Developer: Reload Window"
 * picks up edits). A throwaway profile; never the user's own settings or AWS files.
 * `npm start -- --folder <path>` opens that folder instead of an empty one.
 */
async function main(): Promise<void> {
  const folderArg = process.argv.indexOf('--folder');
  const folder = folderArg >= 0 ? path.resolve(process.argv[folderArg + 1] ?? '') : undefined;
  if (folder && !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`--folder ${folder} is not a folder`);
  }
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` (npm start does).');
  }
  // The local SageMaker endpoint with its demo data; state changes take a visible 2 s.
  const fixtures = await prepareEnvironment({ transitionDelayMs: 2000 });
  const server = await startCodeServer({
    extensionDevelopmentPath: repoRoot,
    env: fixtures.env,
    userSettings: fixtures.userSettings,
    folder,
    // Presigned URLs from the emulator open without the "open external website?" question.
    trustedDomains: [fixtures.emulator.url, presignedOrigin(fixtures.emulator)],
  });
  const url = server.workbenchUrl([['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);
  console.log(`\nLocal SageMaker endpoint (demo data, regions ${fixtures.emulator.regions.join(', ')}): ${fixtures.emulator.url}`);
  console.log(`\nSageMaker Environments is running in VS Code at ${url}\n`);
  console.log('Open that address in a browser (the SageMaker icon is in the activity bar). Press Ctrl-C to stop.');
  // Runs until Ctrl-C (the cleanup handlers stop everything and exit) or until code-server dies.
  const result = await server.exited;
  if (stoppingOnSignal()) {
    // The signal handler is stopping the rest and exits when done.
    return new Promise<void>(() => undefined);
  }
  throw new Error(`code-server stopped by itself (${result}):\n${server.outputTail()}`);
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  await stopAll();
  process.exit(1);
});
