/**
 * What activation registers of the commands and the vscode:// link handler: every command id, each
 * with a small handler that loads the implementations (./table.ts: dist/commands.js in the bundle)
 * on first use, then calls the real one. Registering costs no more than before; the code of ~35
 * commands waits until one runs.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lazyLoadProblem, loadWithCodeCache } from '../aws/codeCache';
import type { ExtensionServices } from '../context';
import { UserFacingError } from '../errors';
import { hostModules } from '../hostModules';
import { COMMAND_IDS, type CommandId } from './ids';
import type { Handler } from './table';

type Implementations = typeof import('./table');

let implementations: Implementations | undefined;

/**
 * The commands' implementations, loaded once. In the bundle: dist/commands.js beside
 * dist/extension.js, through the loader that hands it this bundle's modules (no copies, see
 * src/hostModules.ts). Compiled by tsc (out/, no bundle: hostModules undefined): a plain require()
 * of out/src/commands/table.js, whose imports are the same compiled modules as everyone's.
 * A failure (the file missing or damaged) is one clear message; the log gets the error.
 */
function loadImplementations(): Implementations {
  if (!implementations) {
    const file = hostModules ? path.join(__dirname, 'commands.js') : path.join(__dirname, 'table.js');
    try {
      // The path is not a literal, so esbuild leaves this require() alone (only out/ takes it).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      implementations = hostModules ? loadWithCodeCache<Implementations>(file, undefined, hostModules).exports : (require(file) as Implementations);
    } catch (e) {
      throw new UserFacingError(`SageMaker Environments could not load its commands (${path.basename(file)}: ${lazyLoadProblem(e)}). Reinstalling the extension should fix this.`, { cause: e });
    }
  }
  return implementations;
}

/** Registers every command through the error wrapper, so each failure is reported once, the same way. */
export function registerCommands(s: ExtensionServices): vscode.Disposable[] {
  let table: Record<CommandId, Handler> | undefined;
  return COMMAND_IDS.map((id) =>
    vscode.commands.registerCommand(
      id,
      s.errors.wrap(id, (...args: unknown[]) => {
        // The command and the tree use one connection: if the settings changed unannounced, the tree follows first.
        s.connection.check(`before ${id}`);
        table ??= loadImplementations().commandTable(s);
        return (table[id] as (...a: unknown[]) => Promise<unknown>)(...args);
      }),
    ),
  );
}

/** Registers the handler for the extension's vscode:// links; each one goes through the command error wrapper. */
/** Brings Remote SSH's installed helper up to this version (src/remote/sshConfig.ts), loading the commands' file for it. */
export function refreshRemoteInstall(dir: string, helperSource: string, runtime: string): void {
  loadImplementations().refreshInstall(dir, helperSource, runtime);
}

/**
 * What activation makes only when first used, from the commands' file (loading it): Open Recent's
 * list, the copied URL's countdown, the quick pick, an error's message and buttons, the running
 * environments' scanner, status item and reminder, the poller of rows in a passing state, the
 * writing of the last-known tree.
 */
export function fromCommandsFile<K extends 'RecentList' | 'ClipboardExpiry' | 'showPick' | 'showError' | 'startRunning' | 'StatePoller' | 'snapshotTree' | 'writeTree'>(name: K): Implementations[K] {
  return loadImplementations()[name];
}

export function registerLinkHandler(s: ExtensionServices): vscode.Disposable {
  const handle = s.errors.wrap('SageMaker link', (uri: vscode.Uri) => loadImplementations().openLink(s, uri));
  return vscode.window.registerUriHandler({ handleUri: (uri) => void handle(uri) });
}
